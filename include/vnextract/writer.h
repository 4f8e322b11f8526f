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

#include "vnextract/record.h"

namespace vnextract {

enum class OutputFormat { kCsv, kTsv, kJson, kJsonLines };

// "csv", "tsv", "json", "jsonl" → format; nullopt otherwise.
std::optional<OutputFormat> ParseOutputFormat(std::string_view name);

struct WriterOptions {
  bool context = true;  // write the context column/key. Default: true.
  bool bom = false;     // start CSV/TSV with a UTF-8 byte-order mark (for Excel). Default: false.
};

class RecordWriter {
 public:
  RecordWriter(std::ostream& out, OutputFormat format, WriterOptions options);
  // Header row, BOM or '['. Call once before any Write.
  void Begin();
  void Write(const Record& r);
  // ']' for JSON. Call once after the last Write.
  void End();

 private:
  std::ostream& out_;
  OutputFormat format_;
  WriterOptions options_;
  bool first_ = true;
  std::string buf_;  // one record, written in one call
  // The last context written and its escaped form: records of one sentence share it.
  std::string last_context_;
  std::string last_context_escaped_;
};

}  // namespace vnextract

#endif  // VNEXTRACT_WRITER_H_
