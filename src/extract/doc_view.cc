#include "extract/doc_view.h"

#include <atomic>

namespace vnextract::internal {

DocView::DocView(std::string_view norm, std::string_view lower, const std::vector<Token>& tokens, const Lexicons& lex)
    : norm_(norm), lower_(lower), tokens_(tokens), lex_(lex), may_start_number_(tokens.size(), 0) {
  static std::atomic<uint64_t> next_id{1};
  id_ = next_id++;
  for (size_t i = 0; i < tokens.size(); ++i) {
    switch (tokens[i].kind) {
      case TokenKind::kNumber:
      case TokenKind::kNumUnit:
      case TokenKind::kPercent:
        may_start_number_[i] = true;
        break;
      case TokenKind::kWord:
        // Number words are short: skip the lookup for longer words.
        if (tokens[i].e - tokens[i].b <= 8) may_start_number_[i] = lex.number_words.Contains(Lower(i));
        break;
      default:
        break;
    }
    if (may_start_number_[i]) number_starts_.push_back(static_cast<uint32_t>(i));
    switch (tokens[i].kind) {
      case TokenKind::kWord:
      case TokenKind::kAlnum:
      case TokenKind::kPunct:
      case TokenKind::kBreak:
        break;
      default:
        digit_tokens_.push_back(static_cast<uint32_t>(i));
    }
  }
}

size_t DocView::Match(const PhraseTable& table, size_t i, const std::string** payload) const {
  if (i >= tokens_.size() || tokens_[i].kind == TokenKind::kBreak) return 0;
  size_t limit = std::min(tokens_.size(), i + table.max_tokens());
  size_t best = 0;
  for (size_t e = i + 1; e <= limit; ++e) {
    if (tokens_[e - 1].kind == TokenKind::kBreak) break;
    const PhraseTable::Entry* entry = table.Lookup(LowerSpan(i, e));
    if (!entry) break;
    if (entry->kinds & PhraseTable::kKey) {
      best = e - i;
      if (payload) *payload = &entry->payload;
    }
    if (!(entry->kinds & PhraseTable::kPrefix)) break;
  }
  return best;
}

size_t DocView::MatchBefore(const PhraseTable& table, size_t end, const std::string** payload) const {
  if (end == 0) return 0;
  size_t limit = end > table.max_tokens() ? end - table.max_tokens() : 0;
  size_t best = 0;
  for (size_t b = end; b-- > limit;) {
    if (tokens_[b].kind == TokenKind::kBreak) break;
    const PhraseTable::Entry* entry = table.Lookup(LowerSpan(b, end));
    if (!entry) break;
    if (entry->kinds & PhraseTable::kKey) {
      best = end - b;
      if (payload) *payload = &entry->payload;
    }
    if (!(entry->kinds & PhraseTable::kSuffix)) break;
  }
  return best;
}

}  // namespace vnextract::internal
