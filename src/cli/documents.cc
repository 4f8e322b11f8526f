#include "cli/documents.h"

#include <simdjson.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <sstream>

#include "input/html.h"

namespace vnextract::cli {

struct DocumentReader::Json {
  simdjson::dom::parser parser;
};

namespace {

bool EndsWith(const std::string& s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    char c = s[s.size() - suffix.size() + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != suffix[i]) return false;
  }
  return true;
}

// ASCII case-insensitive search of `needle` (lower case) in `hay`.
bool ContainsNoCase(std::string_view hay, std::string_view needle) {
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    size_t k = 0;
    while (k < needle.size()) {
      char c = hay[i + k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      if (c != needle[k]) break;
      ++k;
    }
    if (k == needle.size()) return true;
  }
  return false;
}

// Reads a whole file (or stdin when path is empty).
bool ReadAll(const std::string& path, std::string* out, std::string* reason) {
  if (path.empty()) {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    *out = ss.str();
    return true;
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    *reason = "is a directory";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *reason = std::string("cannot open: ") + std::strerror(errno);
    return false;
  }
  out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) {
    *reason = std::string("read error: ") + std::strerror(errno);
    return false;
  }
  return true;
}

// A date field's value as a reference date: "2023-10-06", "2023-10-06T08:00:00+07:00",
// "20231006".
std::optional<CivilDate> DateOf(std::string_view s) {
  if (s.size() >= 10 && s[4] == '-' && s[7] == '-') return ParseIsoDate(s.substr(0, 10));
  if (s.size() == 8) return ParseIsoDate(s);
  return std::nullopt;
}

}  // namespace

InputFormat GuessFormat(const std::string& path, std::string_view head) {
  if (EndsWith(path, ".html") || EndsWith(path, ".htm") || EndsWith(path, ".xhtml")) return InputFormat::kHtml;
  if (EndsWith(path, ".jsonl") || EndsWith(path, ".ndjson") || EndsWith(path, ".json")) return InputFormat::kJsonLines;
  if (EndsWith(path, ".txt")) return InputFormat::kText;
  size_t i = 0;
  if (head.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < head.size() && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) ++i;
  std::string_view rest = head.substr(i);
  if (!rest.empty() && rest[0] == '{') return InputFormat::kJsonLines;
  if (!rest.empty() && rest[0] == '<' &&
      (ContainsNoCase(rest.substr(0, 1024), "<html") || ContainsNoCase(rest.substr(0, 1024), "<!doctype html") ||
       ContainsNoCase(rest.substr(0, 1024), "<body") || ContainsNoCase(rest.substr(0, 1024), "<p"))) {
    return InputFormat::kHtml;
  }
  return InputFormat::kText;
}

DocumentReader::DocumentReader(std::vector<Input> inputs, ReadOptions options, const Extractor& extractor)
    : inputs_(std::move(inputs)), options_(std::move(options)), extractor_(extractor), json_(std::make_unique<Json>()) {}

DocumentReader::~DocumentReader() = default;

void DocumentReader::FromBytes(const Input& in, std::string bytes, InputFormat format, Document* doc) {
  doc->id = in.name;
  doc->where = in.name;
  doc->bytes = bytes.size();
  Encoding chosen = Encoding::kUtf8;
  std::string why;
  std::string utf8;
  Status s = extractor_.Decode(bytes, options_.encoding, &utf8, &chosen, &why);
  doc->encoding = std::string(EncodingName(chosen));
  doc->encoding_why = why;
  if (!s.ok()) {
    doc->failed = true;
    doc->error = s.message();
    return;
  }
  if (format == InputFormat::kHtml) {
    internal::HtmlPage page;
    s = internal::ExtractHtml(utf8, &page);
    if (!s.ok()) {
      doc->failed = true;
      doc->error = s.message();
      return;
    }
    doc->text = std::move(page.text);
    doc->title = page.title;
    doc->date = page.published;
    doc->author = page.author;
    doc->reference = DateOf(page.published);
    doc->fields = {{"title", page.title}, {"date", page.published}, {"author", page.author}};
    return;
  }
  doc->text = std::move(utf8);
}

bool DocumentReader::Next(Document* doc) {
  *doc = Document();
  while (true) {
    if (lines_ != nullptr) {
      if (NextJsonLine(doc)) return true;
      lines_ = nullptr;
      file_.reset();
      string_lines_.reset();
      continue;
    }
    if (next_input_ >= inputs_.size()) return false;
    if (OpenNext(doc)) return true;  // a whole document (or a failure) from one input
  }
}

