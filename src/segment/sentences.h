// Paragraphs and sentences. A line of the normalized text is a paragraph; ICU's sentence break
// rules (UAX #29) split it, with Vietnamese abbreviations ("TP.", "ThS.", "PGS.") that do not end a
// sentence.
#ifndef VNEXTRACT_SEGMENT_SENTENCES_H_
#define VNEXTRACT_SEGMENT_SENTENCES_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/brkiter.h>

namespace vnextract::internal {

struct Span {
  uint32_t begin;  // code-point offsets in the normalized text, end exclusive
  uint32_t end;
};

class Segmenter {
 public:
  explicit Segmenter(const std::vector<std::string>& abbreviations);
  ~Segmenter();

  // Sentences of `norm` (see NormalizedText::norm; valid UTF-8) in order, each without
  // surrounding blanks. A line without a sentence end followed by a blank ('.', '!', '?' or '…',
  // maybe with closing quotes or brackets, then ' ') is one sentence; any other line is split
  // where ICU's filtered sentence break iterator splits it: the result is SplitWithIcu's, found
  // mostly without ICU. Thread-safe.
  void Split(std::string_view norm, std::vector<Span>* sentences) const;

  // The same result computed by running ICU's break iterator over every line that may hold a
  // sentence end: the reference Split is tested against, and what Split falls back to for what
  // its own rules do not model. Thread-safe.
  void SplitWithIcu(std::string_view norm, std::vector<Span>* sentences) const;

 private:
  enum class LineKind { kWhole, kBreaks, kIcu };

  // Classifies `line` and, for kBreaks, sets *breaks to the byte offsets inside it (above 0,
  // below line.size(), increasing) where ICU's filtered iterator would break.
  LineKind ScanLine(std::string_view line, std::vector<uint32_t>* breaks) const;
  // Appends the sentences of the non-empty `line`, whose first code point is `line_cp`, as ICU
  // splits it.
  void SplitLineWithIcu(std::string_view line, uint32_t line_cp, std::vector<Span>* sentences) const;
  // True if the filter suppresses a break of the underlying iterator at byte offset n of `line`.
  bool Suppressed(std::string_view line, size_t n) const;

  std::unique_ptr<icu::BreakIterator> prototype_;
  uint64_t id_;
  // False when an abbreviation needs what ICU's filter does for a '.' inside it ("Ph.D."): Split
  // then always uses ICU.
  bool fast_ = true;
  // The abbreviations, distinct, grouped by their byte before the last (256 for one-byte ones):
  // group g is suppress_[suppress_group_[g], suppress_group_[g + 1]).
  std::vector<std::string> suppress_;
  std::array<uint16_t, 258> suppress_group_{};
  std::array<uint8_t, 128> ascii_class_{};  // Sentence_Break of each ASCII character
  // What ScanLine must look at ("stops"): sentence terminators, paragraph separators and '…'.
  // By the byte that starts a code point: may start a stop.
  std::array<bool, 256> stop_byte_{};
  // By BMP code point / 64: the 64 code points hold a stop; bit c % 64 of stop_bits_[c / 64]:
  // code point c is one.
  std::array<bool, 1024> stop_block_{};
  std::array<uint64_t, 1024> stop_bits_{};
  // ScanLine may pass over what Candidates (sentences.cc) does not stop at, 16 bytes at a time.
  bool vector_scan_ = true;
};

}  // namespace vnextract::internal

#endif  // VNEXTRACT_SEGMENT_SENTENCES_H_
