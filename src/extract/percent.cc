// percent: "20%", "1,5 %", "12,5 phần trăm", "20%-30%", "2,5-3%", "từ 20% đến 30%".
#include "extract/extractors.h"
#include "extract/number_phrase.h"

namespace vnextract::internal {

namespace {

std::optional<size_t> PercentAt(const DocView& v, const NumberPhrase& last, size_t j, bool /*strict*/,
                                std::string* unit) {
  unit->assign(1, '%');  // (not = "%": GCC 12 -Wrestrict false positive)
  if (last.glued == "%") return 0;
  if (!last.glued.empty()) return std::nullopt;
  if (v.WordIs(j, "phần") && v.WordIs(j + 1, "trăm")) return 2;
  if (v.WordIs(j, "điểm") && v.WordIs(j + 1, "phần") && v.WordIs(j + 2, "trăm")) return 3;  // percentage points
  return std::nullopt;
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
