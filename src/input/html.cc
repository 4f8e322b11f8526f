// HTML pages to article text. How a page becomes text:
//
//  1. A cheap scan caps the nesting depth (gumbo's tree construction looks through the stack of
//     open elements at every tag, so it is quadratic in the depth, and it frees the tree
//     recursively), then gumbo parses the page.
//  2. One iterative walk flattens the tree into a pre-order array. Invisible content (scripts,
//     styles, form controls, hidden elements) is always dropped; page furniture (nav, aside, menu,
//     page-level header/footer, forms, elements whose class or id names a menu, breadcrumb,
//     sidebar, counter, rating widget, related list...) is dropped in the strict pass.
//  3. The main text block is found as readability does: every run of 25+ characters of text
//     scores its block and the block's ancestors (1 + commas + length/100, a share for each level
//     up), blocks with a content-like class or id get a bonus, and every score is scaled by
//     (1 - link density).
//  4. The article is that block widened to the nearest <article>, content-like ancestor or
//     ancestor holding the title's <h1>, as long as the widening adds little text.
//  5. Its text is laid out (block elements end lines, inline ones do not, blanks are collapsed),
//     link lists are skipped, and lines that are furniture by their words are dropped.
//  6. Title, dateline and author are taken out and the text is rebuilt as
//     "title\ndateline\nbody".
//  If the strict pass keeps almost nothing (a page whose body carries a furniture-like class),
//  a lenient pass that keeps the furniture elements is tried.
//
// Nothing here recurses: trees are walked with explicit stacks or as pre-order arrays.
#include "input/html.h"

#include <gumbo.h>
#include <re2/re2.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "decode/utf8.h"

namespace vnextract::internal {

namespace {

// ---------------------------------------------------------------------------------------------
// Text helpers

// White space between words: ASCII blanks and controls, NBSP and the other Unicode spaces.
bool IsBlank(char32_t c) {
  if (c <= 0x20 || c == 0x7F || c == 0xA0 || c == 0x1680 || c == 0x202F || c == 0x205F ||
      c == 0x3000 || c == 0x2028 || c == 0x2029 || c == 0x85) {
    return true;
  }
  return c >= 0x2000 && c <= 0x200A;
}

// Invisible characters that are dropped: soft hyphen, zero-width space and joiners, BOM.
bool IsInvisible(char32_t c) {
  return c == 0xAD || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF;
}

bool IsAlnumCp(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return !IsBlank(c) && !IsInvisible(c) && c >= 0xC0 && !(c >= 0x2000 && c <= 0x2BFF) &&
         !(c >= 0x3000 && c <= 0x303F) && !(c >= 0xFE30 && c <= 0xFE4F);
}

// Non-blank code points, as the text counts used by the scoring.
int64_t CountChars(std::string_view s) {
  int64_t n = 0;
  size_t i = 0;
  while (i < s.size()) {
    char32_t c = NextCodePoint(s, &i);
    n += !IsBlank(c) && !IsInvisible(c);
  }
  return n;
}

// Blanks collapsed to one space, trimmed.
std::string Collapse(std::string_view s) {
  std::string out;
  bool space = false;
  size_t i = 0;
  while (i < s.size()) {
    size_t start = i;
    char32_t c = NextCodePoint(s, &i);
    if (IsInvisible(c)) continue;
    if (IsBlank(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.append(s.substr(start, i - start));
  }
  return out;
}

bool HasAlnum(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    if (IsAlnumCp(NextCodePoint(s, &i))) return true;
  }
  return false;
}

// The line in NFC (pages typed with combining accents must still match the word tables).
std::string Nfc(std::string_view s) {
  bool ascii = std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) return std::string(s);
  UErrorCode st = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(st);
  if (U_FAILURE(st)) return std::string(s);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  if (nfc->isNormalized(u, st) || U_FAILURE(st)) return std::string(s);
  st = U_ZERO_ERROR;
  icu::UnicodeString n = nfc->normalize(u, st);
  if (U_FAILURE(st)) return std::string(s);
  std::string out;
  n.toUTF8String(out);
  return out;
}

// Case-insensitive comparison with one short UTF-8 text (Vietnamese letters included), compiled
// once and used against many lines.
class TextMatcher {
 public:
  explicit TextMatcher(std::string_view text)
      : text_(text), re_(re2::StringPiece(text_.data(), text_.size()), Options()) {}

  bool Same(std::string_view s) const {
    if (s == text_) return true;
    // Upper and lower case of the same letter take as many bytes (for the letters of pages).
    if (text_.empty() || s.size() != text_.size()) return false;
    return RE2::FullMatch(re2::StringPiece(s.data(), s.size()), re_);
  }

  bool In(std::string_view s) const {
    if (text_.empty() || s.size() < text_.size()) return false;
    if (s.find(text_) != std::string_view::npos) return true;
    return RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), re_);
  }

 private:
  static RE2::Options Options() {
    RE2::Options opt;
    opt.set_case_sensitive(false);
    opt.set_literal(true);
    opt.set_log_errors(false);
    return opt;
  }

  std::string text_;
  RE2 re_;
};

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// ---------------------------------------------------------------------------------------------
// Nesting cap

// The nesting a page may reach before further start tags (and the matching end tags) are
// ignored; their text is kept. Real pages stay under ~100.
constexpr int kMaxNesting = 400;

bool IsRawTextName(std::string_view n) {
  return n == "script" || n == "style" || n == "textarea" || n == "title" || n == "xmp" ||
         n == "iframe" || n == "noembed" || n == "noframes" || n == "noscript" || n == "plaintext";
}

// Void elements and elements that are closed implicitly (a new <p> closes the open one), which
// do not deepen the tree however many are left open.
bool IsFlatName(std::string_view n) {
  static constexpr std::string_view kNames[] = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
      "source", "track", "wbr", "keygen", "image", "frame", "basefont", "bgsound", "isindex",
      "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup",
      "rb", "rt", "rtc", "rp", "colgroup", "caption", "a", "html", "head", "body", "nobr"};
  return std::find(std::begin(kNames), std::end(kNames), n) != std::end(kNames);
}

size_t FindEndTag(std::string_view in, size_t from, std::string_view name) {
  while (true) {
    size_t p = in.find("</", from);
    if (p == std::string_view::npos) return in.size();
    size_t k = 0;
    while (k < name.size() && p + 2 + k < in.size() && AsciiLower(in[p + 2 + k]) == name[k]) ++k;
    if (k == name.size()) return p;
    from = p + 2;
  }
}

