// The HTML reader (internal::ExtractHtml) on a page given as UTF-8 (invalid bytes and NUL
// replaced by U+FFFD, as the decoder would have refused them). Checks: the article text and the
// metadata are valid UTF-8; the text is something Extract reads (no NUL); the publication date
// is empty or a valid ISO 8601 date. The text then goes through Extract as the CLI sends it.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "decode/utf8.h"
#include "fuzz_util.h"
#include "input/html.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string page_utf8 = vnextract::fuzz::LossyUtf8(std::string_view(reinterpret_cast<const char*>(data), size));
  vnextract::internal::HtmlPage page;
  vnextract::Status s = vnextract::internal::ExtractHtml(page_utf8, &page);
  if (!s.ok()) {
    FUZZ_CHECK(!s.message().empty());
    return 0;
  }
  std::string_view text;
  FUZZ_CHECK(vnextract::internal::DecodeUtf8(page.text, &text).ok());
  FUZZ_CHECK(vnextract::fuzz::IsValidUtf8(page.title));
  FUZZ_CHECK(vnextract::fuzz::IsValidUtf8(page.author));
  FUZZ_CHECK(page.published.empty() || vnextract::ParseIsoDate(page.published).has_value());

  vnextract::ExtractOptions options;
  options.reference_date = vnextract::ParseIsoDate(page.published);
  std::vector<vnextract::Record> records;
  FUZZ_CHECK(vnextract::fuzz::SharedExtractor().Extract(page.text, "fuzz.html", options, &records).ok());
  vnextract::fuzz::CheckRecords(text, records);
  return 0;
}
