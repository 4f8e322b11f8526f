// The JSON Lines reader (cli::DocumentReader, src/cli/documents.cc). It reads files, so each
// input is written to one temporary file of the process and read back as an Input. The first
// byte picks the options, the rest is the file:
//   bits 0-1: 0 --input-format auto (the file has no extension: the format is sniffed from the
//             content), else jsonl;
//   bit 2:    --encoding auto, else utf-8;
//   bit 3:    --text-field body, --id-field doc, --date-field published, else the defaults.
// Documents longer than 200 bytes come in parts (VNEXTRACT_PART_BYTES, set at start-up), so that
// the cutting is fuzzed too.
// Checks: documents come in line order; a failed one says why and has no text; a good one's text
// is valid UTF-8 without NUL (a part is never cut inside a character), and its records (through
// Extract, as the CLI does) keep the offset contract of docs/records.md; the parts of a document
// follow each other with the same id, numbered 0, 1, …, the last one marked last_part, each with
// the cp_base that puts its records' offsets into the whole text; and the parts of a text file
// put together are the text the file decodes to whole.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/documents.h"
#include "cli/walk.h"
#include "decode/utf8.h"
#include "fuzz_util.h"

namespace {

// Before anything reads it (PartBytes() keeps the first value).
const bool kSmallParts = setenv("VNEXTRACT_PART_BYTES", "200", 1) == 0;

// One file per process, removed at exit.
const std::string& TempPath() {
  static const std::string* path = [] {
    const char* dir = std::getenv("TMPDIR");
    std::string p = std::string(dir && *dir ? dir : "/tmp") + "/vnextract-fuzz-jsonl-XXXXXX";
    int fd = mkstemp(p.data());
    FUZZ_CHECK(fd >= 0);
    close(fd);
    auto* s = new std::string(p);
    std::atexit([] { std::remove(TempPath().c_str()); });
    return s;
  }();
  return *path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t sel = data[0];
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::string& path = TempPath();
  {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    FUZZ_CHECK(f != nullptr);
    FUZZ_CHECK(std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size());
    FUZZ_CHECK(std::fclose(f) == 0);
  }
  vnextract::cli::ReadOptions options;
  options.format = (sel & 3) == 0 ? vnextract::InputFormat::kAuto : vnextract::InputFormat::kJsonLines;
  options.encoding = (sel & 4) ? vnextract::Encoding::kAuto : vnextract::Encoding::kUtf8;
  if (sel & 8) {
    options.text_field = "body";
    options.id_field = "doc";
    options.date_field = "published";
  }
  std::vector<vnextract::cli::Input> inputs = {{"fuzz", path, bytes.size()}};
  const vnextract::Extractor& ex = vnextract::fuzz::SharedExtractor();
  vnextract::cli::DocumentReader reader(std::move(inputs), options, ex);
  vnextract::cli::Document doc;
  uint64_t last_line = 0;
  size_t docs = 0;
  struct {
    bool open = false;  // the previous document was a part with more to come
    uint32_t part = 0;
    uint64_t next_base = 0;
    std::string id;
  } prev;
  FUZZ_CHECK(kSmallParts);
  // A text file (auto format, sniffed as text) read in parts gives, part after part, the text it
  // decodes to whole, in the encodings where each character decodes on its own (the font
  // encodings and VIQR look at neighbours, so a cut may change them).
  const bool plain_text = options.format == vnextract::InputFormat::kAuto &&
                          vnextract::cli::GuessFormat("", bytes.substr(0, 4096)) == vnextract::InputFormat::kText;
  std::string joined;  // the document's text without a leading byte-order mark
  std::string encoding;
  bool any_failed = false;
  while (reader.Next(&doc)) {
    FUZZ_CHECK(++docs <= bytes.size() + 1);
    if (doc.line > 0) {
      FUZZ_CHECK(doc.line >= last_line);  // the parts of a line share its number
      FUZZ_CHECK(doc.line > last_line || prev.open);
      last_line = doc.line;
    }
    FUZZ_CHECK(!doc.id.empty());
    if (doc.failed) {
      FUZZ_CHECK(!doc.error.empty());
      FUZZ_CHECK(doc.text.empty());
      prev.open = false;
      any_failed = true;
      continue;
    }
    std::string_view text;  // what Extract reads: the part without a leading U+FEFF
    FUZZ_CHECK(vnextract::internal::DecodeUtf8(doc.text, &text).ok());
    const bool bom = text.size() != doc.text.size();
    const uint64_t cps = vnextract::fuzz::CodePointOffsets(doc.text).size() - 1;
    // Record offsets of a part + cp_base are offsets in the whole document's text (after its
    // byte-order mark); a U+FEFF that starts a later part is a character of the document.
    if (prev.open) {
      FUZZ_CHECK(doc.part == prev.part + 1);
      FUZZ_CHECK(doc.cp_base == prev.next_base + (bom ? 1 : 0));
      FUZZ_CHECK(doc.id == prev.id);
      prev.next_base += cps;
      joined += doc.text;
    } else {
      FUZZ_CHECK(doc.part == 0);
      FUZZ_CHECK(doc.cp_base == 0);
      prev.next_base = cps - (bom ? 1 : 0);
      joined += text;
    }
    prev.open = !doc.last_part;
    prev.part = doc.part;
    prev.id = doc.id;
    encoding = doc.encoding;
    vnextract::ExtractOptions eo;
    eo.reference_date = doc.reference;
    std::vector<vnextract::Record> records;
    FUZZ_CHECK(ex.Extract(doc.text, doc.id, eo, &records).ok());
    vnextract::fuzz::CheckRecords(text, records);
  }
  FUZZ_CHECK(!prev.open);
  std::optional<vnextract::Encoding> enc = vnextract::ParseEncoding(encoding);
  if (plain_text && !any_failed && docs > 0 && enc &&
      (*enc == vnextract::Encoding::kUtf8 || *enc == vnextract::Encoding::kUtf16 ||
       *enc == vnextract::Encoding::kWindows1258)) {
    std::string whole;
    FUZZ_CHECK(ex.Decode(bytes, *enc, &whole).ok());
    if (whole.rfind("\xEF\xBB\xBF", 0) == 0) whole.erase(0, 3);
    FUZZ_CHECK(joined == whole);
  }
  if (plain_text && options.encoding == vnextract::Encoding::kUtf8) {  // fails exactly on bad UTF-8
    std::string_view whole;
    FUZZ_CHECK(vnextract::internal::DecodeUtf8(bytes, &whole).ok() != any_failed);
  }
  return 0;
}
