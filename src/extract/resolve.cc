#include <algorithm>
#include <cstdint>

#include "extract/extractors.h"
#include "extract/number_phrase.h"

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
  // Longest first; on equal length the user's rule over a built-in one, then the stronger type;
  // then the earlier one, then the one proposed first. Each candidate's place in that order is
  // one key (two words compared as one 128-bit number), sorted with its index: a plain sort
  // of keys that are all distinct gives what a stable sort by the comparison would.
  std::vector<unsigned __int128> order(candidates.size());
  for (size_t k = 0; k < order.size(); ++k) {
    const Candidate& c = candidates[k];
    uint64_t high = (~static_cast<uint64_t>(c.end - c.begin) << 8) | (c.user ? 0 : 0x80) | static_cast<uint64_t>(Priority(c.type));
    uint64_t low = (static_cast<uint64_t>(c.begin) << 32) | k;
    order[k] = (static_cast<unsigned __int128>(high) << 64) | low;
  }
  std::sort(order.begin(), order.end());
  std::vector<uint8_t> taken(v.size(), 0);
  std::vector<size_t> chosen;
  for (unsigned __int128 key : order) {
    size_t x = static_cast<uint32_t>(key);
    const Candidate& c = candidates[x];
    bool free = true;
    for (size_t k = c.begin; k < c.end && free; ++k) free = !taken[k];
    if (!free) continue;
    for (size_t k = c.begin; k < c.end; ++k) taken[k] = 1;
    chosen.push_back(x);
  }
  // Kept candidates and numbers in order of start (no two share a start).
  std::sort(chosen.begin(), chosen.end(), [&](size_t x, size_t y) { return candidates[x].begin < candidates[y].begin; });
  std::vector<Candidate> kept;
  // Room for the numbers and the entities the caller appends (extractor.cc), fewer than one in
  // sixteen tokens: a candidate is large, and growing the vector would move every kept one.
  kept.reserve(chosen.size() + v.digit_tokens().size() + v.size() / 16 + 8);
  NumberExtractor numbers(v, taken);
  for (size_t x : chosen) {
    numbers.AddBefore(candidates[x].begin, &kept);
    kept.push_back(std::move(candidates[x]));
  }
  numbers.AddBefore(SIZE_MAX, &kept);
  return kept;
}

}  // namespace vnextract::internal
