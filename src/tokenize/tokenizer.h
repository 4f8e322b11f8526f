// Tokens of the normalized text. Two passes: the first cuts runs of letters and digits
// (keeping "11.000.000", "1,5", "KH&CN", "X-quang", "Covid-19", "3.000m2" whole) and single
// punctuation; the second joins adjacent tokens into codes ("93/2021/NQ-HĐND"), dates
// ("12/04/2021"), times ("15:58", "15h30"), fractions ("17/24"), percentages ("20%") and
// numbers glued to a unit ("4ha").
#ifndef VNEXTRACT_TOKENIZE_TOKENIZER_H_
#define VNEXTRACT_TOKENIZE_TOKENIZER_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace vnextract::internal {

struct Lexicons;

enum class TokenKind : uint8_t {
  kWord,      // letters only: "nhiệm", "KH&CN", "X-quang"
  kNumber,    // digits with . and , inside: "11.000.000", "1,5", "02"
  kNumUnit,   // a number glued to a unit or currency: "4ha", "3.000m2", "500.000đ"
  kAlnum,     // letters and digits that make a name: "PH8", "Covid-19", "14A"
  kPercent,   // "20%", "1,5 %"
  kTime,      // "15:58", "15h30", "10h"
  kDate,      // "12/04/2021", "12-04-2021", "12.04.2021"
  kFraction,  // "17/24", "06/10": a ratio or a day/month, decided by the extractors
  kCode,      // "93/2021/NQ-HĐND", "844/QĐ-TTg", "36-NQ/TW"
  kPunct,     // one other character
  kBreak,     // a line break: paragraphs never share a token sequence
};

const char* TokenKindName(TokenKind kind);

struct Token {
  TokenKind kind;
  bool space_before;  // a blank separates it from the previous token
  bool upper_initial; // starts with an upper-case letter
  bool all_upper;     // two or more letters, all upper case ("DN", "TTHC", "KH&CN")
  uint32_t b, e;      // byte offsets in the normalized text
  uint32_t cb, ce;    // code-point offsets in the normalized text
  uint32_t sentence;  // index of the sentence it is in
};

// `norm` and `lower` as in NormalizedText. `norm` must be valid UTF-8, as NormalizedText's is
// (the normalizer's input is checked): the word loop has no end test and relies on it.
void Tokenize(std::string_view norm, std::string_view lower, const Lexicons& lex,
              std::vector<Token>* out);

}  // namespace vnextract::internal

#endif  // VNEXTRACT_TOKENIZE_TOKENIZER_H_
