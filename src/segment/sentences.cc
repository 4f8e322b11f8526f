#include "segment/sentences.h"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/uchar.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <stdexcept>
#include <unordered_map>

#include "decode/utf8.h"
#include "normalize/byte_chunk.h"

namespace vnextract::internal {

// Split does not run ICU's break iterator on most lines: it finds the sentence terminators
// itself and decides each with the rules of UAX #29 that ICU's sentence rules implement
// (SB6–SB11), then applies the abbreviation filter the way SimpleFilteredSentenceBreakIterator
// does. Within a line (no paragraph separator, rule SB4) a break can only follow
// "SATerm Close* Sp*", so every other position is settled without looking. What the code below
// does not model (Extend or Format characters next to a terminator, rule SB5; paragraph
// separators; abbreviations with an inner '.') sends the line to ICU. tests/segment_test.cc
// compares Split with SplitWithIcu on generated text and on the corpus.

namespace {

std::atomic<uint64_t> next_id{1};

bool IsSATerm(uint8_t sb) { return sb == U_SB_ATERM || sb == U_SB_STERM; }
bool IsParaSep(uint8_t sb) { return sb == U_SB_SEP || sb == U_SB_CR || sb == U_SB_LF; }
// Classes rule SB5 makes the rules look through.
bool IsIgnored(uint8_t sb) { return sb == U_SB_EXTEND || sb == U_SB_FORMAT; }

uint8_t SentenceBreakOf(char32_t c) {
  return static_cast<uint8_t>(u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_SENTENCE_BREAK));
}

// Sentence_Break of the code point at line[i]; *next is the offset after it.
uint8_t ClassAt(std::string_view line, size_t i, size_t* next, const std::array<uint8_t, 128>& ascii) {
  unsigned char b = static_cast<unsigned char>(line[i]);
  if (b < 0x80) {
    *next = i + 1;
    return ascii[b];
  }
  *next = i;
  return SentenceBreakOf(NextCodePoint(line, next));
}

size_t CountCodePoints(std::string_view s) {
  return s.size() - CountContinuationBytes(reinterpret_cast<const unsigned char*>(s.data()), s.size());
}

// The bytes ScanLine stops at when it searches 16 bytes at a time: bytes that may start
// a stop — ASCII controls, '.', '!', '?', and lead bytes — but the lead bytes of most Vietnamese
// letters: 0xC3..0xC6 (U+00C0..U+01BF) and 0xE1 0xBA..0xBB (U+1E80..U+1EFF). The constructor
// checks that no stop is among what it passes over. Reads p[0..16].
uint32_t Candidates(const unsigned char* p) {
  const ByteChunk chunk(p), next(p + 1);
  const ByteLanes ascii = chunk.IsInRange(0x00, 0x1F) | chunk.IsEqual('.') | chunk.IsEqual('!') | chunk.IsEqual('?');
  const ByteLanes vietnamese = chunk.IsInRange(0xC3, 0xC6) | (chunk.IsEqual(0xE1) & next.IsInRange(0xBA, 0xBB));
  return (ascii | chunk.IsInRange(0xC0, 0xFF).AndNot(vietnamese)).Bits();
}

// Whether the terminator ending at byte j is followed by closing quotes or brackets and then a
// blank that is not the last byte of the line: Split's test for a line that may hold more than
// one sentence.
bool ClosersThenBlank(std::string_view line, size_t j) {
  while (j < line.size()) {
    char c = line[j];
    if (c == ' ') return j + 1 < line.size();
    if (c == '"' || c == ')' || c == '\'') {
      ++j;
    } else if (line.compare(j, 3, "\xE2\x80\x9D") == 0 || line.compare(j, 3, "\xE2\x80\x99") == 0) {  // ” ’
      j += 3;
    } else {
      return false;
    }
  }
  return false;
}

// A sentence can end inside the line only where '.', '!', '?' or '…' (maybe with closing
// quotes or brackets) is followed by a blank: lines without one are a single sentence and need
// no break iterator. (ScanLine checks the same with ClosersThenBlank on each terminator.)
bool HasSentenceEnd(std::string_view line) {
  for (size_t i = 0; i + 1 < line.size(); ++i) {
    if (line[i] != ' ') continue;
    size_t j = i;
    while (j > 0) {
      unsigned char c = static_cast<unsigned char>(line[j - 1]);
      if (c == '"' || c == ')' || c == '\'') {
        --j;
      } else if (j >= 3 && static_cast<unsigned char>(line[j - 3]) == 0xE2 && static_cast<unsigned char>(line[j - 2]) == 0x80 &&
                 (c == 0x9D || c == 0x99)) {  // ” ’
        j -= 3;
      } else {
        break;
      }
    }
    if (j == 0) continue;
    char c = line[j - 1];
    if (c == '.' || c == '!' || c == '?') return true;
    if (j >= 3 && line.substr(j - 3, 3) == "\xE2\x80\xA6") return true;  // …
  }
  return false;
}

constexpr int64_t kNoBreak = -1;
constexpr int64_t kUnmodelled = -2;

// Where ICU's (unfiltered) sentence rules break after the terminator line[t, j) of class `term`
// (ATerm or STerm): a byte offset, kNoBreak, or kUnmodelled when rule SB4 or SB5 would matter.
int64_t BreakAfterTerminator(std::string_view line, size_t t, size_t j, uint8_t term,
                             const std::array<uint8_t, 128>& ascii) {
  const size_t n = line.size();
  size_t k = j;
  size_t next = j;
  uint8_t c = 0;
  // SB9, SB10: no break inside SATerm Close* Sp*.
  while (k < n && (c = ClassAt(line, k, &next, ascii)) == U_SB_CLOSE) k = next;
  while (k < n && (c = ClassAt(line, k, &next, ascii)) == U_SB_SP) k = next;
  if (k == n) return kNoBreak;  // the end of the line is a break anyway
  if (IsIgnored(c) || IsParaSep(c)) return kUnmodelled;
  if (IsSATerm(c) || c == U_SB_SCONTINUE) return kNoBreak;  // SB8a
  if (term == U_SB_ATERM) {
    if (k == j && c == U_SB_NUMERIC) return kNoBreak;  // SB6: "3.5"
    if (k == j && c == U_SB_UPPER && t > 0) {          // SB7: "U.S"
      size_t p = t - 1;
      while (p > 0 && !IsLeadByte(static_cast<unsigned char>(line[p]))) --p;
      size_t unused;
      uint8_t before = ClassAt(line, p, &unused, ascii);
      if (IsIgnored(before)) return kUnmodelled;
      if (before == U_SB_UPPER || before == U_SB_LOWER) return kNoBreak;
    }
    // SB8: no break if the next letter or terminator is a lower-case letter.
    for (size_t m = k; m < n;) {
      uint8_t d = ClassAt(line, m, &m, ascii);
      if (d == U_SB_LOWER) return kNoBreak;
      if (IsIgnored(d) || IsParaSep(d)) return kUnmodelled;
      if (d == U_SB_OLETTER || d == U_SB_UPPER || IsSATerm(d)) break;
    }
  }
  return static_cast<int64_t>(k);  // SB11
}

}  // namespace

