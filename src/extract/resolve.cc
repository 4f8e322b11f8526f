#include <algorithm>

#include "extract/extractors.h"

namespace vnextract::internal {

namespace {

int Priority(RecordType t) {
  switch (t) {
    case RecordType::kLegalRef: return 0;
    case RecordType::kDate: return 1;
    case RecordType::kTime: return 2;
    case RecordType::kMoney: return 3;
    case RecordType::kPercent: return 4;
    case RecordType::kRatio: return 5;
    case RecordType::kQuantity: return 6;
    case RecordType::kCount: return 7;
    case RecordType::kNumber: return 8;
    case RecordType::kPerson:
    case RecordType::kOrganization:
    case RecordType::kLocation:
      return 9;  // resolved separately (entities.cc)
  }
  return 9;
}

}  // namespace

std::vector<Candidate> Resolve(const DocView& v, std::vector<Candidate> candidates) {
  // Longest first; on equal length the stronger type; then the earlier one. Stable for
  // determinism.
  std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    size_t la = a.end - a.begin, lb = b.end - b.begin;
    if (la != lb) return la > lb;
    if (a.type != b.type) return Priority(a.type) < Priority(b.type);
    return a.begin < b.begin;
  });
  std::vector<bool> taken(v.size(), false);
  std::vector<Candidate> kept;
  for (Candidate& c : candidates) {
    bool free = true;
    for (size_t k = c.begin; k < c.end && free; ++k) free = !taken[k];
    if (!free) continue;
    for (size_t k = c.begin; k < c.end; ++k) taken[k] = true;
    kept.push_back(std::move(c));
  }
  ExtractNumbers(v, taken, &kept);
  std::stable_sort(kept.begin(), kept.end(), [](const Candidate& a, const Candidate& b) {
    return a.begin < b.begin;
  });
  return kept;
}

}  // namespace vnextract::internal
