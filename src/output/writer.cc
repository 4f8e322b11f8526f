#include "vnextract/writer.h"

#include <string>

namespace vnextract {

namespace {

constexpr std::string_view kColumns[] = {"doc",   "type",      "text",        "value", "value_to",
                                         "unit",  "qualifier", "numerator",   "denominator",
                                         "start", "end",       "sentence",    "rule",  "context"};
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
    case 9: return std::to_string(r.start);
    case 10: return std::to_string(r.end);
    case 11: return std::to_string(r.sentence);
    case 12: return r.rule;
    case 13: return r.context;
  }
  return "";
}

void CsvField(std::ostream& out, std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
    out << s;
    return;
  }
  out << '"';
  for (char c : s) {
    if (c == '"') out << '"';
    out << c;
  }
  out << '"';
}

void TsvField(std::ostream& out, std::string_view s) {
  for (char c : s) out << ((c == '\t' || c == '\n' || c == '\r') ? ' ' : c);
}

void JsonString(std::ostream& out, std::string_view s) {
  out << '"';
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    switch (c) {
      case '"': out << "\\\""; break;
      case '\\': out << "\\\\"; break;
      case '\n': out << "\\n"; break;
      case '\r': out << "\\r"; break;
      case '\t': out << "\\t"; break;
      default:
        if (u < 0x20) {
          static const char kHex[] = "0123456789abcdef";
          out << "\\u00" << kHex[u >> 4] << kHex[u & 15];
        } else {
          out << c;
        }
    }
  }
  out << '"';
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
