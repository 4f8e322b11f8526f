#include <algorithm>

#include "extract/extractors.h"

namespace vnextract::internal {

namespace {

int Priority(RecordType t) {
  switch (t) {
    case RecordType::kLegalRef: return 0;
    case RecordType::kPeriod: return 1;
    case RecordType::kDate: return 2;
    case RecordType::kTime: return 3;
    case RecordType::kMoney: return 4;
    case RecordType::kPercent: return 5;
    case RecordType::kRatio: return 6;
    case RecordType::kQuantity: return 7;
    case RecordType::kCount: return 8;
    case RecordType::kNumber: return 9;
    case RecordType::kPerson:
    case RecordType::kOrganization:
    case RecordType::kLocation:
      return 10;  // resolved separately (entities.cc)
    case RecordType::kCustom:
      return 10;
  }
  return 10;
}

}  // namespace

std::vector<Candidate> Resolve(const DocView& v, std::vector<Candidate> candidates) {
  // Longest first; on equal length the stronger type; then the earlier one. Stable for
  // determinism.
  // Sort indices, not candidates: a candidate carries nine strings.
  std::vector<size_t> order(candidates.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    const Candidate& a = candidates[x];
    const Candidate& b = candidates[y];
    size_t la = a.end - a.begin, lb = b.end - b.begin;
    if (la != lb) return la > lb;
    if (a.user != b.user) return a.user;  // the user's rule over a built-in one of the same span
    if (a.type != b.type) return Priority(a.type) < Priority(b.type);
    return a.begin < b.begin;
  });
  std::vector<uint8_t> taken(v.size(), 0);
  std::vector<size_t> chosen;
  for (size_t x : order) {
    const Candidate& c = candidates[x];
    bool free = true;
    for (size_t k = c.begin; k < c.end && free; ++k) free = !taken[k];
    if (!free) continue;
    for (size_t k = c.begin; k < c.end; ++k) taken[k] = 1;
    chosen.push_back(x);
  }
  std::vector<Candidate> numbers;
  ExtractNumbers(v, taken, &numbers);
  // Kept candidates and numbers in order of start (no two share a start).
  std::sort(chosen.begin(), chosen.end(), [&](size_t x, size_t y) { return candidates[x].begin < candidates[y].begin; });
  std::vector<Candidate> kept;
  // Room for the entities the caller appends (extractor.cc), fewer than one in sixteen tokens: a
  // candidate is large, and growing the vector would move every kept one.
  kept.reserve(chosen.size() + numbers.size() + v.size() / 16 + 8);
  size_t n = 0;
  for (size_t x : chosen) {
    while (n < numbers.size() && numbers[n].begin < candidates[x].begin) kept.push_back(std::move(numbers[n++]));
    kept.push_back(std::move(candidates[x]));
  }
  while (n < numbers.size()) kept.push_back(std::move(numbers[n++]));
  return kept;
}

}  // namespace vnextract::internal
