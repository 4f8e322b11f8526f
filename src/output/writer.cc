#include "vnextract/writer.h"

#include <charconv>
#include <cstring>
#include <string>

namespace vnextract {

namespace {

constexpr std::string_view kColumns[] = {"doc",       "type",        "text",   "value",  "value_to", "unit",
                                         "qualifier", "numerator",   "denominator", "role", "parent",
                                         "canonical", "resolved",    "note",   "kind",   "number",   "year",
                                         "issuer_code", "issuer",    "issued", "start",       "end",    "sentence", "rule",   "context"};
constexpr size_t kColumnCount = sizeof(kColumns) / sizeof(kColumns[0]);

std::string Field(const Record& r, size_t col) {
  switch (col) {
    case 0: return r.doc;
    case 1: return std::string(TypeName(r));
    case 2: return r.text;
    case 3: return r.value;
    case 4: return r.value_to;
    case 5: return r.unit;
    case 6: return r.qualifier;
    case 7: return r.numerator;
    case 8: return r.denominator;
    case 9: return r.role;
    case 10: return r.parent;
    case 11: return r.canonical;
    case 12: return r.resolved;
    case 13: return r.note;
    case 14: return r.kind;
    case 15: return r.number;
    case 16: return r.year;
    case 17: return r.issuer_code;
    case 18: return r.issuer;
    case 19: return r.issued;
    case 20: return std::to_string(r.start);
    case 21: return std::to_string(r.end);
    case 22: return std::to_string(r.sentence);
    case 23: return r.rule;
    case 24: return r.context;
  }
  return "";
}

// Fields are appended to one buffer per record, written in one call: a stream call per field
// costs more than the field.
void CsvField(std::string* out, std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
    out->append(s);
    return;
  }
  out->push_back('"');
  size_t from = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '"') continue;
    out->append(s.substr(from, i + 1 - from));
    out->push_back('"');  // doubled
    from = i + 1;
  }
  out->append(s.substr(from));
  out->push_back('"');
}

void TsvField(std::string* out, std::string_view s) {
  size_t from = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\t' && s[i] != '\n' && s[i] != '\r') continue;
    out->append(s.substr(from, i - from));
    out->push_back(' ');
    from = i + 1;
  }
  out->append(s.substr(from));
}

// Whether any of the 8 bytes of `w` is a control character, '"' or '\\' (bit tricks from
// "Bit Twiddling Hacks": a byte b has b < n when (b - n) & ~b has its top bit set).
inline bool NeedsEscape8(uint64_t w) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  uint64_t control = (w - kOnes * 0x20) & ~w;
  uint64_t quote = w ^ (kOnes * '"');
  uint64_t backslash = w ^ (kOnes * '\\');
  return ((control | ((quote - kOnes) & ~quote) | ((backslash - kOnes) & ~backslash)) & kHigh) != 0;
}

void JsonString(std::string* out, std::string_view s) {
  if (s.empty()) {
    out->append("\"\"", 2);
    return;
  }
  size_t i = 0;
  // Most text needs no escape: skip it 8 bytes at a time, then append it in one piece.
  while (i + 8 <= s.size()) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    if (NeedsEscape8(w)) break;
    i += 8;
  }
  while (i < s.size()) {
    unsigned char u = static_cast<unsigned char>(s[i]);
    if (u < 0x20 || u == '"' || u == '\\') break;
    ++i;
  }
  size_t start = out->size();
  out->resize(start + i + 2);
  char* p = out->data() + start;
  p[0] = '"';
  std::memcpy(p + 1, s.data(), i);
  if (i == s.size()) {
    p[i + 1] = '"';
    return;
  }
  out->resize(start + i + 1);  // an escape is needed: the rest goes the slow way
  size_t from = i;
  for (; i < s.size(); ++i) {
    unsigned char u = static_cast<unsigned char>(s[i]);
    if (u >= 0x20 && u != '"' && u != '\\') continue;
    out->append(s.substr(from, i - from));
    from = i + 1;
    switch (u) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default: {
        static const char kHex[] = "0123456789abcdef";
        char esc[6] = {'\\', 'u', '0', '0', kHex[u >> 4], kHex[u & 15]};
        out->append(esc, 6);
      }
    }
  }
  out->append(s.substr(from));
  out->push_back('"');
}

