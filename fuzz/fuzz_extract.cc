// Extractor::Extract. The first byte picks the options, the rest is the document:
//   bits 0-3: 0..12 one record type only (so that each extractor runs alone), 13..15 all types;
//   bit 4:    a reference date, bits 5-7 which one (edges of what --date accepts included);
//   else:     no reference date, bit 5 context on or off.
// Checks (docs/records.md): Extract fails exactly when the bytes are not UTF-8 (or hold a NUL)
// and then adds nothing; otherwise every record is of a requested type, 0 <= start < end <= the
// decoded text's code points, text == the decoded text's code points [start, end), records in
// order of start, numeric values written as JSON numbers, every field valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "decode/utf8.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const vnextract::Extractor& ex = vnextract::fuzz::SharedExtractor();
  const uint8_t sel = data[0];
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);

  vnextract::ExtractOptions options;
  int type = sel & 0x0F;
  if (type < 13) {  // the built-in types, RecordType::kMoney … kPeriod
    options.types.reset();
    options.types.set(static_cast<size_t>(type));
  }
  if (sel & 0x10) {
    static const char* const kDates[] = {"2023-10-06", "2024-02-29", "2024-01-05", "2021-12-31",
                                         "1000-01-01", "2999-12-31", "0000-01-01", "20200101"};
    options.reference_date = vnextract::ParseIsoDate(kDates[(sel >> 5) & 7]);
    FUZZ_CHECK(options.reference_date.has_value());
  } else {
    options.context = (sel & 0x20) == 0;
  }

  std::vector<vnextract::Record> records;
  vnextract::Status s = ex.Extract(bytes, "fuzz", options, &records);
  std::string_view text;
  vnextract::Status d = vnextract::internal::DecodeUtf8(bytes, &text);
  FUZZ_CHECK(s.ok() == d.ok());
  if (!s.ok()) {
    FUZZ_CHECK(records.empty());
    vnextract::fuzz::CheckByteOffset(s.message(), bytes.size());
    return 0;
  }
  for (const vnextract::Record& r : records) {
    FUZZ_CHECK(options.types.test(static_cast<size_t>(r.type)));
    FUZZ_CHECK(r.doc == "fuzz");
    FUZZ_CHECK(options.context || r.context.empty());
  }
  vnextract::fuzz::CheckRecords(text, records);
  return 0;
}
