// Inputs to documents: each file or standard input, in its format (text, HTML, JSON Lines) and
// encoding, becomes one document (a JSON Lines file one per line), read as a stream so that a
// 1 GB file or 100,000 files never sit in memory at once.
//
// A document longer than the part size (PartBytes(), 128 KiB of bytes) comes in parts: a text
// file is read part by part and never held whole; the text of an HTML page or of a JSON Lines
// field is cut after it is read. A part ends after a line break, else after a sentence end
// (". "), else after a blank, else at a character boundary — never inside a character — and
// carries what the CLI needs to write its records as if the document had been extracted whole:
// the code points of the document before it, and a PartChain shared by the parts of one
// document (see main.cc).
#ifndef VNEXTRACT_CLI_DOCUMENTS_H_
#define VNEXTRACT_CLI_DOCUMENTS_H_

#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/walk.h"
#include "vnextract/extractor.h"
#include "vnextract/input.h"

namespace vnextract::cli {

// What the parts of one document share, to be written in order as one document: each part
// waits for `done` to reach its index, fixes its records up with the bases the parts before it
// left, adds its own, and moves `done` on.
struct PartChain {
  std::mutex mu;
  std::condition_variable cv;
  // The reference date of the whole document (part 0's: its --date, metadata, "# date = " header
  // or dateline), for the dates of later parts; set by part 0 before it extracts.
  bool reference_ready = false;
  std::optional<CivilDate> reference;
  // Parts [0, done) are fixed up.
  uint32_t done = 0;
  bool failed = false;            // a part failed: the parts after it write nothing
  uint64_t sentences = 0;         // sentences of parts [0, done)
  std::map<std::string, uint64_t> ids;  // entity id prefix ("P", "O", "L") → highest number used
  // normalize: whether text was written, and the strongest cut since the last text ('\n', ' ').
  bool any_text = false;
  char pending_cut = 0;
  // --summary: counts per type (index by RecordType), records, money totals per currency.
  std::vector<uint64_t> counts;
  uint64_t records = 0;
  std::map<std::string, std::string> money;

  // Blocks until parts [0, part) are done.
  void WaitTurn(uint32_t part) {
    std::unique_lock<std::mutex> lock(mu);
    cv.wait(lock, [&] { return done >= part; });
  }
  void EndTurn(uint32_t part) {
    {
      std::lock_guard<std::mutex> lock(mu);
      done = part + 1;
    }
    cv.notify_all();
  }
  std::optional<CivilDate> WaitReference() {
    std::unique_lock<std::mutex> lock(mu);
    cv.wait(lock, [&] { return reference_ready; });
    return reference;
  }
  void SetReference(std::optional<CivilDate> date) {
    {
      std::lock_guard<std::mutex> lock(mu);
      if (reference_ready) return;
      reference = date;
      reference_ready = true;
    }
    cv.notify_all();
  }
};

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
  uint64_t bytes = 0;   // input bytes this document (or part) took (for progress)

  // A document longer than the part size comes as parts 0, 1, … with the same id and metadata;
  // `text` is the part's text. A whole document is part 0 of 1, with no chain.
  uint32_t part = 0;
  bool last_part = true;   // no part of the same document follows
  uint64_t cp_base = 0;    // code points of the document's text before this part
  char cut = 0;            // where the text before this part was cut: '\n', '.', ' ', or 0 (mid-word)
  char cut_after = 0;      // where the text after it was cut (when it is not the last part)
  std::shared_ptr<PartChain> chain;  // shared by the parts of one document; null for a whole one
};

struct ReadOptions {
  InputFormat format = InputFormat::kAuto;
  Encoding encoding = Encoding::kAuto;
  std::string text_field = "text";
  std::string id_field = "id";
  std::string date_field = "date";
};

