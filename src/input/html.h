// HTML pages to article text: parse the page (gumbo, an HTML5 parser), drop scripts, styles and
// the page furniture (menus, breadcrumbs, visitor counters, rating widgets, lists of other
// articles), and keep the article's text with block elements as line breaks, plus the page's
// title, publication date and author.
#ifndef VNEXTRACT_INPUT_HTML_H_
#define VNEXTRACT_INPUT_HTML_H_

#include <string>
#include <string_view>

#include "vnextract/status.h"

namespace vnextract::internal {

struct HtmlPage {
  std::string text;       // the article: paragraphs separated by "\n", UTF-8
  std::string title;      // the article's title (<h1> of the article, else <title>), "" if none
  std::string published;  // the publication date as ISO 8601 "YYYY-MM-DD" when found, else ""
  std::string author;     // "N.T" of "Tác giả bài viết: N.T", a byline, or <meta name=author>
};

// `utf8` is the whole page as UTF-8. Never fails on malformed HTML (parsers recover); returns an
// error only when the page has no text at all.
Status ExtractHtml(std::string_view utf8, HtmlPage* out);

}  // namespace vnextract::internal

#endif  // VNEXTRACT_INPUT_HTML_H_
