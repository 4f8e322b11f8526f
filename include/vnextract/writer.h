// Record writers: CSV (RFC 4180: header row, CRLF line ends, fields quoted when they hold a comma,
// quote or line break), TSV (header row, LF, tabs and line breaks inside fields written as one
// space), JSON (one array of objects), JSON Lines (one object per line).
//
//   vnextract::RecordWriter w(std::cout, vnextract::OutputFormat::kCsv, {});
//   w.Begin();
//   for (const auto& r : records) w.Write(r);
//   w.End();
#ifndef VNEXTRACT_WRITER_H_
#define VNEXTRACT_WRITER_H_

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "vnextract/record.h"

namespace vnextract {

enum class OutputFormat { kCsv, kTsv, kJson, kJsonLines };

// "csv", "tsv", "json", "jsonl" → format; nullopt otherwise.
std::optional<OutputFormat> ParseOutputFormat(std::string_view name);

struct WriterOptions {
  bool context = true;  // write the context column/key. Default: true.
  bool bom = false;     // start CSV/TSV with a UTF-8 byte-order mark (for Excel). Default: false.
  // Names of Record::extra, written after the schema's columns (CSV/TSV) or keys (JSON).
  std::vector<std::string> extra_columns;
};

// The schema's column names, in output order (context last).
const std::vector<std::string>& RecordColumns();

// Tables other than records (the --summary table) in the same formats: the header (CSV/TSV;
// "" for JSON) and one row of named values, JSON numbers unquoted where `numeric` says so.
std::string FormatHeader(OutputFormat format, const std::vector<std::string>& names, bool bom);
void FormatRow(OutputFormat format, const std::vector<std::string>& names, const std::vector<std::string>& values,
               const std::vector<bool>& numeric, std::string* out);

class RecordWriter {
 public:
  RecordWriter(std::ostream& out, OutputFormat format, WriterOptions options);
  // Header row, BOM or '['. Call once before any Write.
  void Begin();
  void Write(const Record& r);
  // The bytes Write would write for `r` as one JSON object or one CSV/TSV row, without the
  // separator a JSON array puts between objects; for writers that format in parallel.
  void Format(const Record& r, std::string* out);
  // ']' for JSON. Call once after the last Write.
  void End();

 private:
  // Format for CSV and TSV.
  void FormatTableRow(const Record& r, std::string* out) const;

  std::ostream& out_;
  OutputFormat format_;
  WriterOptions options_;
  bool first_ = true;
  std::string buf_;  // one record, written in one call
  // The last context written and its escaped form: records of one sentence share it.
  std::string last_context_;
  std::string last_context_escaped_;
  std::string scratch_;  // room for one JSON object, written in place (Format)
};

}  // namespace vnextract

#endif  // VNEXTRACT_WRITER_H_
