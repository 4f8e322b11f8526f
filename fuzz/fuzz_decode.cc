// Extractor::Decode, the encodings' decoders and the encoding guess. The first byte picks the
// explicit encoding to try besides auto; the rest is the file.
//
// Checks: what a successful decode returns is valid UTF-8 without NUL (what Extract takes); auto
// never answers auto and always says why; an error's byte offset is inside the input; UTF-8 is
// read exactly as DecodeUtf8 reads it.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "decode/utf8.h"
#include "fuzz_util.h"
#include "vnextract/input.h"

namespace {

using vnextract::Encoding;
using vnextract::Status;

void CheckDecoded(const Status& s, std::string_view bytes, const std::string& utf8) {
  if (!s.ok()) {
    FUZZ_CHECK(!s.message().empty());
    vnextract::fuzz::CheckByteOffset(s.message(), bytes.size());
    return;
  }
  std::string_view text;
  FUZZ_CHECK(vnextract::internal::DecodeUtf8(utf8, &text).ok());  // valid, no NUL
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const vnextract::Extractor& ex = vnextract::fuzz::SharedExtractor();
  constexpr Encoding kExplicit[] = {Encoding::kUtf8,  Encoding::kUtf16, Encoding::kWindows1258,
                                    Encoding::kTcvn3, Encoding::kVni,   Encoding::kViqr};
  Encoding explicit_enc = kExplicit[data[0] % 6];
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);

  std::string utf8, why;
  Encoding chosen = Encoding::kAuto;
  Status s = ex.Decode(bytes, Encoding::kAuto, &utf8, &chosen, &why);
  FUZZ_CHECK(chosen != Encoding::kAuto);
  FUZZ_CHECK(!why.empty());
  CheckDecoded(s, bytes, utf8);

  std::string utf8_explicit;
  Encoding chosen_explicit = Encoding::kAuto;
  Status e = ex.Decode(bytes, explicit_enc, &utf8_explicit, &chosen_explicit);
  FUZZ_CHECK(chosen_explicit == explicit_enc);
  CheckDecoded(e, bytes, utf8_explicit);
  // Auto decodes as the encoding it names would.
  if (explicit_enc == chosen) {
    FUZZ_CHECK(s.ok() == e.ok());
    if (s.ok()) FUZZ_CHECK(utf8 == utf8_explicit);
  }
  if (explicit_enc == Encoding::kUtf8) {
    std::string_view text;
    Status d = vnextract::internal::DecodeUtf8(bytes, &text);
    FUZZ_CHECK(d.ok() == e.ok());
    if (d.ok()) FUZZ_CHECK(utf8_explicit == text);
  }
  return 0;
}
