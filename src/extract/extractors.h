// One extractor per record type. Each proposes candidates over the whole document; the
// resolver (resolve.h) keeps the longest of overlapping ones.
#ifndef VNEXTRACT_EXTRACT_EXTRACTORS_H_
#define VNEXTRACT_EXTRACT_EXTRACTORS_H_

#include <vector>

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

// People, organisations and places, with role, parent and canonical ids (docs/entities.md).
// `numeric` are the kept numeric candidates: names inside them are not mentions.
void ExtractEntities(const DocView& v, const std::vector<Candidate>& numeric, std::vector<Candidate>* out);

// Numbers that no candidate in `taken` (a per-token flag) covers.
void ExtractNumbers(const DocView& v, const std::vector<bool>& taken, std::vector<Candidate>* out);

// Shared between the date and ratio extractors: the fraction token at i ("06/08") is a ratio
// (a counted noun after it, or it cannot be a date). Sets *unit to the counted noun and
// *noun_len to its token count.
bool FractionIsRatio(const DocView& v, size_t i, std::string* unit, size_t* noun_len);

// Two integers of a fraction token "a/b".
bool FractionParts(const DocView& v, size_t i, long long* a, long long* b);

// Keeps the longest non-overlapping candidates (ties: type priority legal_ref, date, time,
// money, percent, ratio, quantity, count), then adds numbers for what is left. Sorted by start.
std::vector<Candidate> Resolve(const DocView& v, std::vector<Candidate> candidates);

}  // namespace vnextract::internal

#endif  // VNEXTRACT_EXTRACT_EXTRACTORS_H_
