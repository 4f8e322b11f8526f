// Sixteen bytes of text classified at once, for the byte loops of the normalizer and the
// tokenizer: each question answers with a mask whose bit k is byte k. SSE2 where the target has
// it (every x86-64), one byte at a time elsewhere — the same answers either way.
#ifndef VNEXTRACT_NORMALIZE_BYTE_CHUNK_H_
#define VNEXTRACT_NORMALIZE_BYTE_CHUNK_H_

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace vnextract::internal {

// Sixteen yes-or-no answers, one per byte of a chunk. With SSE2 they stay in a vector register,
// each the top bit of its byte (the other bits are of no meaning), so that answers combine
// without a mask extraction each; Bits() gives the mask whose bit k is byte k.
class ByteLanes {
 public:
  ByteLanes operator&(ByteLanes o) const {
#ifdef __SSE2__
    return ByteLanes(_mm_and_si128(v_, o.v_));
#else
    return ByteLanes(m_ & o.m_);
#endif
  }
  ByteLanes operator|(ByteLanes o) const {
#ifdef __SSE2__
    return ByteLanes(_mm_or_si128(v_, o.v_));
#else
    return ByteLanes(m_ | o.m_);
#endif
  }
  // This and not o.
  ByteLanes AndNot(ByteLanes o) const {
#ifdef __SSE2__
    return ByteLanes(_mm_andnot_si128(o.v_, v_));
#else
    return ByteLanes(m_ & ~o.m_ & 0xFFFF);
#endif
  }
  // Byte k answers as byte k - 1 did; byte 0 answers `first`.
  ByteLanes ShiftedUp(bool first) const {
#ifdef __SSE2__
    return ByteLanes(_mm_or_si128(_mm_slli_si128(v_, 1), _mm_cvtsi32_si128(first ? 0xFF : 0)));
#else
    return ByteLanes(((m_ << 1) | first) & 0xFFFF);
#endif
  }
  // Yes for bytes [0, n), n <= 16.
  static ByteLanes Below(uint32_t n) {
#ifdef __SSE2__
    static constexpr std::array<uint8_t, 32> kBelow = [] {
      std::array<uint8_t, 32> t{};
      for (size_t k = 0; k < 16; ++k) t[k] = 0xFF;
      return t;
    }();
    return ByteLanes(_mm_loadu_si128(reinterpret_cast<const __m128i*>(kBelow.data() + 16 - n)));
#else
    return ByteLanes((1u << n) - 1);
#endif
  }
  uint32_t Bits() const {
#ifdef __SSE2__
    return static_cast<uint32_t>(_mm_movemask_epi8(v_));
#else
    return m_;
#endif
  }

 private:
  friend class ByteChunk;
#ifdef __SSE2__
  explicit ByteLanes(__m128i v) : v_(v) {}
  __m128i v_;
#else
  explicit ByteLanes(uint32_t m) : m_(m) {}
  uint32_t m_;
#endif
};

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

  // The questions, answered as lanes to combine; the same names without "Is" answer as masks.
  // Bytes in [lo, hi]; hi - lo < 127.
  ByteLanes IsInRange(uint8_t lo, uint8_t hi) const {
#ifdef __SSE2__
    // Shifted so that lo is the smallest signed byte: one signed compare tests both ends.
    const __m128i t = _mm_add_epi8(v_, _mm_set1_epi8(static_cast<char>(0x80 - lo)));
    return ByteLanes(_mm_cmplt_epi8(t, _mm_set1_epi8(static_cast<char>(0x80 + hi - lo + 1))));
#else
    return Where([=](uint8_t b) { return b >= lo && b <= hi; });
#endif
  }
  ByteLanes IsEqual(uint8_t c) const {
#ifdef __SSE2__
    return ByteLanes(_mm_cmpeq_epi8(v_, _mm_set1_epi8(static_cast<char>(c))));
#else
    return Where([=](uint8_t b) { return b == c; });
#endif
  }
  // Bytes of code points above ASCII (lead and continuation bytes).
  ByteLanes IsHigh() const {
#ifdef __SSE2__
    return ByteLanes(_mm_cmplt_epi8(v_, _mm_setzero_si128()));
#else
    return Where([](uint8_t b) { return b >= 0x80; });
#endif
  }
  // Odd bytes.
  ByteLanes IsOdd() const {
#ifdef __SSE2__
    return ByteLanes(_mm_slli_epi16(v_, 7));  // bit 0 of each byte to its top bit
#else
    return Where([](uint8_t b) { return (b & 1) != 0; });
#endif
  }
  // Bytes above `c` taken as signed: with c = 0x9F, bytes 0xA0..0xBF among continuation bytes.
  ByteLanes IsSignedAbove(uint8_t c) const {
#ifdef __SSE2__
    return ByteLanes(_mm_cmpgt_epi8(v_, _mm_set1_epi8(static_cast<char>(c))));
#else
    return Where([=](uint8_t b) { return static_cast<int8_t>(b) > static_cast<int8_t>(c); });
#endif
  }
  // UTF-8 continuation bytes, 0x80..0xBF.
  ByteLanes IsContinuation() const {
#ifdef __SSE2__
    return ByteLanes(_mm_cmplt_epi8(v_, _mm_set1_epi8(static_cast<char>(0xC0))));
#else
    return Where([](uint8_t b) { return b >= 0x80 && b < 0xC0; });
#endif
  }

  uint32_t InRange(uint8_t lo, uint8_t hi) const { return IsInRange(lo, hi).Bits(); }
  uint32_t Equal(uint8_t c) const { return IsEqual(c).Bits(); }
  uint32_t High() const {
#ifdef __SSE2__
    return static_cast<uint32_t>(_mm_movemask_epi8(v_));
#else
    return IsHigh().Bits();
#endif
  }
  uint32_t Odd() const {
#ifdef __SSE2__
    return static_cast<uint32_t>(_mm_movemask_epi8(_mm_slli_epi16(v_, 7)));  // bit 0 of each byte to its sign bit
#else
    return IsOdd().Bits();
#endif
  }
  uint32_t Continuation() const { return IsContinuation().Bits(); }

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
  __m128i v_;
#else
  template <typename F>
  ByteLanes Where(F f) const {
    uint32_t m = 0;
    for (size_t k = 0; k < kSize; ++k) m |= static_cast<uint32_t>(f(b_[k])) << k;
    return ByteLanes(m);
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
  // Row m of kPositions holds the positions of the set bits of m, in order, as 32-bit numbers
  // (8 KB): eight bits at a time, two loads, two adds of the base and two stores.
  struct alignas(16) Row {
    uint32_t at[8];
  };
  static constexpr std::array<Row, 256> kPositions = [] {
    std::array<Row, 256> t{};
    for (uint32_t m = 0; m < 256; ++m) {
      uint32_t j = 0;
      for (uint32_t k = 0; k < 8; ++k) {
        if (m & (1u << k)) t[m].at[j++] = k;
      }
    }
    return t;
  }();
  auto write8 = [](uint32_t m, __m128i add, uint32_t* dst) {
    const auto* row = reinterpret_cast<const __m128i*>(kPositions[m].at);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(dst), _mm_add_epi32(_mm_load_si128(row), add));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + 4), _mm_add_epi32(_mm_load_si128(row + 1), add));
  };
  const __m128i add = _mm_set1_epi32(static_cast<int>(base));
  write8(low, add, out);
  write8(high, _mm_add_epi32(add, _mm_set1_epi32(8)), out + n_low);