// A tag-level scan that estimates the depth of the tree gumbo will build. When the page nests
// deeper than kMaxNesting, *out is the page with the start tags beyond that depth (and their
// end tags) replaced by a space, and the function returns true.
bool CapNesting(std::string_view in, std::string* out) {
  const size_t n = in.size();
  for (int pass = 0; pass < 2; ++pass) {
    const bool write = pass == 1;
    int depth = 0, max_depth = 0;
    size_t i = 0, copied = 0;
    std::string name;
    while (i < n) {
      size_t lt = in.find('<', i);
      if (lt == std::string_view::npos) break;
      i = lt + 1;
      if (in.compare(lt, 4, "<!--") == 0) {
        size_t e = in.find("-->", lt + 4);
        i = e == std::string_view::npos ? n : e + 3;
        continue;
      }
      if (i < n && (in[i] == '!' || in[i] == '?')) {
        size_t e = in.find('>', i);
        i = e == std::string_view::npos ? n : e + 1;
        continue;
      }
      const bool end_tag = i < n && in[i] == '/';
      size_t j = i + (end_tag ? 1 : 0);
      name.clear();
      while (j < n && (std::isalnum(static_cast<unsigned char>(in[j])) != 0)) name.push_back(AsciiLower(in[j++]));
      if (name.empty()) continue;  // a '<' in text
      size_t k = j;
      char quote = 0, last = 0;
      while (k < n) {
        char c = in[k];
        if (quote != 0) {
          if (c == quote) quote = 0;
        } else if ((c == '"' || c == '\'') && last == '=') {
          quote = c;
        } else if (c == '>') {
          break;
        }
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') last = c;
        ++k;
      }
      const size_t tag_end = k < n ? k + 1 : n;
      const bool self_closing = k < n && k > j && in[k - 1] == '/';
      i = tag_end;
      bool drop = false;
      if (!end_tag && IsRawTextName(name)) {
        i = name == "plaintext" ? n : FindEndTag(in, i, name);
      } else if (!IsFlatName(name) && !IsRawTextName(name)) {
        if (end_tag) {
          drop = depth > kMaxNesting;
          if (depth > 0) --depth;
        } else if (!self_closing) {
          ++depth;
          max_depth = std::max(max_depth, depth);
          drop = depth > kMaxNesting;
        }
      }
      if (write && drop) {
        out->append(in.substr(copied, lt - copied));
        out->push_back(' ');
        copied = tag_end;
      }
    }
    if (!write) {
      if (max_depth <= kMaxNesting) return false;
      out->clear();
      out->reserve(n);
    } else {
      out->append(in.substr(copied));
    }
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Elements

bool IsBlock(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY: case GUMBO_TAG_CAPTION: case GUMBO_TAG_CENTER: case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR: case GUMBO_TAG_DIV: case GUMBO_TAG_DL:
    case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR: case GUMBO_TAG_HTML:
    case GUMBO_TAG_LEGEND: case GUMBO_TAG_LI: case GUMBO_TAG_LISTING: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MARQUEE: case GUMBO_TAG_MENU: case GUMBO_TAG_MULTICOL: case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_PLAINTEXT: case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT: case GUMBO_TAG_THEAD: case GUMBO_TAG_TR: case GUMBO_TAG_UL: case GUMBO_TAG_XMP: 
    case GUMBO_TAG_FRAMESET: case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_BR:
      return true;
    default:
      return false;
  }
}

// Table cells: a row is one line, its cells separated by a space (cells holding blocks still
// break, which is what layout tables do).
bool IsCell(GumboTag t) { return t == GUMBO_TAG_TD || t == GUMBO_TAG_TH; }

// Elements that show something in place (a control, a picture): dropped, they still separate
// the words around them. Scripts, styles and the like do not.
bool ShowsInPlace(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE: case GUMBO_TAG_META: case GUMBO_TAG_LINK:
    case GUMBO_TAG_BASE: case GUMBO_TAG_UNKNOWN:
      return false;
    default:
      return true;
  }
}

// Blocks that are paragraphs: their text scores the block that holds them, not themselves.
bool IsParagraphLike(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_DT:
    case GUMBO_TAG_DD: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_CAPTION: case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_TH: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_LEGEND:
      return true;
    default:
      return false;
  }
}

// readability's prior for a block by its tag.
double TagPrior(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_DIV: case GUMBO_TAG_ARTICLE: return 5;
    case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE: return 3;
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL: case GUMBO_TAG_DD:
    case GUMBO_TAG_DT: case GUMBO_TAG_LI: case GUMBO_TAG_FORM: return -3;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_TH: return -5;
    default: return 0;
  }
}

const char* Attr(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a != nullptr ? a->value : nullptr;
}

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

// Never visible: dropped in every pass.
bool IsInvisibleElement(const GumboNode* g) {
  if (g->type == GUMBO_NODE_TEMPLATE) return true;
  const GumboElement& e = g->v.element;
  switch (e.tag) {
    case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_APPLET:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_DATALIST: case GUMBO_TAG_OPTION:
    case GUMBO_TAG_OPTGROUP: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_INPUT: case GUMBO_TAG_KEYGEN:
    case GUMBO_TAG_CANVAS: case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO: case GUMBO_TAG_MAP:
    case GUMBO_TAG_FRAMESET: case GUMBO_TAG_FRAME: case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_META: case GUMBO_TAG_LINK: case GUMBO_TAG_BASE: case GUMBO_TAG_PARAM:
    case GUMBO_TAG_SOURCE: case GUMBO_TAG_TRACK: 
      return true;
    default:
      break;
  }
  if (e.tag_namespace != GUMBO_NAMESPACE_HTML) return true;
  if (Attr(e, "hidden") != nullptr) return true;
  if (const char* v = Attr(e, "aria-hidden"); v != nullptr && LowerAscii(v) == "true") return true;
  if (const char* v = Attr(e, "style"); v != nullptr) {
    std::string s;
    for (const char* p = v; *p != 0; ++p) {
      if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') s.push_back(AsciiLower(*p));
    }
    if (s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos) {
      return true;
    }
  }
  if (const char* v = Attr(e, "class"); v != nullptr) {
    // Whole class tokens of CSS frameworks that hide an element on every screen.
    std::string cls = LowerAscii(v);
    size_t i = 0;
    while (i < cls.size()) {
      size_t j = cls.find_first_of(" \t\n\r\f", i);
      if (j == std::string::npos) j = cls.size();
      std::string_view tok(cls.data() + i, j - i);
      if (tok == "hidden" || tok == "hide" || tok == "sr-only" || tok == "visually-hidden" ||
          tok == "screen-reader-text" || tok == "invisible") {
        return true;
      }
      i = j + 1;
    }
  }
  return false;
}

