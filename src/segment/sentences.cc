#include "segment/sentences.h"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <atomic>
#include <stdexcept>
#include <unordered_map>

#include "decode/utf8.h"

namespace vnextract::internal {

namespace {

std::atomic<uint64_t> next_id{1};

// A sentence can end inside the line only where '.', '!', '?' or '…' (maybe with closing
// quotes or brackets) is followed by a blank: lines without one are a single sentence and need
// no break iterator.
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
    builder->suppressBreakAfter(icu::UnicodeString::fromUTF8(a), status);
    status = U_ZERO_ERROR;  // a duplicate is harmless
  }
  prototype_.reset(builder->wrapIteratorWithFilter(base.release(), status));
  if (U_FAILURE(status)) throw std::runtime_error("cannot build the sentence break iterator");
}

Segmenter::~Segmenter() = default;

void Segmenter::Split(std::string_view norm, std::vector<Span>* sentences) const {
  // BreakIterator is not thread-safe: each thread keeps its own clone.
  thread_local std::unordered_map<uint64_t, std::unique_ptr<icu::BreakIterator>> clones;
  auto& bi = clones[id_];
  if (!bi) bi.reset(prototype_->clone());

  sentences->clear();
  uint32_t line_cp = 0;  // code-point offset of the current line
  size_t pos = 0;
  while (pos < norm.size()) {
    size_t nl = norm.find('\n', pos);
    if (nl == std::string_view::npos) nl = norm.size();
    std::string_view line = norm.substr(pos, nl - pos);
    uint32_t line_len = 0;
    for (size_t i = 0; i < line.size(); ++i) line_len += IsLeadByte(static_cast<unsigned char>(line[i]));
    if (!line.empty()) {
      if (!HasSentenceEnd(line)) {
        sentences->push_back({line_cp, line_cp + line_len});
      } else {
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
    }
    line_cp += line_len + 1;  // the '\n'
    pos = nl + 1;
  }
}

}  // namespace vnextract::internal
