#include "vnextract/writer.h"

#include <string>

namespace vnextract {

namespace {

constexpr std::string_view kColumns[] = {"doc",       "type",        "text",   "value",  "value_to", "unit",
                                         "qualifier", "numerator",   "denominator", "role", "parent",
                                         "canonical", "start",       "end",    "sentence", "rule",   "context"};
constexpr size_t kColumnCount = sizeof(kColumns) / sizeof(kColumns[0]);

std::string Field(const Record& r, size_t col) {
  switch (col) {
    case 0: return r.doc;
    case 1: return std::string(RecordTypeName(r.type));
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
    case 12: return std::to_string(r.start);
    case 13: return std::to_string(r.end);
    case 14: return std::to_string(r.sentence);
    case 15: return r.rule;
    case 16: return r.context;
  }
  return "";
}

void CsvField(std::ostream& out, std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
    out.write(s.data(), static_cast<std::streamsize>(s.size()));
    return;
  }
  out.put('"');
  size_t from = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '"') continue;
    out.write(s.data() + from, static_cast<std::streamsize>(i + 1 - from));
    out.put('"');  // doubled
    from = i + 1;
  }
  out.write(s.data() + from, static_cast<std::streamsize>(s.size() - from));
  out.put('"');
}

void TsvField(std::ostream& out, std::string_view s) {
  size_t from = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\t' && s[i] != '\n' && s[i] != '\r') continue;
    out.write(s.data() + from, static_cast<std::streamsize>(i - from));
    out.put(' ');
    from = i + 1;
  }
  out.write(s.data() + from, static_cast<std::streamsize>(s.size() - from));
}

void JsonString(std::ostream& out, std::string_view s) {
  out.put('"');
  size_t from = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char u = static_cast<unsigned char>(s[i]);
    if (u >= 0x20 && u != '"' && u != '\\') continue;
    out.write(s.data() + from, static_cast<std::streamsize>(i - from));
    from = i + 1;
    switch (u) {
      case '"': out.write("\\\"", 2); break;
      case '\\': out.write("\\\\", 2); break;
      case '\n': out.write("\\n", 2); break;
      case '\r': out.write("\\r", 2); break;
      case '\t': out.write("\\t", 2); break;
      default: {
        static const char kHex[] = "0123456789abcdef";
        char esc[6] = {'\\', 'u', '0', '0', kHex[u >> 4], kHex[u & 15]};
        out.write(esc, 6);
      }
    }
  }
  out.write(s.data() + from, static_cast<std::streamsize>(s.size() - from));
  out.put('"');
}

// A number or null: values are exact decimals written as JSON numbers.
void JsonNumber(std::ostream& out, std::string_view s) {
  if (s.empty()) out << "null";
  else out << s;
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

void RecordWriter::Begin() {
  size_t cols = options_.context ? kColumnCount : kColumnCount - 1;
  switch (format_) {
    case OutputFormat::kCsv:
    case OutputFormat::kTsv: {
      if (options_.bom) out_ << "\xEF\xBB\xBF";
      const char* sep = format_ == OutputFormat::kCsv ? "," : "\t";
      for (size_t c = 0; c < cols; ++c) out_ << (c ? sep : "") << kColumns[c];
      out_ << (format_ == OutputFormat::kCsv ? "\r\n" : "\n");
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
  size_t cols = options_.context ? kColumnCount : kColumnCount - 1;
  if (format_ == OutputFormat::kCsv || format_ == OutputFormat::kTsv) {
    for (size_t c = 0; c < cols; ++c) {
      if (c) out_ << (format_ == OutputFormat::kCsv ? ',' : '\t');
      if (format_ == OutputFormat::kCsv) CsvField(out_, Field(r, c));
      else TsvField(out_, Field(r, c));
    }
    out_ << (format_ == OutputFormat::kCsv ? "\r\n" : "\n");
    return;
  }
  if (format_ == OutputFormat::kJson) out_ << (first_ ? "\n" : ",\n");
  first_ = false;
  bool numeric = HasNumericValue(r.type);
  out_ << "{\"doc\":";
  JsonString(out_, r.doc);
  out_ << ",\"type\":\"" << RecordTypeName(r.type) << "\",\"text\":";
  JsonString(out_, r.text);
  out_ << ",\"value\":";
  if (numeric) JsonNumber(out_, r.value);
  else JsonString(out_, r.value);
  out_ << ",\"value_to\":";
  if (numeric) JsonNumber(out_, r.value_to);
  else if (r.value_to.empty()) out_ << "null";
  else JsonString(out_, r.value_to);
  out_ << ",\"unit\":";
  JsonString(out_, r.unit);
  out_ << ",\"qualifier\":";
  JsonString(out_, r.qualifier);
  out_ << ",\"numerator\":";
  JsonNumber(out_, r.numerator);
  out_ << ",\"denominator\":";
  JsonNumber(out_, r.denominator);
  out_ << ",\"role\":";
  JsonString(out_, r.role);
  out_ << ",\"parent\":";
  JsonString(out_, r.parent);
  out_ << ",\"canonical\":";
  JsonString(out_, r.canonical);
  out_ << ",\"start\":" << r.start << ",\"end\":" << r.end << ",\"sentence\":" << r.sentence << ",\"rule\":";
  JsonString(out_, r.rule);
  if (options_.context) {
    out_ << ",\"context\":";
    JsonString(out_, r.context);
  }
  out_ << "}";
  if (format_ == OutputFormat::kJsonLines) out_ << "\n";
}

void RecordWriter::End() {
  if (format_ == OutputFormat::kJson) out_ << (first_ ? "]\n" : "\n]\n");
}

}  // namespace vnextract
