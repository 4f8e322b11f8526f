// Sixteen bytes of text classified at once, for the byte loops of the normalizer and the
// tokenizer: each question answers with a mask whose bit k is byte k. SSE2 where the target has
// it (every x86-64), one byte at a time elsewhere — the same answers either way.
#ifndef VNEXTRACT_NORMALIZE_BYTE_CHUNK_H_
#define VNEXTRACT_NORMALIZE_BYTE_CHUNK_H_

#include <array>
#include <cstdint>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace vnextract::internal {

class ByteChunk {
 public:
  static constexpr size_t kSize = 16;

  // Reads bytes p[0..15].
  explicit ByteChunk(const unsigned char* p) {
#ifdef __SSE2__
    v_ = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
#else
    std::memcpy(b_, p, kSize);
#endif
  }

  // Bytes in [lo, hi]; hi - lo < 127.
  uint32_t InRange(uint8_t lo, uint8_t hi) const {
#ifdef __SSE2__
    // Shifted so that lo is the smallest signed byte: one signed compare tests both ends.
    const __m128i t = _mm_add_epi8(v_, _mm_set1_epi8(static_cast<char>(0x80 - lo)));
    return Mask(_mm_cmplt_epi8(t, _mm_set1_epi8(static_cast<char>(0x80 + hi - lo + 1))));
#else
    return Where([=](uint8_t b) { return b >= lo && b <= hi; });
#endif
  }
  uint32_t Equal(uint8_t c) const {
#ifdef __SSE2__
    return Mask(_mm_cmpeq_epi8(v_, _mm_set1_epi8(static_cast<char>(c))));
#else
    return Where([=](uint8_t b) { return b == c; });
#endif
  }
  // Bytes of code points above ASCII (lead and continuation bytes).
  uint32_t High() const {
#ifdef __SSE2__
    return Mask(v_);
#else
    return Where([](uint8_t b) { return b >= 0x80; });
#endif
  }
  // Odd bytes.
  uint32_t Odd() const {
#ifdef __SSE2__
    return Mask(_mm_slli_epi16(v_, 7));  // bit 0 of each byte to its sign bit
#else
    return Where([](uint8_t b) { return (b & 1) != 0; });
#endif
  }
  // UTF-8 continuation bytes, 0x80..0xBF.
  uint32_t Continuation() const {
#ifdef __SSE2__
    return Mask(_mm_cmplt_epi8(v_, _mm_set1_epi8(static_cast<char>(0xC0))));
#else
    return Where([](uint8_t b) { return b >= 0x80 && b < 0xC0; });
#endif
  }

  // Writes the 16 bytes to dst[0..15], and the same with ASCII upper-case letters lower-cased
  // to lower[0..15].
  void StoreWithLower(char* dst, char* lower) const {
#ifdef __SSE2__
    const __m128i t = _mm_add_epi8(v_, _mm_set1_epi8(static_cast<char>(0x80 - 'A')));
    const __m128i upper = _mm_cmplt_epi8(t, _mm_set1_epi8(static_cast<char>(0x80 + 26)));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(dst), v_);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(lower),
                     _mm_or_si128(v_, _mm_and_si128(upper, _mm_set1_epi8(0x20))));
#else
    std::memcpy(dst, b_, kSize);
    for (size_t k = 0; k < kSize; ++k) lower[k] = static_cast<char>(b_[k] >= 'A' && b_[k] <= 'Z' ? b_[k] | 0x20 : b_[k]);
#endif
  }

 private:
#ifdef __SSE2__
  static uint32_t Mask(__m128i m) { return static_cast<uint32_t>(_mm_movemask_epi8(m)); }
  __m128i v_;
#else
  template <typename F>
  uint32_t Where(F f) const {
    uint32_t m = 0;
    for (size_t k = 0; k < kSize; ++k) m |= static_cast<uint32_t>(f(b_[k])) << k;
    return m;
  }
  uint8_t b_[kSize];
#endif
};

// Bits [0, n) of a 16-bit mask, n <= 16.
inline uint32_t BitsBelow(uint32_t n) { return (1u << n) - 1; }

// Set bits of a 16-bit mask. By table unless the target has a popcount instruction: x86-64's
// baseline has none, and __builtin_popcount would be a call into libgcc.
inline uint32_t CountBits16(uint32_t mask) {
#ifdef __POPCNT__
  return static_cast<uint32_t>(__builtin_popcount(mask));
#else
  static constexpr std::array<uint8_t, 256> kCount = [] {
    std::array<uint8_t, 256> t{};
    for (int m = 1; m < 256; ++m) t[m] = static_cast<uint8_t>(t[m >> 1] + (m & 1));
    return t;
  }();
  return kCount[mask & 0xFF] + kCount[(mask >> 8) & 0xFF];
#endif
}

// Writes base + k for every bit k set in `mask` (16 bits), in order, to out[0..count), and
// returns count. May write garbage to out[count..15]: out must have room for 16.
inline uint32_t WriteBitPositions(uint32_t mask, uint32_t base, uint32_t* out) {
  const uint32_t low = mask & 0xFF, high = (mask >> 8) & 0xFF;
  const uint32_t n_low = CountBits16(low);
#ifdef __SSE2__
  // Byte j of kPositions[m] is the position of the j-th set bit of m: eight bits at a time, the
  // positions are looked up, widened to 32 bits and offset in vector registers.
  static constexpr std::array<uint64_t, 256> kPositions = [] {
    std::array<uint64_t, 256> t{};
    for (int m = 0; m < 256; ++m) {
      int j = 0;
      for (int k = 0; k < 8; ++k) {
        if (m & (1 << k)) t[m] |= static_cast<uint64_t>(k) << (8 * j++);
      }
    }
    return t;
  }();
  const __m128i zero = _mm_setzero_si128();
  auto write8 = [&](uint32_t m, uint32_t b, uint32_t* dst) {
    const __m128i bytes = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(&kPositions[m]));
    const __m128i words = _mm_unpacklo_epi8(bytes, zero);
    const __m128i add = _mm_set1_epi32(static_cast<int>(b));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(dst), _mm_add_epi32(_mm_unpacklo_epi16(words, zero), add));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + 4), _mm_add_epi32(_mm_unpackhi_epi16(words, zero), add));
  };
  write8(low, base, out);
  write8(high, base + 8, out + n_low);
#else
  uint32_t j = 0;
  for (uint32_t m = low | high << 8; m != 0; m &= m - 1) out[j++] = base + static_cast<uint32_t>(__builtin_ctz(m));
#endif
  return n_low + CountBits16(high);
}

}  // namespace vnextract::internal

#endif  // VNEXTRACT_NORMALIZE_BYTE_CHUNK_H_
