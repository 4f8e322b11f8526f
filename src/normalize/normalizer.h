// Normalization: NFC, one kind of white space, one form of look-alike characters — with a map
// from every normalized code point back to the code points of the input it came from, so that
// records point into the text the user gave.
#ifndef VNEXTRACT_NORMALIZE_NORMALIZER_H_
#define VNEXTRACT_NORMALIZE_NORMALIZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/uninitialized_vector.h"

namespace vnextract::internal {

struct NormalizedText {
  // The decoded input (valid UTF-8, no BOM) and the byte offset of each of its code points,
  // with one more entry for the end.
  std::string_view original;
  UninitializedVector<uint32_t> original_byte;

  // NFC text where every run of spaces, tabs, NBSP and other blanks is one ' ', every line
  // break (with the blanks around it and any blank lines) is one '\n', zero-width characters
  // are gone, dashes are '-', and Ð/ð (U+00D0/U+00F0) are Đ/đ. No leading or trailing blanks.
  std::string norm;
  // `norm` lower-cased code point by code point, with exactly the same byte layout (a code point
  // whose lower case has another UTF-8 length stays as it is).
  std::string lower;
  // For normalized code point k: the input code points [source_begin[k], source_end[k]) it
  // came from. Non-decreasing.
  UninitializedVector<uint32_t> source_begin;
  UninitializedVector<uint32_t> source_end;

  size_t original_size() const { return original_byte.size() - 1; }
  // Input code-point span of the normalized code-point span [b, e), e > b.
  uint32_t SourceBegin(size_t b) const { return source_begin[b]; }
  uint32_t SourceEnd(size_t e) const { return source_end[e - 1]; }
  // The input text of input code points [b, e).
  std::string_view OriginalText(size_t b, size_t e) const {
    return original.substr(original_byte[b], original_byte[e] - original_byte[b]);
  }
};

// Precondition: `original` is valid UTF-8 (see DecodeUtf8).
void Normalize(std::string_view original, NormalizedText* out);

}  // namespace vnextract::internal

#endif  // VNEXTRACT_NORMALIZE_NORMALIZER_H_
