#include "extract/doc_view.h"

namespace vnextract::internal {

size_t DocView::Match(const PhraseTable& table, size_t i, const std::string** payload) const {
  if (i >= tokens_.size() || tokens_[i].kind == TokenKind::kBreak) return 0;
  size_t limit = std::min(tokens_.size(), i + table.max_tokens());
  size_t best = 0;
  for (size_t e = i + 1; e <= limit; ++e) {
    if (tokens_[e - 1].kind == TokenKind::kBreak) break;
    if (const std::string* p = table.Find(LowerSpan(i, e))) {
      best = e - i;
      if (payload) *payload = p;
    }
  }
  return best;
}

size_t DocView::MatchBefore(const PhraseTable& table, size_t end, const std::string** payload) const {
  if (end == 0) return 0;
  size_t limit = end > table.max_tokens() ? end - table.max_tokens() : 0;
  size_t best = 0;
  for (size_t b = end; b-- > limit;) {
    if (tokens_[b].kind == TokenKind::kBreak) break;
    if (const std::string* p = table.Find(LowerSpan(b, end))) {
      best = end - b;
      if (payload) *payload = p;
    }
  }
  return best;
}

}  // namespace vnextract::internal
