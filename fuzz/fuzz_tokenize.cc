// Extractor::Tokenize on raw bytes. Checks: it fails exactly when the bytes are not UTF-8 (or
// hold a NUL); every token is a non-empty span inside the decoded text whose `text` is that span;
// tokens come in order (start, end and sentence non-decreasing) with a known kind.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "decode/utf8.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const vnextract::Extractor& ex = vnextract::fuzz::SharedExtractor();
  std::vector<vnextract::TokenInfo> tokens;
  vnextract::Status s = ex.Tokenize(bytes, &tokens);
  std::string_view text;
  vnextract::Status d = vnextract::internal::DecodeUtf8(bytes, &text);
  FUZZ_CHECK(s.ok() == d.ok());
  if (!s.ok()) {
    FUZZ_CHECK(tokens.empty());
    vnextract::fuzz::CheckByteOffset(s.message(), size);
    return 0;
  }
  std::vector<size_t> at = vnextract::fuzz::CodePointOffsets(text);
  const uint64_t n = at.size() - 1;
  static const std::string_view kKinds[] = {"word", "number", "num_unit", "num_alpha", "alnum", "percent", "time",
                                            "date", "fraction", "code",  "punct",   "break"};
  const vnextract::TokenInfo* prev = nullptr;
  for (const vnextract::TokenInfo& t : tokens) {
    FUZZ_CHECK(t.start < t.end);
    FUZZ_CHECK(t.end <= n);
    FUZZ_CHECK(t.text == vnextract::fuzz::CodePoints(text, at, t.start, t.end));
    bool known = false;
    for (std::string_view k : kKinds) known |= t.kind == k;
    FUZZ_CHECK(known);
    if (prev) {
      FUZZ_CHECK(prev->start <= t.start);
      FUZZ_CHECK(prev->end <= t.end);
      FUZZ_CHECK(prev->sentence <= t.sentence);
    }
    prev = &t;
  }
  return 0;
}
