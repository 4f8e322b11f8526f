// Segmenter::Split against Segmenter::SplitWithIcu on normalized text: Split decides most
// sentence ends with its own reading of UAX #29's rules and the abbreviation filter, and must
// give exactly the sentences ICU's filtered break iterator gives. The input (invalid bytes and
// NUL replaced by U+FFFD) is normalized first, as Split's precondition asks; every sentence is
// also checked to be a non-empty, blank-free-edged span inside one line, in order.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "decode/utf8.h"
#include "fuzz_util.h"
#include "normalize/normalizer.h"
#include "rules/lexicon.h"
#include "segment/sentences.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const vnextract::Rules* rules = new vnextract::Rules(vnextract::Rules::Builtin());
  const vnextract::internal::Segmenter& seg = *rules->lexicons().segmenter;
  std::string text = vnextract::fuzz::LossyUtf8(std::string_view(reinterpret_cast<const char*>(data), size));
  vnextract::internal::NormalizedText t;
  vnextract::internal::Normalize(text, &t);
  std::vector<vnextract::internal::Span> fast, icu;
  seg.Split(t.norm, &fast);
  seg.SplitWithIcu(t.norm, &icu);
  FUZZ_CHECK(fast.size() == icu.size());
  for (size_t k = 0; k < fast.size(); ++k) {
    FUZZ_CHECK(fast[k].begin == icu[k].begin);
    FUZZ_CHECK(fast[k].end == icu[k].end);
  }
  // The spans: code points of norm, in order, not empty, never across a line break, no blank at
  // either end.
  std::vector<size_t> at = vnextract::fuzz::CodePointOffsets(t.norm);
  const size_t n = at.size() - 1;
  uint32_t prev_end = 0;
  for (const vnextract::internal::Span& s : fast) {
    FUZZ_CHECK(s.begin < s.end && s.end <= n);
    FUZZ_CHECK(s.begin >= prev_end);
    std::string_view body = vnextract::fuzz::CodePoints(t.norm, at, s.begin, s.end);
    FUZZ_CHECK(body.find('\n') == std::string_view::npos);
    FUZZ_CHECK(body.front() != ' ' && body.back() != ' ');
    prev_end = s.end;
  }
  return 0;
}
