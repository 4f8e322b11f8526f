// quantity: a figure and a measure ("4ha", "3.000m2", "1.200 tấn", "40 tuổi", "3 tháng",
// "từ 3 đến 5 ngày").
#include "extract/extractors.h"
#include "extract/number_phrase.h"

namespace vnextract::internal {

namespace {

std::optional<size_t> MeasureAt(const DocView& v, const NumberPhrase& last, size_t j, bool /*strict*/,
                                std::string* unit) {
  const Lexicons& lex = v.lex();
  if (!last.glued.empty()) {
    const std::string* u = lex.units.Find(last.glued);
    if (!u) return std::nullopt;
    *unit = *u;
    // "80km/h": a glued unit that goes on past a '/'
    if (v.IsPunct(j, '/') && v.Touches(j) && v.Touches(j + 1)) {
      if (const std::string* per = lex.units.Find(std::string(last.glued) + "/" + std::string(v.Lower(j + 1)))) {
        *unit = *per;
        return 2;
      }
    }
    return RateSuffix(v, j, unit);
  }
  const std::string* u = nullptr;
  size_t skip = 0;
  if (v.IsPunct(j, '-') && v.Touches(j) && v.Touches(j + 1)) skip = 1;  // "6,7-inch"
  size_t n = v.Match(lex.units, j + skip, &u);
  if (n == 0) return std::nullopt;
  if (v.Match(lex.nouns, j + skip) > n) return std::nullopt;  // "ngày công" is a noun, not days
  if (v.Match(lex.year_words, j + skip) > n) return std::nullopt;  // "lớp 6 năm học 2021-2022"
  *unit = *u;
  return n + skip + RateSuffix(v, j + skip + n, unit);  // "1,7 tấn/công"
}

}  // namespace

void ExtractQuantity(const DocView& v, std::vector<Candidate>* out) {
  for (size_t i : v.number_starts()) {
    TokenKind k = v.kind(i);
    if (k == TokenKind::kPercent) continue;
    std::optional<Measured> m = ParseMeasured(v, i, MeasureAt);
    if (!m && i > 0 && v.WordIs(i - 1, "tuổi")) {
      // "ở tuổi 69", "nhóm tuổi 20-39": the measure before the figure.
      m = ParseMeasured(v, i, [](const DocView&, const NumberPhrase& last, size_t, bool strict, std::string* unit)
                                  -> std::optional<size_t> {
        if (strict || !last.glued.empty()) return std::nullopt;
        *unit = "tuổi";
        return 0;
      });
      if (m && m->begin == i) m->begin = i - 1;
      else m.reset();
    }
    // "64/256 GB": the first figure of a pair takes the measure of the second.
    if (!m && v.Is(i, TokenKind::kNumber) && v.IsPunct(i + 1, '/') && v.Touches(i + 1) && v.Touches(i + 2)) {
      std::optional<Measured> second = ParseMeasured(v, i + 2, MeasureAt);
      const NumberPhrase* first = ParseNumberAt(v, i);
      if (second && first && second->begin == i + 2 && !second->hi) {
        Measured mm = *second;
        mm.begin = i;
        mm.end = i + 1;
        mm.lo = first->value;
        mm.first = first;
        mm.qualifier.clear();
        AddMeasured(out, RecordType::kQuantity, mm, "quantity.pair");
        continue;
      }
    }
    if (!m) continue;
    // "năm 2020 tháng": a year is never a measure.
    if (m->first->integer_literal && m->first->digits == 4 && v.MatchBefore(v.lex().year_words, i)) continue;
    if (m->unit.empty()) continue;
    AddMeasured(out, RecordType::kQuantity, *m,
                m->hi                     ? "quantity.range"
                : m->first->glued.empty() ? "quantity.unit"
                                          : "quantity.glued_unit");
  }
}

}  // namespace vnextract::internal
