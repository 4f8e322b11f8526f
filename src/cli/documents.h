// Inputs to documents: each file or standard input, in its format (text, HTML, JSON Lines) and
// encoding, becomes one document (a JSON Lines file one per line), read as a stream so that a
// 1 GB file or 100,000 files never sit in memory at once.
#ifndef VNEXTRACT_CLI_DOCUMENTS_H_
#define VNEXTRACT_CLI_DOCUMENTS_H_

#include <cstdint>
#include <fstream>
#include <string_view>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cli/walk.h"
#include "vnextract/extractor.h"
#include "vnextract/input.h"

namespace vnextract::cli {

struct Document {
  std::string id;       // the records' `doc`: the path as given, "-", or the JSON Lines id
  std::string where;    // for messages: "path" or "path:LINE"
  uint64_t line = 0;    // JSON Lines: 1-based line number; 0 otherwise
  std::string text;     // UTF-8 text; record offsets count its code points
  std::string title, date, author;  // metadata, "" when unknown; date as written (ISO for HTML)
  std::optional<CivilDate> reference;  // the metadata's date, when it is one
  std::vector<std::pair<std::string, std::string>> fields;  // every metadata field by name
  std::string encoding; // the encoding the bytes were read in
  std::string encoding_why;
  bool failed = false;  // could not be read; `error` says why and no text is extracted
  std::string error;
  uint64_t bytes = 0;   // input bytes this document took (for progress)
};

struct ReadOptions {
  InputFormat format = InputFormat::kAuto;
  Encoding encoding = Encoding::kAuto;
  std::string text_field = "text";
  std::string id_field = "id";
  std::string date_field = "date";
};

// Yields the documents of a list of inputs one at a time.
class DocumentReader {
 public:
  DocumentReader(std::vector<Input> inputs, ReadOptions options, const Extractor& extractor);
  ~DocumentReader();
  // The next document, or false at the end. Read errors come as documents with `failed` set.
  bool Next(Document* doc);

 private:
  bool OpenNext(Document* failed);
  bool NextJsonLine(Document* doc);
  void FromBytes(const Input& in, std::string bytes, InputFormat format, Document* doc);

  std::vector<Input> inputs_;
  ReadOptions options_;
  const Extractor& extractor_;
  size_t next_input_ = 0;
  // The JSON Lines stream being read, if any.
  std::unique_ptr<std::ifstream> file_;
  std::unique_ptr<std::istream> string_lines_;  // a JSON Lines file recognised by its content
  std::istream* lines_ = nullptr;
  const Input* lines_input_ = nullptr;
  uint64_t line_no_ = 0;
  struct Json;
  std::unique_ptr<Json> json_;
};

// The format of a file from its name and first bytes (used when the format is auto).
InputFormat GuessFormat(const std::string& path, std::string_view head);

}  // namespace vnextract::cli

#endif  // VNEXTRACT_CLI_DOCUMENTS_H_