void JsonUint(std::string* out, uint64_t x) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x);
  out->append(buf, static_cast<size_t>(end - buf));
}

// A number or null: values are exact decimals written as JSON numbers.
void JsonNumber(std::string* out, std::string_view s) {
  if (s.empty()) out->append("null");
  else out->append(s);
}

}  // namespace

std::optional<OutputFormat> ParseOutputFormat(std::string_view name) {
  if (name == "csv") return OutputFormat::kCsv;
  if (name == "tsv") return OutputFormat::kTsv;
  if (name == "json") return OutputFormat::kJson;
  if (name == "jsonl" || name == "ndjson") return OutputFormat::kJsonLines;
  return std::nullopt;
}

RecordWriter::RecordWriter(std::ostream& out, OutputFormat format, WriterOptions options)
    : out_(out), format_(format), options_(options) {}

std::string FormatHeader(OutputFormat format, const std::vector<std::string>& names, bool bom) {
  std::string out;
  if (format != OutputFormat::kCsv && format != OutputFormat::kTsv) return out;
  if (bom) out += "\xEF\xBB\xBF";
  for (size_t c = 0; c < names.size(); ++c) {
    if (c) out.push_back(format == OutputFormat::kCsv ? ',' : '\t');
    if (format == OutputFormat::kCsv) CsvField(&out, names[c]);
    else TsvField(&out, names[c]);
  }
  out += format == OutputFormat::kCsv ? "\r\n" : "\n";
  return out;
}

void FormatRow(OutputFormat format, const std::vector<std::string>& names, const std::vector<std::string>& values,
               const std::vector<bool>& numeric, std::string* out) {
  if (format == OutputFormat::kCsv || format == OutputFormat::kTsv) {
    for (size_t c = 0; c < values.size(); ++c) {
      if (c) out->push_back(format == OutputFormat::kCsv ? ',' : '\t');
      if (format == OutputFormat::kCsv) CsvField(out, values[c]);
      else TsvField(out, values[c]);
    }
    out->append(format == OutputFormat::kCsv ? "\r\n" : "\n");
    return;
  }
  out->push_back('{');
  for (size_t c = 0; c < values.size() && c < names.size(); ++c) {
    if (c) out->push_back(',');
    JsonString(out, names[c]);
    out->push_back(':');
    if (c < numeric.size() && numeric[c]) JsonNumber(out, values[c]);
    else JsonString(out, values[c]);
  }
  out->push_back('}');
  if (format == OutputFormat::kJsonLines) out->push_back('\n');
}

const std::vector<std::string>& RecordColumns() {
  static const std::vector<std::string> kNames(std::begin(kColumns), std::end(kColumns));
  return kNames;
}

void RecordWriter::Begin() {
  size_t cols = options_.context ? kColumnCount : kColumnCount - 1;
  switch (format_) {
    case OutputFormat::kCsv:
    case OutputFormat::kTsv: {
      if (options_.bom) out_ << "\xEF\xBB\xBF";
      const char* sep = format_ == OutputFormat::kCsv ? "," : "\t";
      std::string header;
      for (size_t c = 0; c < cols; ++c) {
        if (c) header += sep;
        header += kColumns[c];
      }
      for (const std::string& name : options_.extra_columns) {
        header += sep;
        if (format_ == OutputFormat::kCsv) CsvField(&header, name);
        else TsvField(&header, name);
      }
      out_ << header << (format_ == OutputFormat::kCsv ? "\r\n" : "\n");
      break;
    }
    case OutputFormat::kJson:
      out_ << "[";
      break;
    case OutputFormat::kJsonLines:
      break;
  }
}

void RecordWriter::Write(const Record& r) {
  buf_.clear();
  if (format_ == OutputFormat::kJson) buf_.append(first_ ? "\n" : ",\n");
  first_ = false;
  Format(r, &buf_);
  out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
}