bool DocumentReader::OpenNext(Document* doc) {
  const Input& in = inputs_[next_input_++];
  InputFormat format = options_.format;
  if (in.path.empty()) {  // standard input: JSON Lines stream when it starts with '{'
    if (format == InputFormat::kAuto) {
      int c;
      while ((c = std::cin.peek()) == ' ' || c == '\n' || c == '\r' || c == '\t') std::cin.get();
      if (c == '{') format = InputFormat::kJsonLines;
    }
    if (format == InputFormat::kJsonLines) {
      lines_ = &std::cin;
      lines_input_ = &in;
      line_no_ = 0;
      return false;
    }
  } else if (format == InputFormat::kJsonLines ||
             (format == InputFormat::kAuto && GuessFormat(in.path, "") == InputFormat::kJsonLines)) {
    file_ = std::make_unique<std::ifstream>(in.path, std::ios::binary);
    if (!*file_) {
      doc->id = doc->where = in.name;
      doc->failed = true;
      doc->error = std::string("cannot open: ") + std::strerror(errno);
      file_.reset();
      return true;
    }
    lines_ = file_.get();
    lines_input_ = &in;
    line_no_ = 0;
    return false;
  }
  std::string bytes, reason;
  if (!ReadAll(in.path, &bytes, &reason)) {
    doc->id = doc->where = in.name;
    doc->failed = true;
    doc->error = reason;
    return true;
  }
  if (format == InputFormat::kAuto) format = GuessFormat(in.path, std::string_view(bytes).substr(0, 4096));
  if (format == InputFormat::kJsonLines) {  // sniffed from content: read the lines from memory
    auto stream = std::make_unique<std::istringstream>(std::move(bytes));
    // keep it alive through file_'s slot: an ifstream is an istream, but this is an
    // istringstream; hold it separately
    string_lines_ = std::move(stream);
    lines_ = string_lines_.get();
    lines_input_ = &in;
    line_no_ = 0;
    return false;
  }
  FromBytes(in, std::move(bytes), format, doc);
  return true;
}

bool DocumentReader::NextJsonLine(Document* doc) {
  std::string line;
  while (std::getline(*lines_, line)) {
    ++line_no_;
    size_t b = 0;
    while (b < line.size() && (line[b] == ' ' || line[b] == '\t' || line[b] == '\r')) ++b;
    if (b == line.size()) continue;  // blank lines are no documents
    const Input& in = *lines_input_;
    doc->where = in.name + ":" + std::to_string(line_no_);
    doc->id = doc->where;
    doc->line = line_no_;
    doc->bytes = line.size() + 1;
    simdjson::dom::element root;
    simdjson::error_code err = json_->parser.parse(line).get(root);
    if (err) {
      doc->failed = true;
      doc->error = std::string("invalid JSON: ") + simdjson::error_message(err);
      return true;
    }
    simdjson::dom::object obj;
    if (root.get_object().get(obj)) {
      doc->failed = true;
      doc->error = "not a JSON object";
      return true;
    }
    bool has_text = false;
    std::string text_bytes;
    for (auto field : obj) {
      std::string key(field.key);
      std::string value;
      std::string_view sv;
      if (field.value.get_string().get(sv) == simdjson::SUCCESS) value.assign(sv);
      else value = simdjson::minify(field.value);
      if (key == options_.text_field) {
        if (!field.value.is_string()) {
          doc->failed = true;
          doc->error = "field '" + key + "' is not a string";
          return true;
        }
        text_bytes = std::move(value);
        has_text = true;
        continue;
      }
      if (key == options_.id_field && !value.empty()) doc->id = value;
      if (key == options_.date_field) {
        doc->date = value;
        doc->reference = DateOf(value);
      }
      if (key == "title") doc->title = value;
      if (key == "author") doc->author = value;
      doc->fields.emplace_back(std::move(key), std::move(value));
    }
    if (!has_text) {
      doc->failed = true;
      doc->error = "no field '" + options_.text_field + "'";
      return true;
    }
    // The text field is decoded JSON: UTF-8 by definition, but it may hold HTML.
    Encoding chosen = Encoding::kUtf8;
    std::string why;
    std::string utf8;
    Status s = extractor_.Decode(text_bytes, Encoding::kUtf8, &utf8, &chosen, &why);
    if (!s.ok()) {
      doc->failed = true;
      doc->error = "field '" + options_.text_field + "': " + s.message();
      return true;
    }
    doc->encoding = "utf-8";
    if (options_.format != InputFormat::kText && GuessFormat("", std::string_view(utf8).substr(0, 1024)) == InputFormat::kHtml) {
      internal::HtmlPage page;
      if (internal::ExtractHtml(utf8, &page).ok()) {
        utf8 = std::move(page.text);
        if (doc->title.empty()) doc->title = page.title;
        if (doc->date.empty() && !page.published.empty()) {
          doc->date = page.published;
          doc->reference = DateOf(page.published);
        }
        if (doc->author.empty()) doc->author = page.author;
      }
    }
    doc->text = std::move(utf8);
    return true;
  }
  if (lines_->bad()) {
    doc->id = doc->where = lines_input_->name;
    doc->failed = true;
    doc->error = std::string("read error: ") + std::strerror(errno);
    lines_ = nullptr;
    return true;
  }
  return false;
}

}  // namespace vnextract::cli
