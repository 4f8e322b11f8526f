// Text in the encodings Vietnamese archives hold besides UTF-8: UTF-16, Windows-1258 (through
// ICU), TCVN3 (ABC) and VNI (font encodings no library decodes: mapping tables in
// data/encoding/), and VIQR ("Vie^.t Nam"); and a guess of which one a file is in.
#ifndef VNEXTRACT_DECODE_LEGACY_H_
#define VNEXTRACT_DECODE_LEGACY_H_

#include <memory>
#include <string>
#include <string_view>

#include "rules/data_source.h"
#include "vnextract/input.h"
#include "vnextract/status.h"

namespace vnextract::internal {

// The mapping tables of TCVN3 and VNI and what detection needs, loaded once per Rules.
struct LegacyTables {
  // (to be filled by the implementation in legacy.cc)
};

// Loads data/encoding/*. The message of a failure is "FILE:LINE: reason".
Status LoadLegacyTables(const DataSource& source, std::unique_ptr<LegacyTables>* out);

// Converts `bytes` in `enc` (not kAuto) to UTF-8 (not normalized). A byte sequence that is not
// valid in `enc` is an error naming its byte offset. A UTF-8 or UTF-16 byte-order mark is dropped.
Status ConvertToUtf8(std::string_view bytes, Encoding enc, const LegacyTables& tables, std::string* out);

// The encoding `bytes` are most likely in (never kAuto), and in `why` one line saying what
// decided it, for --verbose.
Encoding DetectEncoding(std::string_view bytes, const LegacyTables& tables, std::string* why);

}  // namespace vnextract::internal

#endif  // VNEXTRACT_DECODE_LEGACY_H_
