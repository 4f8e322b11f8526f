#include "vnextract/record.h"

namespace vnextract {

namespace {
constexpr std::string_view kNames[] = {"money", "count",     "ratio",  "percent",      "quantity", "date",
                                       "time",  "legal_ref", "number", "person", "organization", "location", "period", "custom"};
}

std::string_view RecordTypeName(RecordType type) { return kNames[static_cast<int>(type)]; }

std::optional<RecordType> ParseRecordType(std::string_view name) {
  for (int i = 0; i < kRecordTypeCount; ++i) {
    if (kNames[i] == name) return static_cast<RecordType>(i);
  }
  return std::nullopt;
}

bool HasNumericValue(RecordType type) {
  switch (type) {
    case RecordType::kDate:
    case RecordType::kTime:
    case RecordType::kLegalRef:
    case RecordType::kPeriod:
    case RecordType::kPerson:
    case RecordType::kOrganization:
    case RecordType::kLocation:
    case RecordType::kCustom:
      return false;
    default:
      return true;
  }
}

bool IsTemporal(RecordType type) {
  return type == RecordType::kDate || type == RecordType::kTime || type == RecordType::kPeriod;
}

bool IsEntity(RecordType type) {
  return type == RecordType::kPerson || type == RecordType::kOrganization || type == RecordType::kLocation;
}

}  // namespace vnextract