Segmenter::Segmenter(const std::vector<std::string>& abbreviations) : id_(next_id++) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> base(
      icu::BreakIterator::createSentenceInstance(icu::Locale("vi"), status));
  if (U_FAILURE(status)) throw std::runtime_error("ICU sentence break data is missing");
  std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
      icu::FilteredBreakIteratorBuilder::createEmptyInstance(status));
  if (U_FAILURE(status)) throw std::runtime_error("ICU filtered break iterator is unavailable");
  for (const std::string& a : abbreviations) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(a);
    builder->suppressBreakAfter(u, status);
    status = U_ZERO_ERROR;  // a duplicate is harmless
    // The filter matches an abbreviation without an inner '.' as a plain suffix of the text
    // before the break (and one blank); Suppressed does the same on the UTF-8 bytes, which needs
    // the abbreviation to be valid UTF-8.
    std::string round_trip;
    u.toUTF8String(round_trip);
    size_t dot = a.find('.');
    if (a.empty() || round_trip != a || (dot != std::string::npos && dot + 1 != a.size())) fast_ = false;
    if (std::find(suppress_.begin(), suppress_.end(), a) == suppress_.end()) suppress_.push_back(a);
  }
  prototype_.reset(builder->wrapIteratorWithFilter(base.release(), status));
  if (U_FAILURE(status)) throw std::runtime_error("cannot build the sentence break iterator");
  auto group = [](const std::string& a) -> size_t {
    return a.size() < 2 ? 256 : static_cast<unsigned char>(a[a.size() - 2]);
  };
  std::stable_sort(suppress_.begin(), suppress_.end(),
                   [&](const std::string& a, const std::string& b) { return group(a) < group(b); });
  for (const std::string& a : suppress_) ++suppress_group_[group(a) + 1];
  for (size_t g = 1; g < suppress_group_.size(); ++g) suppress_group_[g] += suppress_group_[g - 1];

  for (char32_t c = 0; c < 128; ++c) ascii_class_[c] = SentenceBreakOf(c);
  icu::UnicodeSet stops(icu::UnicodeString(u"[[:SB=ATerm:][:SB=STerm:][:SB=Sep:][:SB=CR:][:SB=LF:]\\u2026]"),
                        status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU sentence break properties are missing");
  for (int32_t r = 0; r < stops.getRangeCount(); ++r) {
    UChar32 hi = std::min<UChar32>(stops.getRangeEnd(r), 0xFFFF);
    for (UChar32 c = stops.getRangeStart(r); c <= hi; ++c) {
      stop_block_[c >> 6] = true;
      stop_bits_[c >> 6] |= uint64_t{1} << (c & 63);
    }
  }
  for (int b = 0; b < 0x80; ++b) stop_byte_[b] = stop_bits_[b >> 6] >> (b & 63) & 1;
  for (int b = 0xC2; b < 0xE0; ++b) stop_byte_[b] = stop_block_[b & 0x1F];
  for (int b = 0xE0; b < 0xF0; ++b) {
    const auto first = stop_block_.begin() + ((b & 0x0F) << 6);
    stop_byte_[b] = std::find(first, first + 64, true) != first + 64;
  }
  for (int b = 0xF0; b < 0xF5; ++b) stop_byte_[b] = true;  // decided by SentenceBreakOf
  // What Candidates passes over holds no stop (true of every Unicode version so far).
  for (int b = 0; b < 0x80; ++b) {
    if (stop_byte_[b] && b >= 0x20 && b != '.' && b != '!' && b != '?') vector_scan_ = false;
  }
  for (int b = 0xC3; b <= 0xC6; ++b) {
    if (stop_byte_[b]) vector_scan_ = false;
  }
  if (stop_block_[0x1E80 >> 6] || stop_block_[0x1EC0 >> 6]) vector_scan_ = false;
}