// What the words of an element's class and id say about it.
struct ClassWords {
  bool furniture = false;      // menu, breadcrumb, sidebar, counter, rating, related list...
  bool header_footer = false;  // header / footer: furniture only at page level
  bool content = false;        // article, content, detail, post, entry, bodytext, noidung...
  bool byline = false;         // author, byline, tacgia
};

// Class and id words of page furniture (whole words, lower case; "relatedNews", "related-news"
// and "related_news" all give "related", "news"). Words starting with one of kFurniturePrefixes
// count too ("sidebarLeft", "menubar", "breadcrumbs").
constexpr std::string_view kFurnitureWords[] = {
    "nav", "navbar", "navigation", "menu", "menus", "submenu", "megamenu", "breadcrumb",
    "breadcrumbs", "sidebar", "banner", "banners", "comment", "comments", "share", "sharing",
    "social", "rating", "ratings", "rate", "vote", "poll", "counter", "counters", "stat", "stats",
    "statistic", "statistics", "thongke", "visitor", "visitors", "online", "related", "relate",
    "tags", "tag", "tagcloud", "keyword", "keywords", "widget", "widgets", "advert", "adverts",
    "advertisement", "ads", "ad", "adv", "quangcao", "pagination", "pager", "popup", "modal",
    "cookie", "cookies", "login", "search", "toolbar", "lienquan", "tinlienquan", "tinkhac",
    "othernews", "newsother", "relatednews", "newsrelated", "copyright", "logo", "brand",
    "branding", "sitename", "slogan"};
constexpr std::string_view kFurniturePrefixes[] = {
    "breadcrumb", "sidebar", "navbar", "banner", "comment", "social", "rating", "counter",
    "statistic", "related", "widget", "advert", "menu", "share", "othernews", "tinlienquan"};
// Words of both the site's header/footer and an article's own header/footer.
constexpr std::string_view kHeaderFooterWords[] = {"header", "footer", "headers", "footers", "masthead"};
constexpr std::string_view kContentWords[] = {
    "article", "content", "detail", "details", "chitiet", "post", "entry", "story", "bodytext",
    "articlebody", "newsbody", "postbody", "newscontent", "noidung", "baiviet", "fulltext",
    "maincontent", "newsdetail", "bodyhtml"};
constexpr std::string_view kContentPrefixes[] = {"bodytext", "bodyhtml", "newsdetail", "noidung", "chitiet"};
constexpr std::string_view kBylineWords[] = {"author", "byline", "tacgia", "nguoiviet", "writer"};

template <size_t N>
bool InTable(const std::string_view (&table)[N], std::string_view w) {
  return std::find(std::begin(table), std::end(table), w) != std::end(table);
}

template <size_t N>
bool HasPrefixIn(const std::string_view (&table)[N], std::string_view w) {
  for (std::string_view p : table) {
    if (w.size() >= p.size() && w.compare(0, p.size(), p) == 0) return true;
  }
  return false;
}

void ClassifyToken(std::string_view token, ClassWords* cw) {
  // Split into words: non-alphanumerics separate, and so does a lower-to-upper change.
  std::vector<std::string> words;
  std::string cur, joined;
  char prev = 0;
  for (char c : token) {
    bool alnum = std::isalnum(static_cast<unsigned char>(c)) != 0;
    bool upper = c >= 'A' && c <= 'Z';
    if (!alnum || (upper && prev >= 'a' && prev <= 'z')) {
      if (!cur.empty()) words.push_back(cur);
      cur.clear();
    }
    if (alnum) {
      cur.push_back(AsciiLower(c));
      joined.push_back(AsciiLower(c));
    }
    prev = c;
  }
  if (!cur.empty()) words.push_back(cur);
  if (words.size() > 1) words.push_back(joined);  // "other-news" → "othernews"
  for (const std::string& w : words) {
    if (InTable(kFurnitureWords, w) || HasPrefixIn(kFurniturePrefixes, w)) cw->furniture = true;
    if (InTable(kHeaderFooterWords, w)) cw->header_footer = true;
    if (InTable(kContentWords, w) || HasPrefixIn(kContentPrefixes, w)) cw->content = true;
    if (InTable(kBylineWords, w)) cw->byline = true;
  }
}

ClassWords Classify(const GumboElement& e) {
  ClassWords cw;
  for (const char* name : {"class", "id"}) {
    const char* v = Attr(e, name);
    if (v == nullptr) continue;
    std::string_view s(v);
    size_t i = 0;
    while (i < s.size()) {
      size_t j = s.find_first_of(" \t\n\r\f", i);
      if (j == std::string_view::npos) j = s.size();
      if (j > i) ClassifyToken(s.substr(i, j - i), &cw);
      i = j + 1;
    }
  }
  if (const char* v = Attr(e, "itemprop"); v != nullptr) {
    std::string p = LowerAscii(v);
    if (p == "articlebody") cw.content = true;
    if (p == "author") cw.byline = true;
  }
  if (const char* v = Attr(e, "rel"); v != nullptr && LowerAscii(v) == "author") cw.byline = true;
  if (const char* v = Attr(e, "itemtype"); v != nullptr) {
    std::string t = LowerAscii(v);
    if (t.find("breadcrumblist") != std::string::npos || t.find("sitenavigationelement") != std::string::npos) {
      cw.furniture = true;
    }
  }
  if (const char* v = Attr(e, "role"); v != nullptr) {
    std::string r = LowerAscii(v);
    if (r == "navigation" || r == "complementary" || r == "search" || r == "menu" || r == "menubar") {
      cw.furniture = true;
    }
    if (r == "banner" || r == "contentinfo") cw.header_footer = true;
    if (r == "article" || r == "main") cw.content = true;
  }
  return cw;
}

