// percent: "20%", "1,5 %", "12,5 phần trăm", "20%-30%", "2,5-3%", "từ 20% đến 30%".
#include "extract/extractors.h"
#include "extract/number_phrase.h"

namespace vnextract::internal {

namespace {

std::optional<size_t> PercentAt(const DocView& v, const NumberPhrase& last, size_t j, bool /*strict*/,
                                std::string* unit) {
  // The unit is set only with a match (ParseMeasured reads it only then): most figures have none.
  size_t n;
  if (last.glued == "%") n = 0;
  else if (!last.glued.empty()) return std::nullopt;
  else if (v.WordIs(j, "phần") && v.WordIs(j + 1, "trăm")) n = 2;
  else if (v.WordIs(j, "điểm") && v.WordIs(j + 1, "phần") && v.WordIs(j + 2, "trăm")) n = 3;  // percentage points
  else return std::nullopt;
  unit->assign(1, '%');  // (not = "%": GCC 12 -Wrestrict false positive)
  return n;
}

}  // namespace

void ExtractPercent(const DocView& v, std::vector<Candidate>* out) {
  for (size_t i : v.number_starts()) {
    TokenKind k = v.kind(i);
    if (k == TokenKind::kNumUnit) continue;
    std::optional<Measured> m = ParseMeasured(v, i, PercentAt);
    if (!m) continue;
    AddMeasured(out, RecordType::kPercent, *m,
                m->hi                    ? "percent.range"
                : m->first->glued == "%" ? "percent.sign"
                                         : "percent.words");
  }
}

}  // namespace vnextract::internal