// Bytes of text above which a document is cut into parts: 128 KiB, or the environment variable
// VNEXTRACT_PART_BYTES (at least 64; for tests). Extracting text takes the library about 75 bytes
// of memory per byte of dense news text (tokens, candidates, records and their context) and the
// formatted records of the parts in flight wait for their turn: with 128 KiB parts, -j 2 stays
// near 45 MB on the densest text, 35 MB on plain prose.
size_t PartBytes();
// A JSON Lines line longer than this (64 MiB) is an error for that line, read past without being
// held.
inline constexpr size_t kMaxJsonLineBytes = size_t{64} << 20;
// An HTML page larger than this (16 MiB) is an error: the HTML parser holds the whole page and
// its tree (about 25 bytes per byte of HTML).
inline constexpr size_t kMaxHtmlBytes = size_t{16} << 20;

// Where to end a part of at most `limit` bytes of `bytes` (bytes.size() > limit): after the last
// line break in the second half of [0, limit), else after the last sentence end ('.', '!', '?'
// and a space, not after a capital letter: "TP. ") there, else after the last blank there, else
// at the last character boundary. `unit` is the encoding's code unit: 1 for UTF-8 and the 8-bit
// encodings, 2 for UTF-16 (`big_endian` says which). *kind is '\n', '.', ' ' or 0.
size_t FindCut(std::string_view bytes, size_t limit, Encoding encoding, bool big_endian, char* kind);

class ByteSource;

// Yields the documents of a list of inputs one at a time.
class DocumentReader {
 public:
  DocumentReader(std::vector<Input> inputs, ReadOptions options, const Extractor& extractor);
  ~DocumentReader();
  // The next document, or false at the end. Read errors come as documents with `failed` set.
  bool Next(Document* doc);

 private:
  bool OpenNext(Document* doc);
  bool NextJsonLine(Document* doc);
  bool NextTextPart(Document* doc);
  bool NextMemoryPart(Document* doc);
  // Decoded text of a whole document (or of a JSON Lines field) into *doc, or into parts.
  void SetText(std::string text, Document* doc);
  void FromBytes(const Input& in, std::string bytes, InputFormat format, Document* doc);
  // Sets a part's code-point base from the parts before it.
  void PlacePart(Document* doc);
  void CloseSource();

  std::vector<Input> inputs_;
  ReadOptions options_;
  const Extractor& extractor_;
  size_t next_input_ = 0;
  const size_t part_bytes_;
  // The input being read as JSON Lines or as a text in parts, if any.
  std::unique_ptr<ByteSource> source_;
  const Input* source_input_ = nullptr;
  enum class Mode { kNone, kJsonLines, kTextParts, kMemoryParts } mode_ = Mode::kNone;
  uint64_t line_no_ = 0;
  // A text read in parts: its encoding, how far it has been read, the next part's number.
  Encoding text_encoding_ = Encoding::kUtf8;
  bool big_endian_ = false;
  std::string utf16_bom_;       // prefixed to later parts of a UTF-16 text
  uint64_t byte_base_ = 0;      // input bytes before the next part
  bool text_done_ = false;      // its last part is out
  // A decoded text cut in memory (an HTML page, a JSON Lines field): the text and where the
  // next part starts.
  bool memory_active_ = false;
  std::string memory_text_;
  size_t memory_pos_ = 0;
  // For both: the next part's number and code-point base, and the document every part copies.
  uint32_t next_part_ = 0;
  uint64_t next_cp_base_ = 0;
  char next_cut_ = 0;
  Document template_;
  struct Json;
  std::unique_ptr<Json> json_;
};

// The format of a file from its name and first bytes (used when the format is auto).
InputFormat GuessFormat(const std::string& path, std::string_view head);

// "… at byte N" with N moved by `delta` (a part's place in its input); other messages as they are.
std::string ShiftByteOffset(const std::string& message, int64_t delta);

}  // namespace vnextract::cli

#endif  // VNEXTRACT_CLI_DOCUMENTS_H_
