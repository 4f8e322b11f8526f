// count: a figure and the noun it counts ("45 nhiệm vụ", "02 đảng viên", "05 DN",
// "hàng trăm người", "hai học sinh").
#include "extract/extractors.h"
#include "extract/number_phrase.h"

namespace vnextract::internal {

namespace {

std::optional<size_t> NounAt(const DocView& v, const NumberPhrase& last, size_t j, bool strict, std::string* unit) {
  if (!last.glued.empty()) return std::nullopt;
  // "Hai Bà Trưng", "Ba Đình": a number word before a capital is part of a name.
  if (last.words && j < v.size() && v.tok(j).upper_initial && !v.tok(j).all_upper) return std::nullopt;
  size_t n = CountedNoun(v, j, strict, unit);
  if (n == 0) return std::nullopt;
  return n + RateSuffix(v, j + n, unit);  // "350.000 ca/ngày"
}

// "thứ 3", "lần thứ 2", "top 10", "số 12": a label, not a count.
bool AfterOrdinalMarker(const DocView& v, size_t i) {
  size_t n = v.MatchBefore(v.lex().ordinal_markers, i);
  if (n == 1 && v.WordIs(i - 1, "điều") && !v.tok(i - 1).upper_initial) return false;  // "đã điều 6 xe"
  return n > 0 && v.MatchBefore(v.lex().not_ordinal_markers, i) < n + 1;
}

}  // namespace

void ExtractCount(const DocView& v, std::vector<Candidate>* out) {
  for (size_t i : v.number_starts()) {
    TokenKind k = v.kind(i);
    if (k == TokenKind::kNumUnit || k == TokenKind::kPercent) continue;
    if (AfterOrdinalMarker(v, i)) continue;
    std::optional<Measured> m = ParseMeasured(v, i, NounAt);
    if (!m) continue;
    // A year before a noun ("năm 2020 học sinh", "Luật Đất đai 2013 quy định") is a date's business.
    if (m->first->integer_literal && m->first->digits == 4) {
      std::optional<long long> y = m->first->value.AsInt();
      if (v.MatchBefore(v.lex().year_words, i) ||
          (y && *y >= 1900 && *y <= 2100 && i > 0 && v.IsWord(i - 1) && v.tok(i - 1).upper_initial)) {
        continue;
      }
    }
    AddMeasured(out, RecordType::kCount, *m, m->hi ? "count.range" : m->first->words ? "count.words_noun" : "count.noun");
  }
}

}  // namespace vnextract::internal
