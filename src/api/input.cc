#include "vnextract/input.h"

namespace vnextract {

std::optional<InputFormat> ParseInputFormat(std::string_view name) {
  if (name == "auto") return InputFormat::kAuto;
  if (name == "text" || name == "txt") return InputFormat::kText;
  if (name == "html" || name == "htm") return InputFormat::kHtml;
  if (name == "jsonl" || name == "ndjson") return InputFormat::kJsonLines;
  return std::nullopt;
}

std::string_view InputFormatName(InputFormat f) {
  switch (f) {
    case InputFormat::kAuto: return "auto";
    case InputFormat::kText: return "text";
    case InputFormat::kHtml: return "html";
    case InputFormat::kJsonLines: return "jsonl";
  }
  return "auto";
}

std::optional<Encoding> ParseEncoding(std::string_view name) {
  if (name == "auto") return Encoding::kAuto;
  if (name == "utf-8" || name == "utf8") return Encoding::kUtf8;
  if (name == "utf-16" || name == "utf16") return Encoding::kUtf16;
  if (name == "windows-1258" || name == "cp1258") return Encoding::kWindows1258;
  if (name == "tcvn3" || name == "abc" || name == "tcvn") return Encoding::kTcvn3;
  if (name == "vni") return Encoding::kVni;
  if (name == "viqr") return Encoding::kViqr;
  return std::nullopt;
}

std::string_view EncodingName(Encoding e) {
  switch (e) {
    case Encoding::kAuto: return "auto";
    case Encoding::kUtf8: return "utf-8";
    case Encoding::kUtf16: return "utf-16";
    case Encoding::kWindows1258: return "windows-1258";
    case Encoding::kTcvn3: return "tcvn3";
    case Encoding::kVni: return "vni";
    case Encoding::kViqr: return "viqr";
  }
  return "auto";
}

}  // namespace vnextract