// ---------------------------------------------------------------------------------------------
// The flattened tree

enum class Pass { kStrict, kLenient };
enum class Kind : uint8_t { kElement, kText, kDropped };

struct Node {
  const GumboNode* g = nullptr;
  int parent = -1;
  int end = 0;  // one past the last node of the subtree (pre-order)
  int depth = 0;
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  Kind kind = Kind::kElement;
  bool link = false;     // inside <a>
  bool pre = false;      // inside <pre>
  bool content = false;  // content-like class or id, <article>, <main>
  bool byline = false;         // author / byline class, itemprop=author, rel=author
  bool byline_inside = false;  // a descendant is a byline too (then this one is a wrapper)
  bool furniture = false;  // furniture class (kept in the lenient pass, scored down)
  int64_t chars = 0;       // non-blank code points of text in the subtree
  int64_t link_chars = 0;  // of which inside <a>
  double score = 0;
  bool scored = false;
};

struct Tree {
  std::vector<Node> nodes;
  bool Contains(int a, int b) const { return a >= 0 && b >= a && b < nodes[a].end; }
};

Tree Flatten(const GumboNode* root, Pass pass) {
  struct Item {
    const GumboNode* g;
    int parent;
    bool link, pre, in_article;
  };
  Tree tree;
  std::vector<Node>& nodes = tree.nodes;
  std::vector<Item> stack{{root, -1, false, false, false}};
  while (!stack.empty()) {
    Item it = stack.back();
    stack.pop_back();
    const GumboNode* g = it.g;
    Node n;
    n.g = g;
    n.parent = it.parent;
    n.depth = it.parent < 0 ? 0 : nodes[it.parent].depth + 1;
    n.link = it.link;
    n.pre = it.pre;
    const int idx = static_cast<int>(nodes.size());
    if (g->type == GUMBO_NODE_TEXT || g->type == GUMBO_NODE_WHITESPACE || g->type == GUMBO_NODE_CDATA) {
      n.kind = Kind::kText;
      n.chars = CountChars(g->v.text.text);
      n.link_chars = it.link ? n.chars : 0;
      nodes.push_back(n);
      continue;
    }
    if (g->type != GUMBO_NODE_ELEMENT && g->type != GUMBO_NODE_TEMPLATE) continue;  // comments
    const GumboElement& e = g->v.element;
    n.tag = e.tag;
    if (IsInvisibleElement(g)) {
      n.kind = Kind::kDropped;
      nodes.push_back(n);
      continue;
    }
    const bool page = e.tag == GUMBO_TAG_HTML || e.tag == GUMBO_TAG_BODY;
    ClassWords cw = page ? ClassWords{} : Classify(e);
    bool furniture = cw.furniture;
    switch (e.tag) {
      case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_MENU:
        furniture = true;
        break;
      case GUMBO_TAG_FORM:
        // A form right under <body> wraps the whole page (ASP.NET); other forms are furniture.
        furniture = furniture || it.parent < 0 || nodes[it.parent].tag != GUMBO_TAG_BODY;
        break;
      case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER:
        furniture = furniture || !it.in_article;
        break;
      default:
        break;
    }
    // header/footer words: the site's header is furniture, an article's own header is not.
    if (cw.header_footer && !it.in_article && !cw.content) furniture = true;
    if (furniture && pass == Pass::kStrict) {
      n.kind = Kind::kDropped;
      nodes.push_back(n);
      continue;
    }
    n.furniture = furniture;
    n.content = cw.content || e.tag == GUMBO_TAG_ARTICLE || e.tag == GUMBO_TAG_MAIN;
    n.byline = cw.byline;
    nodes.push_back(n);
    const bool link = it.link || e.tag == GUMBO_TAG_A;
    const bool pre = it.pre || e.tag == GUMBO_TAG_PRE || e.tag == GUMBO_TAG_LISTING || e.tag == GUMBO_TAG_XMP;
    const bool in_article = it.in_article || n.content;
    const GumboVector& kids = g->type == GUMBO_NODE_TEMPLATE ? g->v.element.children : e.children;
    for (unsigned k = kids.length; k-- > 0;) {
      stack.push_back({static_cast<const GumboNode*>(kids.data[k]), idx, link, pre, in_article});
    }
  }
  // Subtree sizes and text counts, children before parents.
  for (Node& n : nodes) n.end = 1;
  for (size_t i = nodes.size(); i-- > 1;) {
    Node& p = nodes[nodes[i].parent];
    p.end += nodes[i].end;
    p.chars += nodes[i].chars;
    p.link_chars += nodes[i].link_chars;
    p.byline_inside = p.byline_inside || nodes[i].byline || nodes[i].byline_inside;
  }
  for (size_t i = 0; i < nodes.size(); ++i) nodes[i].end += static_cast<int>(i);
  return tree;
}

// ---------------------------------------------------------------------------------------------
// Layout: blocks to lines

struct Line {
  std::string text;
  int64_t chars = 0;
  int64_t link_chars = 0;
  int owner = -1;  // the innermost block holding the line
  int first = -1;  // the first text node of the line
};

class LineBuilder {
 public:
  explicit LineBuilder(std::vector<Line>* lines) : lines_(lines) {}

  void Add(std::string_view s, bool link, bool pre, int node, int owner) {
    size_t i = 0;
    while (i < s.size()) {
      size_t start = i;
      char32_t c = NextCodePoint(s, &i);
      if (IsInvisible(c)) continue;
      if (pre && c == '\n') {
        Break();
        continue;
      }
      if (IsBlank(c)) {
        space_ = true;
        continue;
      }
      if (cur_.text.empty()) {
        cur_.first = node;
        cur_.owner = owner;
      } else if (space_) {
        cur_.text.push_back(' ');
      }
      space_ = false;
      cur_.text.append(s.substr(start, i - start));
      ++cur_.chars;
      if (link) ++cur_.link_chars;
    }
  }

  // A word boundary (between table cells, around a dropped control).
  void Space() { space_ = true; }

  void Break() {
    if (!cur_.text.empty()) lines_->push_back(std::move(cur_));
    cur_ = Line();
    space_ = false;
  }

 private:
  std::vector<Line>* lines_;
  Line cur_;
  bool space_ = false;
};

