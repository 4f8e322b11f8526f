// What a document is before extraction: the input formats and encodings vnextract reads, and
// the document (text plus metadata) they become. See README, "Inputs".
#ifndef VNEXTRACT_INPUT_H_
#define VNEXTRACT_INPUT_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vnextract {

enum class InputFormat { kAuto, kText, kHtml, kJsonLines };
std::optional<InputFormat> ParseInputFormat(std::string_view name);  // auto, text, html, jsonl
std::string_view InputFormatName(InputFormat f);

enum class Encoding { kAuto, kUtf8, kUtf16, kWindows1258, kTcvn3, kVni, kViqr };
// auto, utf-8, utf-16, windows-1258, tcvn3, vni, viqr (a few aliases: utf8, cp1258, abc)
std::optional<Encoding> ParseEncoding(std::string_view name);
std::string_view EncodingName(Encoding e);

}  // namespace vnextract

#endif  // VNEXTRACT_INPUT_H_
