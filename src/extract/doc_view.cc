#include "extract/doc_view.h"

#include <atomic>

namespace vnextract::internal {

namespace {

// The words ExtractPeriod (period.cc) tests itself: "quý", "quí", "từ" (4 bytes) and "nửa" (5).
bool IsPeriodWord(std::string_view w) {
  if (w.size() == 4) return w == "quý" || w == "quí" || w == "từ";
  return w.size() == 5 && w == "nửa";
}

}  // namespace

DocView::DocView(std::string_view norm, std::string_view lower, const std::vector<Token>& tokens, const Lexicons& lex)
    : norm_(norm), lower_(lower), tokens_(tokens), lex_(lex), may_start_number_(tokens.size(), 0) {
  static std::atomic<uint64_t> next_id{1};
  id_ = next_id++;
  // One pass, one switch per token: this runs over every token of every document.
  const size_t n = tokens.size();
  lists_.reset(new uint32_t[3 * n]);  // (not make_unique: no zeroing)
  uint32_t* const numbers = lists_.get();
  uint32_t* const digits = numbers + n;
  uint32_t* const words = digits + n;
  uint32_t *number = numbers, *digit = digits, *word = words;
  uint8_t* may = may_start_number_.data();
  number_payloads_.reset(new const std::string*[n]);  // (no zeroing: read only where set)
  relative_entries_.reset(new const PhraseTable::Entry*[n]);
  for (size_t i = 0; i < n; ++i) {
    const Token& t = tokens[i];
    const uint32_t k = static_cast<uint32_t>(i);
    if (t.kind == TokenKind::kWord) {  // most tokens
      std::string_view w = LowerOf(t);  // (a token is never empty)
      // (Lookup is inline: most words are turned away by one bit of the shape filter, the same
      // bit of both tables.)
      const uint32_t shape = PhraseTable::ShapeOf(w);
      const PhraseTable::Entry* rel = lex.relative_dates.LookupShaped(w, shape);
      // Number words are short: skip the lookup for longer words. (RoleOf in number_phrase.cc
      // relies on this answer for the words of up to 8 bytes.)
      const PhraseTable::Entry* num = w.size() <= 8 ? lex.number_words.LookupShaped(w, shape) : nullptr;
      if (num != nullptr && (num->kinds & PhraseTable::kKey)) {
        may[i] = 1;
        number_payloads_[i] = &num->payload;
        *number++ = k;
      }
      if (rel != nullptr || IsPeriodWord(w)) {
        *word++ = k;
        relative_entries_[i] = rel;
      }
      continue;
    }
    switch (t.kind) {
      case TokenKind::kNumber:
      case TokenKind::kNumUnit:
      case TokenKind::kPercent:
        may[i] = 1;
        *number++ = k;
        *digit++ = k;
        break;
      case TokenKind::kTime:
      case TokenKind::kDate:
      case TokenKind::kFraction:
      case TokenKind::kCode:
        *digit++ = k;
        break;
      default:  // punctuation, breaks, letters with digits
        break;
    }
  }
  number_starts_ = {numbers, number};
  digit_tokens_ = {digits, digit};
  period_words_ = {words, word};
}

size_t DocView::MatchFrom(const PhraseTable& table, size_t i, const PhraseTable::Entry* first,
                          const std::string** payload) const {
  return LongestFrom(table, tokens_.data(), tokens_.size(), lower_.data(), i, first, payload);
}

size_t DocView::MatchBeforeFrom(const PhraseTable& table, size_t end, const PhraseTable::Entry* last,
                                const std::string** payload) const {
  return LongestBefore(table, tokens_.data(), lower_.data(), end, last, payload);
}

}  // namespace vnextract::internal
