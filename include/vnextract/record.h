// One extracted fact. docs/records.md is the full reference of every field and of how the hard
// cases are decided; this header is its C++ face.
#ifndef VNEXTRACT_RECORD_H_
#define VNEXTRACT_RECORD_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vnextract {

// Bumped on every change of the record fields or of their meaning.
// 2: person, organization, location; role, parent, canonical.
// 3: period; resolved, note; legal_ref parts kind, number, year, issuer_code, issuer, issued;
//    date ranges became periods.
// 4: user types from pattern rules (type `custom` in the API, the rule's own type name in the
//    output); rule ids of user rules.
inline constexpr int kSchemaVersion = 4;

enum class RecordType : uint8_t {
  kMoney,
  kCount,
  kRatio,
  kPercent,
  kQuantity,
  kDate,
  kTime,
  kLegalRef,
  kNumber,
  kPerson,
  kOrganization,
  kLocation,
  kPeriod,
  kCustom,  // a type a user pattern rule names ("project_code"): Record::custom_type says which
};
// Every type, kCustom included (the size of type sets).
inline constexpr int kRecordTypeCount = 14;
// The built-in types: kMoney … kPeriod.
inline constexpr int kBuiltinTypeCount = 13;

// "money", "count", ... as written in the output ("custom" for kCustom: the output writes the
// record's custom_type instead, see TypeName).
std::string_view RecordTypeName(RecordType type);
// The inverse of RecordTypeName; nullopt for an unknown name.
std::optional<RecordType> ParseRecordType(std::string_view name);

// True for types whose value is a number (written unquoted in JSON).
bool HasNumericValue(RecordType type);

// True for date, time and period: the types a reference date resolves.
bool IsTemporal(RecordType type);

// True for person, organization and location.
bool IsEntity(RecordType type);

struct Record {
  std::string doc;          // input name: the path as given, "-" for stdin
  RecordType type = RecordType::kNumber;
  std::string custom_type;  // kCustom only: the user type ("project_code")
  std::string text;         // surface text exactly as in the input
  std::string value;        // exact decimal, ISO 8601 date/time, or document code
  std::string value_to;     // upper bound of a range; empty otherwise
  std::string unit;         // ISO 4217, counted noun, measure, "%", document kind; may be empty
  std::string qualifier;    // approx|over|under|at_least|at_most|up_to|range, or empty
  std::string numerator;    // ratio only
  std::string denominator;  // ratio only
  std::string role;         // person only: the title written next to the name
  std::string parent;       // location only: the enclosing place written right after it
  std::string canonical;    // entities only: id shared by every mention of one entity ("O1")
  std::string resolved;     // date/period: "" as written, inferred, relative, unresolved
  std::string note;         // warnings about the text, e.g. "weekday_mismatch"; may be empty
  // legal_ref only: the parts of the reference (docs/records.md).
  std::string kind;         // "Nghị quyết"
  std::string number;       // "93" as written in the code
  std::string year;         // "2021" when the code has one
  std::string issuer_code;  // "NQ-HĐND"
  std::string issuer;       // the issuing body when the text names it
  std::string issued;       // the issue date when the text gives it, ISO 8601
  uint64_t start = 0;       // code-point offset of text in the decoded input
  uint64_t end = 0;         // exclusive
  uint32_t sentence = 0;    // 0-based sentence index in the document
  std::string rule;         // id of the rule that made the record, e.g. "money.scale_currency"
  std::string context;      // the sentence, as written, white space runs shown as one space
  // Values of the document's metadata fields the user asked to carry (--keep-fields), in the
  // order of WriterOptions::extra_columns. Not part of the schema: named by the user.
  std::vector<std::string> extra;
};

// The records of one document, for callers that extract document after document (the CLI's
// workers): Clear() keeps every record and the memory of its strings, so the next document's
// records are written into strings already allocated. A std::vector<Record> would free some
// five strings per record and allocate them again for the next document.
class RecordBatch {
 public:
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  Record& operator[](size_t i) { return slots_[i]; }
  const Record& operator[](size_t i) const { return slots_[i]; }
  Record* begin() { return slots_.data(); }
  Record* end() { return slots_.data() + size_; }
  const Record* begin() const { return slots_.data(); }
  const Record* end() const { return slots_.data() + size_; }

  // A new last record with every field empty or zero (its strings keep their memory).
  Record& Append();
  // No records; their memory is kept for the next ones. Beyond `keep` records (a document with
  // an unusual number of facts) the memory is freed, so that a batch stays small.
  void Clear(size_t keep = 1024);
  // Removes the records for which pred(record) is true, keeping the order of the others.
  template <class Pred>
  void RemoveIf(Pred pred) {
    size_t kept = 0;
    for (size_t i = 0; i < size_; ++i) {
      if (pred(static_cast<const Record&>(slots_[i]))) continue;
      if (kept != i) std::swap(slots_[kept], slots_[i]);  // (swapped, not moved: memory is kept)
      ++kept;
    }
    size_ = kept;
  }

 private:
  std::vector<Record> slots_;  // [0, size_) are the records; the others are memory for later ones
  size_t size_ = 0;
};

// The type as written in the output: RecordTypeName, or the user type of a kCustom record.
inline std::string_view TypeName(const Record& r) {
  return r.type == RecordType::kCustom ? std::string_view(r.custom_type) : RecordTypeName(r.type);
}

}  // namespace vnextract

#endif  // VNEXTRACT_RECORD_H_