// Lays out the subtree of `root`. skip(i) says whether element i (not the root) is left out.
template <typename Skip>
std::vector<Line> Layout(const Tree& tree, int root, Skip skip) {
  std::vector<Line> lines;
  LineBuilder lb(&lines);
  const std::vector<Node>& nodes = tree.nodes;
  struct Open {
    int node;
    bool cell;
  };
  std::vector<Open> open;  // open blocks and cells, innermost last
  const int stop = nodes[root].end;
  for (int i = root; i < stop;) {
    while (!open.empty() && nodes[open.back().node].end <= i) {
      if (open.back().cell) {
        lb.Space();
      } else {
        lb.Break();
      }
      open.pop_back();
    }
    const Node& n = nodes[i];
    if (n.kind == Kind::kText) {
      lb.Add(n.g->v.text.text, n.link, n.pre, i, open.empty() ? root : open.back().node);
      ++i;
      continue;
    }
    if (n.kind == Kind::kDropped || (i != root && skip(i))) {
      if (IsBlock(n.tag)) {
        lb.Break();
      } else if (IsCell(n.tag) || (n.kind == Kind::kDropped && ShowsInPlace(n.tag))) {
        lb.Space();
      }
      i = n.end;
      continue;
    }
    if (IsBlock(n.tag)) {
      lb.Break();
      if (n.tag != GUMBO_TAG_BR && n.tag != GUMBO_TAG_HR) open.push_back({i, false});
    } else if (IsCell(n.tag)) {
      lb.Space();
      open.push_back({i, true});
    }
    ++i;
  }
  lb.Break();
  return lines;
}

std::string JoinedText(const Tree& tree, int root) {
  std::string out;
  for (const Line& l : Layout(tree, root, [](int) { return false; })) {
    if (!out.empty()) out.push_back(' ');
    out += l.text;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Word tables for lines (matched on the whole line, case-insensitive, after NFC). They live here
// rather than in data/ because this module has no access to the rules.

// Furniture lines.
constexpr std::string_view kFurnitureLinePatterns[] = {
    // breadcrumbs: "Trang nhất » Tin tức sự kiện » Khoa học & công nghệ"
    R"((?:trang nhất|trang chủ|home)\s*(?:»|›|>|/|\||→).*)",
    R"(bạn đang (?:ở|xem)\s*:.*)",
    // visitor counters: "Đang truy cập : 67", "Hôm nayHôm nay : 3669" (icon titles repeat words)
    R"((?:(?:thống kê truy cập|thống kê|đang truy cập|đang online|máy chủ tìm kiếm|khách viếng thăm|)"
    R"(lượt khách|thành viên|hôm nay|hôm qua|tuần này|tuần trước|tháng này|tháng trước|)"
    R"(tháng hiện tại|năm nay|năm hiện tại|tổng lượt truy cập|tổng số lượt truy cập|)"
    R"(tổng truy cập|số lượt truy cập|lượt truy cập|truy cập hôm nay|trực tuyến|online|)"
    R"(lượt xem|lượt đọc|số lượt xem)\s*){1,2}:?\s*[\d.,\s]*)",
    // rating widgets
    R"(click để đánh giá bài viết|đánh giá bài viết|tổng số điểm của bài viết là.*)",
    // the session notice of NukeViet pages
    R"(bạn đã không sử dụng site.*|bấm vào đây để duy trì trạng thái đăng nhập.*|thời gian chờ\s*:.*)",
    // keywords, source and share rows
    R"((?:từ khóa|từ khoá|tags?|thẻ|nguồn tin|chia sẻ|share)\s*:.*)",
    // toolbar buttons and lone links
    R"(chia sẻ|in|in bài|in bài viết|bản in|gửi bài viết|gửi email|gửi bài|lưu bài viết|)"
    R"(lên đầu trang|về đầu trang|đầu trang|quay lại|trở về|trở lại|xem tiếp|đọc tiếp|tweet|)"
    R"(like|share|email|print|facebook|zalo|twitter|trang nhất|trang chủ|home)",
    // copyright footers
    R"((?:©|\(c\)|copyright|bản quyền thuộc).*)",
};

// Headings of lists of other articles; the link lines right after one go with it.
constexpr std::string_view kRelatedHeadingPattern =
    R"((?:những tin mới hơn|những tin cũ hơn|tin mới hơn|tin cũ hơn|các tin khác|tin khác|)"
    R"(tin liên quan|các tin liên quan|bài viết liên quan|các bài viết liên quan|bài liên quan|)"
    R"(tin cùng chuyên mục|tin cùng loại|cùng chuyên mục|xem thêm|đọc thêm|tin mới nhất|tin mới|)"
    R"(tin đọc nhiều|tin xem nhiều|tin nổi bật|tin tiêu điểm|tin tức khác|các tin đã đưa|tin đã đưa)\s*:?)";

// "Tác giả bài viết: N.T"
constexpr std::string_view kAuthorPattern =
    R"((?:tác giả bài viết|tác giả|người viết|bài và ảnh|bài, ảnh|bài & ảnh)\s*:\s*(.{1,80}?)\s*)";

// Datelines: "Thứ hai - 12/04/2021 15:58", "Thứ hai, 12/04/2021 - 15:58 (GMT+7)", "12/04/2021",
// "Cập nhật: 15:58 12-04-2021". Captures day, month, year.
constexpr std::string_view kDatelinePattern =
    R"((?:(?:ngày đăng|đăng ngày|ngày cập nhật|cập nhật|đăng lúc|thời gian|ngày xuất bản|xuất bản)\s*:?\s*)?)"
    R"((?:(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|chủ\s*nhật|cn|t[2-7])\s*[,\-–—]?\s*)?)"
    R"((?:ngày\s*)?)"
    R"((?:\d{1,2}[:h]\d{2}(?::\d{2})?\s*(?:am|pm|sa|ch)?\s*[,\-–—|]?\s*)?)"
    R"((\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}))"
    R"((?:\s*[,\-–—|]?\s*(?:lúc\s*)?\d{1,2}[:h]\d{2}(?::\d{2})?\s*(?:am|pm|sa|ch)?)?)"
    R"(\s*(?:\(?gmt\s*\+\s*0?7(?::00)?\)?)?)";

std::string CaseInsensitive(std::string_view body) { return "(?i)(?:" + std::string(body) + ")"; }

const RE2& FurnitureLineRe() {
  static const RE2 re([] {
    std::string alt;
    for (std::string_view p : kFurnitureLinePatterns) {
      if (!alt.empty()) alt += "|";
      alt += "(?:" + std::string(p) + ")";
    }
    return CaseInsensitive(alt);
  }());
  return re;
}

const RE2& RelatedHeadingRe() {
  static const RE2 re(CaseInsensitive(kRelatedHeadingPattern));
  return re;
}

const RE2& AuthorRe() {
  static const RE2 re(CaseInsensitive(kAuthorPattern));
  return re;
}

const RE2& DatelineRe() {
  static const RE2 re(CaseInsensitive(kDatelinePattern));
  return re;
}

// Lines longer than this are article text, never furniture, datelines or bylines.
constexpr size_t kShortLineBytes = 600;

bool FullMatch(std::string_view text, const RE2& re) {
  return RE2::FullMatch(re2::StringPiece(text.data(), text.size()), re);
}

// ---------------------------------------------------------------------------------------------
// Dates

bool ValidDate(int y, int m, int d) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && d == 29 && !leap);
}

