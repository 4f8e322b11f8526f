// Whether a sentence's input text can serve as its record context as it is (extractor.cc).
#ifndef VNEXTRACT_UTIL_PLAIN_SENTENCE_H_
#define VNEXTRACT_UTIL_PLAIN_SENTENCE_H_

#include <cstdint>
#include <cstring>
#include <string_view>

namespace vnextract::internal {

// The bytes of `raw` hold no control character, no two spaces in a row, and no lead byte of a
// blank beyond ASCII (C2: U+00A0; E2: U+2000–U+202F; E3: U+3000; EF: U+FEFF) — the context can
// then be the raw text as it is. Eight bytes at a time, with exact per-byte masks (a byte is
// zero in x exactly when its bit 7 is set in ZeroBytes(x)).
inline bool IsPlainSentence(std::string_view raw) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kLow7 = 0x7F7F7F7F7F7F7F7FULL;
  auto zero_bytes = [](uint64_t x) { return ~(((x & kLow7) + kLow7) | x | kLow7); };
  auto bad = [](unsigned char c) { return c < 0x20 || c == 0xC2 || c == 0xE2 || c == 0xE3 || c == 0xEF; };
  size_t i = 0;
  bool prev_space = false;  // the byte before position i is a space
  for (; i + 8 <= raw.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, raw.data() + i, 8);
    uint64_t control = zero_bytes(w & (kOnes * 0xE0));  // bytes below 0x20
    uint64_t lead = zero_bytes(w ^ (kOnes * 0xC2)) | zero_bytes(w ^ (kOnes * 0xE2)) | zero_bytes(w ^ (kOnes * 0xE3)) |
                    zero_bytes(w ^ (kOnes * 0xEF));
    uint64_t space = zero_bytes(w ^ (kOnes * ' '));
    uint64_t double_space = space & ((space << 8) | (prev_space ? 0x80 : 0));
    if (control | lead | double_space) return false;
    prev_space = (space >> 63) != 0;
  }
  for (; i < raw.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(raw[i]);
    if (bad(c) || (c == ' ' && prev_space)) return false;
    prev_space = c == ' ';
  }
  return true;
}

}  // namespace vnextract::internal

#endif  // VNEXTRACT_UTIL_PLAIN_SENTENCE_H_
