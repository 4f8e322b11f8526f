// Figures as the extractors see them: a number written in digits, words or both ("300 triệu",
// "1,5 tỷ", "2 tỷ 500 triệu", "hai mươi mốt", "hàng trăm"), the qualifier before it, and a
// measured amount — figure(s) plus what they measure, as one phrase or a range.
#ifndef VNEXTRACT_EXTRACT_NUMBER_PHRASE_H_
#define VNEXTRACT_EXTRACT_NUMBER_PHRASE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/decimal.h"
#include "extract/doc_view.h"

namespace vnextract::internal {

struct NumberPhrase {
  Decimal value;
  size_t begin = 0;             // tokens [begin, end)
  size_t end = 0;
  Decimal scale = Decimal::Integer(1);  // product of the last run of scale words (1 when none)
  bool has_scale = false;       // a scale word follows the digits ("300 triệu")
  bool words = false;           // written in words ("hai mươi")
  bool weak = false;            // one number word alone ("hai"): needs a known noun or unit
  bool vague = false;           // "hàng trăm": at least the scale
  bool integer_literal = false; // digits only, no separator ("2023", "02")
  size_t digits = 0;            // digit count of an integer literal
  std::string_view glued;       // unit glued to the digits, lower case: "ha" of "4ha", "%" of "20%"
  size_t connector = 0;         // tokens of a range connector right after it ('-', "đến", "tới", "~"), or 0
};

// The figures parsed so far of the document a thread works on (number_phrase.cc fills it): what
// the inline part of ParseNumberAt reads. A plain struct, constinit: reading the thread_local
// needs no guard or wrapper call.
struct FigureCache {
  uint64_t doc;                  // DocView::id() of the document, 0 for none
  const int32_t* state;          // per token: 0 not parsed yet, -1 no figure, else 1 + index into phrases
  const NumberPhrase* phrases;
};
extern thread_local constinit FigureCache tls_figures;
const NumberPhrase* ParseNumberAtSlow(const DocView& v, size_t i);

// The number that starts at token i, or nullptr. Every extractor asks about the same figures, so
// each is parsed once per document: the pointer stays valid until a figure of another document
// is asked for (on the same thread). The figures already parsed are answered inline.
inline const NumberPhrase* ParseNumberAt(const DocView& v, size_t i) {
  const FigureCache& c = tls_figures;
  if (c.doc == v.id() && i < v.size() && c.state[i] != 0) return c.state[i] < 0 ? nullptr : c.phrases + (c.state[i] - 1);
  return ParseNumberAtSlow(v, i);
}

// The qualifier phrase that ends just before token i ("khoảng", "hơn", "chưa đến").
struct Qualifier {
  std::string_view name;  // approx, over, … (the lexicon's payload); empty when none
  size_t begin;      // first token of the qualifier (== i when none)
};
Qualifier QualifierBefore(const DocView& v, size_t i);

// The counted noun at token i: the longest entry of count/nouns.txt, else an acronym, else (not
// strict) one lower-case syllable that is no function word, measure, currency or number word.
// Returns the token count (0: none) and the unit as records.md says.
size_t CountedNoun(const DocView& v, size_t i, bool strict, std::string* unit);

// What a figure measures, at token j right after the figure `last`: the number of tokens the
// unit takes (0 is fine for a glued unit), or nullopt when there is no unit of this kind.
// `strict` is set for a lone number word ("hai"), which only counts before a listed unit.
// A plain function (not std::function): it is called for every figure of every extractor.
using UnitMatcher = std::optional<size_t> (*)(const DocView&, const NumberPhrase& last, size_t j, bool strict,
                                              std::string* unit);

struct Measured {
  size_t begin = 0;  // tokens [begin, end), qualifier and "từ" included
  size_t end = 0;
  Decimal lo;
  std::optional<Decimal> hi;
  std::string unit;
  std::string qualifier;
  const NumberPhrase* first = nullptr;  // the first figure, for extractors that look at its form
};

// [qualifier] [từ] N [(-|đến|tới) N] UNIT [(-|đến|tới) N UNIT] [trở lên], starting at token i
// (the figure, not the qualifier). nullopt when no figure starts at i or no unit follows.
std::optional<Measured> ParseMeasured(const DocView& v, size_t i, UnitMatcher unit);

// Appends the candidate of `type` for a measured amount: value (and value_to), unit, qualifier,
// span. (Built in place: a candidate is large to move.)
void AddMeasured(std::vector<Candidate>* out, RecordType type, const Measured& m, const char* rule);

// "/kg", "/ngày" at token k (touching what precedes it): appends "/kg" to *unit and returns the
// tokens it takes, or 0.
size_t RateSuffix(const DocView& v, size_t k, std::string* unit);

// ExtractNumbers (extractors.h) in steps, for Resolve, which puts the numbers between the kept
// candidates in order of token: each call appends the numbers that start before `limit`, so that
// they are built where they stay instead of being moved there.
class NumberExtractor {
 public:
  NumberExtractor(const DocView& v, const std::vector<uint8_t>& taken) : v_(v), taken_(taken) {}
  void AddBefore(size_t limit, std::vector<Candidate>* out);

 private:
  const DocView& v_;
  const std::vector<uint8_t>& taken_;
  size_t at_ = 0;    // the next of v_.digit_tokens() to look at
  size_t next_ = 0;  // the tokens before it belong to a number already added
};

}  // namespace vnextract::internal

#endif  // VNEXTRACT_EXTRACT_NUMBER_PHRASE_H_
