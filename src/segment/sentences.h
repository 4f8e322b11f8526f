// Paragraphs and sentences. A line of the normalized text is a paragraph; ICU's sentence break
// iterator splits it, with Vietnamese abbreviations ("TP.", "ThS.", "PGS.") that do not end a
// sentence.
#ifndef VNEXTRACT_SEGMENT_SENTENCES_H_
#define VNEXTRACT_SEGMENT_SENTENCES_H_

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

  // Sentences of `norm` (see NormalizedText::norm) in order, each without surrounding blanks.
  // Thread-safe.
  void Split(std::string_view norm, std::vector<Span>* sentences) const;

 private:
  std::unique_ptr<icu::BreakIterator> prototype_;
  uint64_t id_;
};

}  // namespace vnextract::internal

#endif  // VNEXTRACT_SEGMENT_SENTENCES_H_