std::string IsoDate(int y, int m, int d) {
  if (!ValidDate(y, m, d)) return "";
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// "2021-04-12T15:58:00+07:00", "2021/04/12", "12/04/2021 15:58" → "2021-04-12"; else "".
std::string ParseDate(std::string_view s) {
  static const RE2 ymd(R"(\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\D.*)?)");
  static const RE2 dmy(R"(\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:\D.*)?)");
  static const RE2 compact(R"(\s*(\d{4})(\d{2})(\d{2})(?:T.*)?)");
  int a = 0, b = 0, c = 0;
  re2::StringPiece sp(s.data(), s.size());
  if (RE2::FullMatch(sp, ymd, &a, &b, &c) || RE2::FullMatch(sp, compact, &a, &b, &c)) return IsoDate(a, b, c);
  if (RE2::FullMatch(sp, dmy, &a, &b, &c)) return IsoDate(c, b, a);
  return "";
}

// ---------------------------------------------------------------------------------------------
// Page metadata from <head>

struct Meta {
  std::string title;                        // <title>
  std::map<std::string, std::string> meta;  // lower-cased name/property/itemprop → content
  const std::string* Get(const std::string& key) const {
    auto it = meta.find(key);
    return it == meta.end() || it->second.empty() ? nullptr : &it->second;
  }
};

std::string NodeText(const GumboNode* g) {
  std::string out;
  std::vector<const GumboNode*> stack{g};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
      out += n->v.text.text;
    } else if (n->type == GUMBO_NODE_ELEMENT) {
      for (unsigned k = n->v.element.children.length; k-- > 0;) {
        stack.push_back(static_cast<const GumboNode*>(n->v.element.children.data[k]));
      }
    }
  }
  return out;
}

Meta ReadMeta(const GumboNode* root) {
  Meta m;
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* g = stack.back();
    stack.pop_back();
    if (g->type != GUMBO_NODE_ELEMENT) continue;
    const GumboElement& e = g->v.element;
    if (e.tag_namespace != GUMBO_NAMESPACE_HTML) continue;  // <title> of an <svg>
    if (e.tag == GUMBO_TAG_TITLE) {
      if (m.title.empty()) m.title = Collapse(NodeText(g));
      continue;
    }
    if (e.tag == GUMBO_TAG_META) {
      const char* content = Attr(e, "content");
      if (content == nullptr) continue;
      for (const char* key : {"property", "name", "itemprop"}) {
        if (const char* k = Attr(e, key); k != nullptr) m.meta.emplace(LowerAscii(k), Collapse(content));
      }
      continue;
    }
    for (unsigned k = e.children.length; k-- > 0;) stack.push_back(static_cast<const GumboNode*>(e.children.data[k]));
  }
  return m;
}

// The start of a part of a <title> that names the site or a section rather than the article:
// "Sở KH&CN Cao Bằng", "UBND huyện Hòa An", "Báo Dân trí", "Cổng thông tin điện tử…", "Tin tức".
const RE2& SiteNameRe() {
  static const RE2 re(
      R"((?i)(?:sở|ubnd|ủy ban|uỷ ban|cổng|trang|báo|tạp chí|đài|website|portal|tin tức)(?:\s.*)?)"
      R"(|.*\.(?:vn|com|net|org|gov|info)(?:[^a-z0-9].*)?)");
  return re;
}

// A page title without the site's name: "Hội nghị sơ kết - Sở KH&CN Cao Bằng" → "Hội nghị sơ
// kết". The longest part that is a line of the page wins; else parts that match og:site_name or
// look like a site's name go from both ends; else a last part shorter than the rest goes.
std::string StripSiteName(const std::string& raw, const std::vector<Line>& page, const std::string& site) {
  if (raw.empty()) return raw;
  auto is_line = [&](std::string_view t) {
    TextMatcher m(t);
    return std::any_of(page.begin(), page.end(), [&](const Line& l) { return m.Same(l.text); });
  };
  if (is_line(raw)) return raw;
  static constexpr std::string_view kSeps[] = {" - ", " | ", " – ", " — ", " :: ", " » ", " › ", " : "};
  std::vector<std::pair<size_t, size_t>> cuts;  // position, separator length
  for (std::string_view sep : kSeps) {
    for (size_t p = raw.find(sep); p != std::string::npos; p = raw.find(sep, p + 1)) cuts.emplace_back(p, sep.size());
  }
  if (cuts.empty()) return raw;
  std::sort(cuts.begin(), cuts.end());
  std::string best;
  for (const auto& [p, len] : cuts) {
    for (std::string part : {raw.substr(0, p), raw.substr(p + len)}) {
      if (part.size() > best.size() && is_line(part)) best = part;
    }
  }
  if (!best.empty()) return best;
  const TextMatcher site_matcher(site);
  auto site_like = [&](const std::string& part) {
    return site_matcher.Same(part) || RE2::FullMatch(Nfc(part), SiteNameRe());
  };
  size_t b = 0, e = cuts.size();  // the title is raw[start(b), end(e)) with cuts b..e-1 inside
  auto start = [&](size_t k) { return k == 0 ? size_t{0} : cuts[k - 1].first + cuts[k - 1].second; };
  auto stop = [&](size_t k) { return k == cuts.size() ? raw.size() : cuts[k].first; };
  while (b < e && site_like(raw.substr(cuts[e - 1].first + cuts[e - 1].second, stop(e) - cuts[e - 1].first - cuts[e - 1].second))) --e;
  while (b < e && site_like(raw.substr(start(b), cuts[b].first - start(b)))) ++b;
  if (b == 0 && e == cuts.size()) {
    const auto& [p, len] = cuts.back();
    if (raw.size() - p - len < p) return raw.substr(0, p);
    return raw;
  }
  return raw.substr(start(b), stop(e) - start(b));
}