Segmenter::~Segmenter() = default;

bool Segmenter::Suppressed(std::string_view line, size_t n) const {
  // Like the filter, look past one blank after the abbreviation.
  if (line[n - 1] == ' ') --n;
  std::string_view before = line.substr(0, n);
  auto group_matches = [&](size_t g) {
    for (size_t k = suppress_group_[g]; k < suppress_group_[g + 1]; ++k) {
      if (before.ends_with(suppress_[k])) return true;
    }
    return false;
  };
  return group_matches(256) || (n >= 2 && group_matches(static_cast<unsigned char>(before[n - 2])));
}

Segmenter::LineKind Segmenter::ScanLine(std::string_view line, std::vector<uint32_t>* breaks) const {
  breaks->clear();
  const auto* s = reinterpret_cast<const unsigned char*>(line.data());
  const size_t n = line.size();
  bool may_split = false;  // a terminator followed by a blank
  bool unmodelled = false;
  size_t i = 0;
  while (true) {
    if (vector_scan_) {
      for (; i + ByteChunk::kSize + 1 <= n; i += ByteChunk::kSize) {
        if (const uint32_t c = Candidates(s + i); c != 0) {
          i += static_cast<size_t>(__builtin_ctz(c));
          break;
        }
      }
    }
    while (i + 4 <= n &&
           !(stop_byte_[s[i]] | stop_byte_[s[i + 1]] | stop_byte_[s[i + 2]] | stop_byte_[s[i + 3]])) {
      i += 4;
    }
    while (i < n && !stop_byte_[s[i]]) ++i;
    if (i == n) break;
    const size_t t = i;
    if (s[i] >= 0xE0 && s[i] < 0xF0 && !stop_block_[(s[i] & 0x0F) << 6 | (s[i + 1] & 0x3F)]) {
      i += 3;  // most of Vietnamese: U+1EA0–U+1EF9
      continue;
    }
    const char32_t c = NextCodePoint(line, &i);
    uint8_t sb;
    if (c < 0x80) {
      sb = ascii_class_[c];
    } else if (c < 0x10000 && !(stop_bits_[c >> 6] >> (c & 63) & 1)) {
      continue;
    } else {
      sb = SentenceBreakOf(c);
    }
    if (!may_split && (c == '.' || c == '!' || c == '?' || c == U'\u2026')) {
      may_split = ClosersThenBlank(line, i);
    }
    if (IsParaSep(sb)) unmodelled = true;
    if (!IsSATerm(sb) || unmodelled) continue;
    int64_t b = BreakAfterTerminator(line, t, i, sb, ascii_class_);
    if (b == kUnmodelled) {
      unmodelled = true;
    } else if (b != kNoBreak) {
      // Increasing: the next terminator is at or after b, since none is in Close* Sp*.
      breaks->push_back(static_cast<uint32_t>(b));
    }
  }
  if (!may_split) return LineKind::kWhole;
  if (unmodelled) return LineKind::kIcu;
  auto suppressed = [&](uint32_t b) { return Suppressed(line, b); };
  breaks->erase(std::remove_if(breaks->begin(), breaks->end(), suppressed), breaks->end());
  return LineKind::kBreaks;
}

