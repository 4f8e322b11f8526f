#include "vnextract/record.h"

#include <algorithm>

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

// Append resets every field of a reused record: a new field must be added to its list.
static_assert(sizeof(Record) == 22 * sizeof(std::string) + 32 + sizeof(std::vector<std::string>),
              "a field was added to Record: reset it in RecordBatch::Append");

Record& RecordBatch::Append() {
  if (size_ == slots_.size()) {
    slots_.emplace_back();
    return slots_[size_++];
  }
  Record& r = slots_[size_++];
  // One clear() per field, written out: a loop over a list of their addresses costs three times
  // as much (the list is built first).
  r.doc.clear();
  r.custom_type.clear();
  r.text.clear();
  r.value.clear();
  r.value_to.clear();
  r.unit.clear();
  r.qualifier.clear();
  r.numerator.clear();
  r.denominator.clear();
  r.role.clear();
  r.parent.clear();
  r.canonical.clear();
  r.resolved.clear();
  r.note.clear();
  r.kind.clear();
  r.number.clear();
  r.year.clear();
  r.issuer_code.clear();
  r.issuer.clear();
  r.issued.clear();
  r.rule.clear();
  r.context.clear();
  r.type = RecordType::kNumber;
  r.start = r.end = 0;
  r.sentence = 0;
  r.extra.clear();
  return r;
}

void RecordBatch::Clear(size_t keep) {
  if (slots_.size() > keep) slots_.resize(keep);
  // The context and the text are as long as the input makes them (a sentence of a megabyte):
  // their memory is kept only when it is of ordinary size.
  constexpr size_t kLong = 16 * 1024;
  const size_t n = std::min(size_, slots_.size());
  for (size_t i = 0; i < n; ++i) {
    Record& r = slots_[i];
    if (r.context.capacity() > kLong) std::string().swap(r.context);
    if (r.text.capacity() > kLong) std::string().swap(r.text);
  }
  size_ = 0;
}

}  // namespace vnextract