// ---------------------------------------------------------------------------------------------
// Extraction

struct PassResult {
  std::string title;
  std::string dateline;
  std::string published;
  std::string author;
  std::vector<std::string> body;
  int64_t body_chars = 0;
};

// Scores blocks readability-style; returns the best one, or -1 when no text run is long enough.
int MainBlock(Tree& tree, const std::vector<Line>& page) {
  std::vector<Node>& nodes = tree.nodes;
  int best = -1;
  double best_score = 0;
  for (const Line& l : page) {
    if (l.chars < 25 || l.owner < 0) continue;
    double s = 1 + std::min<int64_t>(l.chars / 100, 3);
    for (char c : l.text) s += c == ',';
    int target = l.owner;
    if (IsParagraphLike(nodes[target].tag) && nodes[target].parent >= 0) target = nodes[target].parent;
    for (int level = 0; level < 5 && target >= 0; ++level) {
      Node& n = nodes[target];
      if (!n.scored) {
        n.scored = true;
        n.score = TagPrior(n.tag) + (n.content ? 25 : 0) - (n.furniture ? 25 : 0);
      }
      n.score += level == 0 ? s : level == 1 ? s / 2 : s / (level * 3);
      target = n.parent;
    }
  }
  for (size_t i = 0; i < nodes.size(); ++i) {
    const Node& n = nodes[i];
    if (!n.scored || n.chars == 0) continue;
    double score = n.score * (1 - static_cast<double>(n.link_chars) / static_cast<double>(n.chars));
    if (best < 0 || score > best_score) {
      best = static_cast<int>(i);
      best_score = score;
    }
  }
  return best;
}

// The <h1> of the article: the one sharing the deepest ancestor with the main block, the
// nearest one before it on ties.
int TitleHeading(const Tree& tree, int main) {
  const std::vector<Node>& nodes = tree.nodes;
  int best = -1, best_depth = -1, best_dist = 0;
  for (size_t i = 0; i < nodes.size(); ++i) {
    const Node& n = nodes[i];
    if (n.tag != GUMBO_TAG_H1 || n.kind != Kind::kElement || n.chars == 0) continue;
    int a = static_cast<int>(i);
    while (a >= 0 && !tree.Contains(a, main)) a = nodes[a].parent;
    int depth = a < 0 ? -1 : nodes[a].depth;
    int dist = std::abs(main - static_cast<int>(i)) + (static_cast<int>(i) > main ? 1 : 0);
    if (depth > best_depth || (depth == best_depth && dist < best_dist)) {
      best = static_cast<int>(i);
      best_depth = depth;
      best_dist = dist;
    }
  }
  return best;
}

// The article: the main block widened to the nearest <article> / content-like ancestor or the
// ancestor that holds the title heading, while the widening adds little text that is not links.
int ArticleRoot(const Tree& tree, int main, int heading) {
  const std::vector<Node>& nodes = tree.nodes;
  if (tree.Contains(main, heading)) return main;
  const int64_t own = nodes[main].chars - nodes[main].link_chars;
  const double bound = std::max(500.0, 0.75 * static_cast<double>(own));
  int root = main;
  for (int a = nodes[main].parent; a >= 0; a = nodes[a].parent) {
    const Node& n = nodes[a];
    if (n.tag == GUMBO_TAG_BODY || n.tag == GUMBO_TAG_HTML) break;
    if (static_cast<double>(n.chars - n.link_chars - own) > bound) break;
    if (n.content || tree.Contains(a, heading)) root = a;
    if (heading >= 0 && tree.Contains(root, heading)) break;
  }
  return root;
}

bool LinkListTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_LI:
    case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MENU:
      return true;
    default:
      return false;
  }
}

std::string AuthorFrom(std::string_view text) {
  std::string t = Nfc(text);
  std::string name;
  if (RE2::FullMatch(t, AuthorRe(), &name)) return name;
  return t;
}