void Segmenter::Split(std::string_view norm, std::vector<Span>* sentences) const {
  if (!fast_) {
    SplitWithIcu(norm, sentences);
    return;
  }
  sentences->clear();
  std::vector<uint32_t> breaks;
  uint32_t line_cp = 0;  // code-point offset of the current line
  size_t pos = 0;
  while (pos < norm.size()) {
    size_t nl = norm.find('\n', pos);
    if (nl == std::string_view::npos) nl = norm.size();
    std::string_view line = norm.substr(pos, nl - pos);
    uint32_t line_len = 0;
    if (!line.empty()) {
      switch (ScanLine(line, &breaks)) {
        case LineKind::kWhole:
          line_len = static_cast<uint32_t>(CountCodePoints(line));
          sentences->push_back({line_cp, line_cp + line_len});
          break;
        case LineKind::kIcu:
          line_len = static_cast<uint32_t>(CountCodePoints(line));
          SplitLineWithIcu(line, line_cp, sentences);
          break;
        case LineKind::kBreaks: {
          // The same sentences as the loop of SplitLineWithIcu makes of ICU's breaks.
          breaks.push_back(static_cast<uint32_t>(line.size()));
          uint32_t prev_b = 0;
          uint32_t prev_cp = 0;
          for (uint32_t b : breaks) {
            uint32_t b_cp = prev_cp + static_cast<uint32_t>(CountCodePoints(line.substr(prev_b, b - prev_b)));
            uint32_t end = b_cp;
            if (end > prev_cp && line[b - 1] == ' ') --end;
            if (end > prev_cp) sentences->push_back({line_cp + prev_cp, line_cp + end});
            prev_b = b;
            prev_cp = b_cp;
          }
          line_len = prev_cp;
          break;
        }
      }
    }
    line_cp += line_len + 1;  // the '\n'
    pos = nl + 1;
  }
}

void Segmenter::SplitWithIcu(std::string_view norm, std::vector<Span>* sentences) const {
  sentences->clear();
  uint32_t line_cp = 0;  // code-point offset of the current line
  size_t pos = 0;
  while (pos < norm.size()) {
    size_t nl = norm.find('\n', pos);
    if (nl == std::string_view::npos) nl = norm.size();
    std::string_view line = norm.substr(pos, nl - pos);
    uint32_t line_len = static_cast<uint32_t>(CountCodePoints(line));
    if (!line.empty()) {
      if (HasSentenceEnd(line)) {
        SplitLineWithIcu(line, line_cp, sentences);
      } else {
        sentences->push_back({line_cp, line_cp + line_len});
      }
    }
    line_cp += line_len + 1;  // the '\n'
    pos = nl + 1;
  }
}

void Segmenter::SplitLineWithIcu(std::string_view line, uint32_t line_cp,
                                 std::vector<Span>* sentences) const {
  // BreakIterator is not thread-safe: each thread keeps its own clone.
  thread_local std::unordered_map<uint64_t, std::unique_ptr<icu::BreakIterator>> clones;
  auto& bi = clones[id_];
  if (!bi) bi.reset(prototype_->clone());

  // ICU reads the UTF-8 line in place; its boundaries are byte offsets into the line.
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, line.data(), static_cast<int64_t>(line.size()), &status);
  bi->setText(ut, status);
  int32_t prev_b = 0;
  uint32_t prev_cp = 0;
  for (int32_t b = bi->next(); b != icu::BreakIterator::DONE; b = bi->next()) {
    uint32_t b_cp = prev_cp;
    for (int32_t k = prev_b; k < b; ++k) b_cp += IsLeadByte(static_cast<unsigned char>(line[k]));
    // Trim the trailing blank the break iterator leaves in the sentence.
    uint32_t end = b_cp;
    if (end > prev_cp && line[b - 1] == ' ') --end;
    if (end > prev_cp) sentences->push_back({line_cp + prev_cp, line_cp + end});
    prev_b = b;
    prev_cp = b_cp;
  }
  bi->setText(icu::UnicodeString());  // drop the UText before it is closed
  utext_close(ut);
}

}  // namespace vnextract::internal