#else
  uint32_t j = 0;
  for (uint32_t m = low | high << 8; m != 0; m &= m - 1) out[j++] = base + static_cast<uint32_t>(__builtin_ctz(m));
#endif
  return n_low + CountBits16(high);
}

// The UTF-8 continuation bytes (0x80..0xBF) among p[0..n): n minus the number of code points
// of valid UTF-8.
inline size_t CountContinuationBytes(const unsigned char* p, size_t n) {
  constexpr size_t kSize = ByteChunk::kSize;
  if (n < kSize) {
    size_t count = 0;
    for (size_t i = 0; i < n; ++i) count += (p[i] & 0xC0) == 0x80;
    return count;
  }
  size_t count = 0;
  size_t i = 0;
#ifdef __SSE2__
  // Each byte of `sums` counts the continuation bytes at its position, for up to 255 chunks;
  // then psadbw adds the 16 counts up.
  const __m128i c0 = _mm_set1_epi8(static_cast<char>(0xC0));
  while (i + kSize <= n) {
    const size_t end = i + std::min<size_t>((n - i) / kSize, 255) * kSize;
    __m128i sums = _mm_setzero_si128();
    for (; i < end; i += kSize) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      sums = _mm_sub_epi8(sums, _mm_cmplt_epi8(v, c0));  // a continuation byte compares as -1
    }
    const __m128i total = _mm_sad_epu8(sums, _mm_setzero_si128());
    count += static_cast<size_t>(_mm_cvtsi128_si32(total)) + static_cast<size_t>(_mm_extract_epi16(total, 4));
  }
#else
  for (; i + kSize <= n; i += kSize) count += CountBits16(ByteChunk(p + i).Continuation());
#endif
  // The last n - i bytes: the top lanes of the chunk that ends at n.
  if (i < n) count += CountBits16(ByteChunk(p + n - kSize).Continuation() >> (kSize - (n - i)));
  return count;
}

}  // namespace vnextract::internal

#endif  // VNEXTRACT_NORMALIZE_BYTE_CHUNK_H_
