// STUB: replaced by the gumbo-based extraction.
#include "input/html.h"

namespace vnextract::internal {

Status ExtractHtml(std::string_view utf8, HtmlPage* out) {
  out->text.assign(utf8);
  return Status::Ok();
}

}  // namespace vnextract::internal