void RecordWriter::Format(const Record& r, std::string* out) {
  std::string& b = *out;
  size_t cols = options_.context ? kColumnCount : kColumnCount - 1;
  if (format_ == OutputFormat::kCsv || format_ == OutputFormat::kTsv) {
    for (size_t c = 0; c < cols; ++c) {
      if (c) b.push_back(format_ == OutputFormat::kCsv ? ',' : '\t');
      if (format_ == OutputFormat::kCsv) CsvField(&b, Field(r, c));
      else TsvField(&b, Field(r, c));
    }
    for (size_t k = 0; k < options_.extra_columns.size(); ++k) {
      b.push_back(format_ == OutputFormat::kCsv ? ',' : '\t');
      std::string_view v = k < r.extra.size() ? std::string_view(r.extra[k]) : std::string_view();
      if (format_ == OutputFormat::kCsv) CsvField(&b, v);
      else TsvField(&b, v);
    }
    b.append(format_ == OutputFormat::kCsv ? "\r\n" : "\n");
    return;
  }
  bool numeric = HasNumericValue(r.type);
  b.append("{\"doc\":");
  JsonString(&b, r.doc);
  b.append(",\"type\":\"");
  b.append(TypeName(r));
  b.append("\",\"text\":");
  JsonString(&b, r.text);
  b.append(",\"value\":");
  if (numeric) JsonNumber(&b, r.value);
  else JsonString(&b, r.value);
  b.append(",\"value_to\":");
  if (numeric) JsonNumber(&b, r.value_to);
  else if (r.value_to.empty()) b.append("null");
  else JsonString(&b, r.value_to);
  b.append(",\"unit\":");
  JsonString(&b, r.unit);
  b.append(",\"qualifier\":");
  JsonString(&b, r.qualifier);
  b.append(",\"numerator\":");
  JsonNumber(&b, r.numerator);
  b.append(",\"denominator\":");
  JsonNumber(&b, r.denominator);
  b.append(",\"role\":");
  JsonString(&b, r.role);
  b.append(",\"parent\":");
  JsonString(&b, r.parent);
  b.append(",\"canonical\":");
  JsonString(&b, r.canonical);
  b.append(",\"resolved\":");
  JsonString(&b, r.resolved);
  b.append(",\"note\":");
  JsonString(&b, r.note);
  b.append(",\"kind\":");
  JsonString(&b, r.kind);
  b.append(",\"number\":");
  JsonString(&b, r.number);
  b.append(",\"year\":");
  JsonString(&b, r.year);
  b.append(",\"issuer_code\":");
  JsonString(&b, r.issuer_code);
  b.append(",\"issuer\":");
  JsonString(&b, r.issuer);
  b.append(",\"issued\":");
  JsonString(&b, r.issued);
  b.append(",\"start\":");
  JsonUint(&b, r.start);
  b.append(",\"end\":");
  JsonUint(&b, r.end);
  b.append(",\"sentence\":");
  JsonUint(&b, r.sentence);
  b.append(",\"rule\":");
  JsonString(&b, r.rule);
  if (options_.context) {
    b.append(",\"context\":");
    if (r.context != last_context_ || last_context_escaped_.empty()) {
      last_context_ = r.context;
      last_context_escaped_.clear();
      JsonString(&last_context_escaped_, r.context);
    }
    b.append(last_context_escaped_);
  }
  for (size_t k = 0; k < options_.extra_columns.size(); ++k) {
    b.push_back(',');
    JsonString(&b, options_.extra_columns[k]);
    b.push_back(':');
    JsonString(&b, k < r.extra.size() ? std::string_view(r.extra[k]) : std::string_view());
  }
  b.push_back('}');
  if (format_ == OutputFormat::kJsonLines) b.push_back('\n');
}

void RecordWriter::End() {
  if (format_ == OutputFormat::kJson) out_ << (first_ ? "]\n" : "\n]\n");
}

}  // namespace vnextract
