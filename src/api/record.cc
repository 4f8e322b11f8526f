#include "vnextract/record.h"

namespace vnextract {

namespace {
constexpr std::string_view kNames[] = {"money", "count", "ratio", "percent", "quantity",
                                       "date", "time", "legal_ref", "number"};
}

std::string_view RecordTypeName(RecordType type) { return kNames[static_cast<int>(type)]; }

std::optional<RecordType> ParseRecordType(std::string_view name) {
  for (int i = 0; i < kRecordTypeCount; ++i) {
    if (kNames[i] == name) return static_cast<RecordType>(i);
  }
  return std::nullopt;
}

bool HasNumericValue(RecordType type) {
  return type != RecordType::kDate && type != RecordType::kTime && type != RecordType::kLegalRef;
}

}  // namespace vnextract
