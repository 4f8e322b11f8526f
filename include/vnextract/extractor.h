// The extraction pipeline: decode → normalize → segment → tokenize → extract.
//
//   vnextract::Extractor ex(vnextract::Rules::Builtin());
//   std::vector<vnextract::Record> records;
//   vnextract::Status s = ex.Extract(bytes, "article.txt", {}, &records);
//   if (!s.ok()) std::cerr << "article.txt: " << s.message() << "\n";
//
// An Extractor is immutable after construction and safe to share between threads.
#ifndef VNEXTRACT_EXTRACTOR_H_
#define VNEXTRACT_EXTRACTOR_H_

#include <bitset>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vnextract/input.h"
#include "vnextract/record.h"
#include "vnextract/rules.h"
#include "vnextract/status.h"

namespace vnextract {

// A calendar date, for the reference date of a document.
struct CivilDate {
  int year = 0, month = 0, day = 0;
};

// "2023-10-06" or "20231006" → a valid date; nullopt otherwise.
std::optional<CivilDate> ParseIsoDate(std::string_view s);

struct ExtractOptions {
  // Which record types to emit. Default: all. RecordType::kCustom stands for the user types of
  // pattern rules; `custom_types`, when not empty, keeps only those of them.
  std::bitset<kRecordTypeCount> types = std::bitset<kRecordTypeCount>().set();
  std::vector<std::string> custom_types;
  // Fill Record::context with the sentence. Default: true.
  bool context = true;
  // The date dates without a year and relative expressions ("hôm qua") are resolved against.
  // When set it wins over the document's own date (its "# date = " header line or its dateline);
  // see docs/records.md, "Reference date".
  std::optional<CivilDate> reference_date;
};

// One token, for `vnextract tokenize` and for people debugging rules.
struct TokenInfo {
  std::string kind;   // word, number, num_alpha, alnum, percent, time, date, fraction, code, punct, break
  std::string text;   // as in the input
  uint64_t start = 0;  // code-point offsets in the decoded input, end exclusive
  uint64_t end = 0;
  uint32_t sentence = 0;
};

// What Extract found about the document as a whole, besides its records.
struct ExtractInfo {
  // The date dates were resolved against: ExtractOptions::reference_date, else the document's
  // own (its "# date = " header, its dateline); nullopt when it has none.
  std::optional<CivilDate> reference_date;
  // How many sentences the document has (records' `sentence` is below it).
  uint32_t sentences = 0;
};

class Extractor {
 public:
  explicit Extractor(Rules rules);

  // Extracts the facts of one document. `bytes` is the raw file content (UTF-8, with or without
  // a byte-order mark). On invalid input (bytes that are not UTF-8, a NUL byte) returns an error
  // naming the byte offset and leaves `out` untouched. Records are appended in order of start.
  Status Extract(std::string_view bytes, std::string_view doc_name, const ExtractOptions& options,
                 std::vector<Record>* out) const;
  // The same, and `info` (optional) receives what was found about the whole document.
  Status Extract(std::string_view bytes, std::string_view doc_name, const ExtractOptions& options,
                 std::vector<Record>* out, ExtractInfo* info) const;
  // The same into a RecordBatch, for a loop over many documents: call out->Clear() before each
  // one, and its records are written into the memory of the last one's (no allocation in the
  // steady state). The records are the same as the vector's.
  Status Extract(std::string_view bytes, std::string_view doc_name, const ExtractOptions& options,
                 RecordBatch* out, ExtractInfo* info = nullptr) const;

  // Converts raw bytes in `encoding` to UTF-8 for Extract. With Encoding::kAuto the encoding is
  // guessed from the bytes; `chosen` (optional) receives the encoding used and `why` (optional)
  // one line saying why. Bytes invalid in the encoding are an error naming the byte offset.
  Status Decode(std::string_view bytes, Encoding encoding, std::string* utf8, Encoding* chosen = nullptr,
                std::string* why = nullptr) const;

  // The tokens of one document, with the same decoding and normalization as Extract.
  Status Tokenize(std::string_view bytes, std::vector<TokenInfo>* out) const;

 private:
  template <class Out>
  Status ExtractInto(std::string_view bytes, std::string_view doc_name, const ExtractOptions& options, Out* out,
                     ExtractInfo* info) const;

  Rules rules_;
};

}  // namespace vnextract

#endif  // VNEXTRACT_EXTRACTOR_H_