bool ExtractPass(const GumboOutput* doc, const Meta& meta, Pass pass, PassResult* res) {
  Tree tree = Flatten(doc->root, pass);
  const std::vector<Node>& nodes = tree.nodes;
  const std::vector<Line> page = Layout(tree, 0, [](int) { return false; });
  if (page.empty()) return false;

  int main = MainBlock(tree, page);
  if (main < 0) {
    for (size_t i = 0; i < nodes.size(); ++i) {
      if (nodes[i].tag == GUMBO_TAG_BODY) main = static_cast<int>(i);
    }
    if (main < 0) main = 0;
  }
  int heading = TitleHeading(tree, main);
  const int root = ArticleRoot(tree, main, heading);

  // Title: the article's <h1>, else og:title, else <title>, without the site's name. An <h1>
  // outside the article must be the page's title (not the site's name in a logo).
  const std::string* og = meta.Get("og:title");
  const std::string* site_name = meta.Get("og:site_name");
  const std::string site = site_name != nullptr ? *site_name : std::string();
  const std::string og_title = og != nullptr ? StripSiteName(*og, page, site) : std::string();
  const std::string head_title = StripSiteName(meta.title, page, site);
  if (heading >= 0) {
    std::string h = Collapse(JoinedText(tree, heading));
    TextMatcher hm(h);
    auto names_page = [&](const std::string& t) { return hm.Same(t) || (hm.In(t) && h.size() * 2 >= t.size()); };
    bool ok = tree.Contains(root, heading) || (og_title.empty() && head_title.empty()) ||
              names_page(og_title) || names_page(head_title);
    if (ok && !h.empty()) {
      res->title = h;
    } else {
      heading = -1;
    }
  }
  if (heading < 0) res->title = og_title.empty() ? head_title : og_title;

  // The article's lines, without link lists, the title heading and bylines.
  std::string byline;
  auto skip = [&](int i) {
    const Node& n = nodes[i];
    if (i == heading) return true;
    if (n.byline && !n.byline_inside && n.chars <= 200) {
      if (byline.empty()) byline = Collapse(JoinedText(tree, i));
      return true;
    }
    if (LinkListTag(n.tag) && !tree.Contains(i, main) && n.chars > 0 && n.link_chars * 2 > n.chars) return true;
    return false;
  };
  std::vector<Line> lines = Layout(tree, root, skip);

  // Drop furniture lines; take the author line out.
  std::vector<Line> kept;
  std::string author_line;
  bool after_related = false;
  for (Line& l : lines) {
    const bool short_line = l.text.size() <= kShortLineBytes;
    const std::string m = short_line ? Nfc(l.text) : std::string();
    if (short_line && FullMatch(m, RelatedHeadingRe())) {
      after_related = true;
      continue;
    }
    if (after_related && l.link_chars * 2 >= l.chars) continue;
    after_related = false;
    if (short_line) {
      std::string name;
      if (RE2::FullMatch(m, AuthorRe(), &name)) {
        if (author_line.empty()) author_line = name;
        continue;
      }
      if (FullMatch(m, FurnitureLineRe())) continue;
    }
    if (l.link_chars * 10 >= l.chars * 9) continue;  // a lone link ("read also")
    if (!HasAlnum(l.text)) continue;
    kept.push_back(std::move(l));
  }

  // The title again as a line of the article (when it came from <title>).
  const TextMatcher title_matcher(res->title);
  if (heading < 0 && !res->title.empty()) {
    for (size_t i = 0; i < kept.size() && i < 5; ++i) {
      if (title_matcher.Same(kept[i].text)) {
        kept.erase(kept.begin() + static_cast<std::ptrdiff_t>(i));
        break;
      }
    }
  }

  // The dateline: among the article's first lines, else next to the title on the page.
  int day = 0, month = 0, year = 0;
  for (size_t i = 0; i < kept.size() && i < 4; ++i) {
    if (kept[i].text.size() > kShortLineBytes) continue;
    if (RE2::FullMatch(Nfc(kept[i].text), DatelineRe(), &day, &month, &year)) {
      res->dateline = kept[i].text;
      kept.erase(kept.begin() + static_cast<std::ptrdiff_t>(i));
      break;
    }
  }
  if (res->dateline.empty() && !res->title.empty()) {
    int t = -1;
    for (size_t i = 0; i < page.size() && t < 0; ++i) {
      if (heading >= 0 ? tree.Contains(heading, page[i].first) : title_matcher.Same(page[i].text)) {
        t = static_cast<int>(i);
      }
    }
    for (int i = std::max(0, t - 3); t >= 0 && i < static_cast<int>(page.size()) && i <= t + 4; ++i) {
      if (i == t || page[i].text.size() > kShortLineBytes) continue;
      if (heading >= 0 && tree.Contains(heading, page[i].first)) continue;
      if (RE2::FullMatch(Nfc(page[i].text), DatelineRe(), &day, &month, &year)) {
        res->dateline = page[i].text;
        break;
      }
    }
  }

  // Publication date: the page's metadata, a <time> of the article, the dateline.
  for (const char* key : {"article:published_time", "og:published_time", "datepublished", "pubdate",
                          "publishdate", "publish-date", "publish_date", "article.published",
                          "dc.date.issued", "dc.date", "dcterms.created", "date"}) {
    if (const std::string* v = meta.Get(key); v != nullptr) {
      res->published = ParseDate(*v);
      if (!res->published.empty()) break;
    }
  }
  for (int i = root; res->published.empty() && i < nodes[root].end; ++i) {
    if (nodes[i].tag != GUMBO_TAG_TIME || nodes[i].kind != Kind::kElement) continue;
    if (const char* dt = Attr(nodes[i].g->v.element, "datetime"); dt != nullptr) res->published = ParseDate(dt);
  }
  if (res->published.empty() && !res->dateline.empty()) res->published = IsoDate(year, month, day);

  // Author: "Tác giả bài viết: …", a byline element, <meta name="author">.
  if (!author_line.empty()) {
    res->author = author_line;
  } else if (!byline.empty()) {
    res->author = AuthorFrom(byline);
  } else if (const std::string* a = meta.Get("author"); a != nullptr) {
    res->author = *a;
  }

  for (Line& l : kept) {
    res->body_chars += l.chars;
    res->body.push_back(std::move(l.text));
  }
  return true;
}

}  // namespace

Status ExtractHtml(std::string_view utf8, HtmlPage* out) {
  *out = HtmlPage();
  std::string capped;
  if (CapNesting(utf8, &capped)) utf8 = capped;

  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  GumboOutput* doc = gumbo_parse_with_options(&options, utf8.data(), utf8.size());
  if (doc == nullptr) return Status::InvalidInput("no text in the page");
  const Meta meta = ReadMeta(doc->root);

  // A page whose furniture filter leaves almost nothing is read again keeping the furniture.
  constexpr int64_t kEnoughText = 50;
  PassResult res;
  bool any = ExtractPass(doc, meta, Pass::kStrict, &res);
  if (res.body_chars < kEnoughText) {
    PassResult lenient;
    if (ExtractPass(doc, meta, Pass::kLenient, &lenient) && lenient.body_chars > res.body_chars) {
      res = std::move(lenient);
      any = true;
    }
  }
  if (res.body.empty() && any) {
    // Everything was furniture: keep the page's text as it is.
    Tree tree = Flatten(doc->root, Pass::kLenient);
    for (Line& l : Layout(tree, 0, [](int) { return false; })) res.body.push_back(std::move(l.text));
  }
  gumbo_destroy_output(&options, doc);

  if (res.title.empty() && !meta.title.empty()) res.title = meta.title;
  std::string text;
  auto add = [&](const std::string& line) {
    if (line.empty()) return;
    if (!text.empty()) text.push_back('\n');
    text += line;
  };
  add(res.title);
  add(res.dateline);
  for (const std::string& l : res.body) {
    if (!res.title.empty() && text.size() == res.title.size() && l == res.title) continue;
    add(l);
  }
  if (text.empty()) return Status::InvalidInput("no text in the page");
  out->text = std::move(text);
  out->title = std::move(res.title);
  out->published = std::move(res.published);
  out->author = std::move(res.author);
  return Status::Ok();
}

}  // namespace vnextract::internal
