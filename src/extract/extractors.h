// One extractor per record type. Each proposes candidates over the whole document; the
// resolver (resolve.h) keeps the longest of overlapping ones.
#ifndef VNEXTRACT_EXTRACT_EXTRACTORS_H_
#define VNEXTRACT_EXTRACT_EXTRACTORS_H_

#include <optional>
#include <vector>

#include "extract/calendar.h"

#include "extract/doc_view.h"

namespace vnextract::internal {

void ExtractMoney(const DocView& v, std::vector<Candidate>* out);
void ExtractCount(const DocView& v, std::vector<Candidate>* out);
void ExtractRatio(const DocView& v, std::vector<Candidate>* out);
void ExtractPercent(const DocView& v, std::vector<Candidate>* out);
void ExtractQuantity(const DocView& v, std::vector<Candidate>* out);
void ExtractDate(const DocView& v, std::vector<Candidate>* out);
void ExtractTime(const DocView& v, std::vector<Candidate>* out);
void ExtractLegalRef(const DocView& v, std::vector<Candidate>* out);
void ExtractPeriod(const DocView& v, std::vector<Candidate>* out);
// The user's pattern rules (user_rules.h): candidates with `user` set.
void ExtractUserPatterns(const DocView& v, std::vector<Candidate>* out);

// The date of the article's dateline ("Thứ hai - 12/04/2021 15:58") among the kept candidates.
std::optional<Civil> FindDateline(const DocView& v, const std::vector<Candidate>& kept);
// Fills value, resolved and note of dates and periods: partial dates get a year from `ref`,
// relative ones a value, periods an ISO 8601 interval ("2023-01/2023-09").
void ResolveTemporal(const std::optional<Civil>& ref, std::vector<Candidate>* kept);
// Fills issuer and issued of legal references from what follows them ("ngày 18/5/2016 của Thủ
// tướng Chính phủ"); `all` holds every kept candidate, entities included, in order of begin.
void LinkLegalRefs(const DocView& v, std::vector<Candidate>* all);

// People, organisations and places, with role, parent and canonical ids (docs/entities.md).
// `numeric` are the kept numeric candidates: names inside them are not mentions.
void ExtractEntities(const DocView& v, const std::vector<Candidate>& numeric, std::vector<Candidate>* out);

// Numbers that no candidate in `taken` (a per-token flag) covers.
void ExtractNumbers(const DocView& v, const std::vector<uint8_t>& taken, std::vector<Candidate>* out);

// Shared between the date and ratio extractors: the fraction token at i ("06/08") is a ratio
// (a counted noun after it, or it cannot be a date). Sets *unit to the counted noun and
// *noun_len to its token count.
bool FractionIsRatio(const DocView& v, size_t i, std::string* unit, size_t* noun_len);

// Two integers of a fraction token "a/b".
bool FractionParts(const DocView& v, size_t i, long long* a, long long* b);

// Keeps the longest non-overlapping candidates (ties: a user rule's first, then type priority
// legal_ref, date, time, money, percent, ratio, quantity, count), then adds numbers for what is
// left. Sorted by start.
std::vector<Candidate> Resolve(const DocView& v, std::vector<Candidate> candidates);

}  // namespace vnextract::internal

#endif  // VNEXTRACT_EXTRACT_EXTRACTORS_H_
