// STUB: replaced by the real decoders.
#include "decode/legacy.h"

namespace vnextract::internal {

Status LoadLegacyTables(const DataSource&, std::unique_ptr<LegacyTables>* out) {
  *out = std::make_unique<LegacyTables>();
  return Status::Ok();
}

Status ConvertToUtf8(std::string_view bytes, Encoding enc, const LegacyTables&, std::string* out) {
  if (enc != Encoding::kUtf8) return Status::InvalidInput("encoding not supported yet");
  out->assign(bytes);
  return Status::Ok();
}

Encoding DetectEncoding(std::string_view, const LegacyTables&, std::string* why) {
  *why = "stub";
  return Encoding::kUtf8;
}

}  // namespace vnextract::internal
