// What every extractor sees of a document: its tokens, the normalized and lower-cased text they
// point into, the word lists, and lookups of phrases before and after a token.
#ifndef VNEXTRACT_EXTRACT_DOC_VIEW_H_
#define VNEXTRACT_EXTRACT_DOC_VIEW_H_

#include <algorithm>
#include <cstring>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "rules/lexicon.h"
#include "tokenize/tokenizer.h"
#include "vnextract/record.h"

namespace vnextract::internal {

// A proposed record over tokens [begin, end). The resolver keeps the longest of overlapping
// candidates (then the one of the stronger type) and turns the survivors into Records.
struct Candidate {
  Candidate() = default;
  Candidate(const Candidate&) = default;
  Candidate& operator=(const Candidate&) = default;
  Candidate& operator=(Candidate&&) = default;
  // Candidates are moved two or three times on their way to a record (into the extractor's
  // list, through the resolver, into the merged list), and most of their nine strings are empty:
  // only the others are moved (the move of an empty std::string still copies its buffer).
  Candidate(Candidate&& o) noexcept
      : type(o.type), begin(o.begin), end(o.end), extra(std::move(o.extra)), rule(o.rule), user(o.user),
        custom_type(o.custom_type) {
    for (auto field : kStrings) {
      if (!(o.*field).empty()) this->*field = std::move(o.*field);
    }
  }

  RecordType type = RecordType::kNumber;
  size_t begin = 0;
  size_t end = 0;
  std::string value;
  std::string value_to;
  std::string unit;
  std::string qualifier;
  std::string numerator;
  std::string denominator;
  std::string role;       // entities
  std::string parent;
  std::string canonical;
  // The fields few candidates have, kept out of line so that moving a candidate stays cheap.
  struct Extra {
    // User-provided: clang cannot default-construct a nested class with member initializers in
    // the class around it (for optional::emplace()).
    Extra() noexcept {}
    std::string resolved;   // date/period: set by ResolveTemporal
    std::string note;
    std::string kind;       // legal_ref parts
    std::string number;
    std::string year;
    std::string issuer_code;
    std::string issuer;
    std::string issued;
    // Temporal candidates before resolution: "day:-1", "week:0", "month:1", "year:-1" (relative
    // to the reference date), "last:day:3" (a period ending at it), "open" (a period whose end is
    // the reference date), "thisyear" (a partial value whose year is the reference year).
    std::string relative;
    int weekday = 0;        // date: the weekday written before it (1 = Monday … 7 = Sunday), or 0
  };
  std::optional<Extra> extra;
  Extra& x() {
    if (!extra) extra.emplace();  // (not emplace(Extra{}): a temporary whose nine strings are moved)
    return *extra;
  }
  const Extra& x() const {
    static const Extra kNone;
    return extra ? *extra : kNone;
  }
  const char* rule = "";
  // From a user pattern rule: wins over a built-in candidate of the same span (resolve.cc).
  bool user = false;
  const std::string* custom_type = nullptr;  // kCustom: the user type's name

  // The string fields, for the move constructor: a field added above must be added here.
  static constexpr std::string Candidate::*kStrings[] = {&Candidate::value,    &Candidate::value_to,  &Candidate::unit,
                                                         &Candidate::qualifier, &Candidate::numerator, &Candidate::denominator,
                                                         &Candidate::role,      &Candidate::parent,    &Candidate::canonical};
};
static_assert(sizeof(Candidate) == 3 * 8 + 9 * sizeof(std::string) + sizeof(std::optional<Candidate::Extra>) + 3 * 8,
              "a field was added to Candidate: add it to its move constructor (kStrings)");

// The phrase walks of DocView::Match and MatchBefore over tokens toks[0, n) whose offsets point
// into `lower`, inline so that the entity finder's copies of Match cost no call. Given `first`,
// the entry of token i alone (`last`: of token end - 1), the longest entry of `table` that starts
// at token i (ends before token `end`), as a token count; *payload (when asked) is its payload.
inline size_t LongestFrom(const PhraseTable& table, const Token* toks, size_t n, const char* lower, size_t i,
                          const PhraseTable::Entry* first, const std::string** payload) {
  const size_t limit = std::min(n, i + table.max_tokens());
  size_t best = 0;
  const PhraseTable::Entry* entry = first;  // of tokens [i, i + 1)
  for (size_t e = i + 1; e <= limit; ++e) {
    if (e > i + 1) {
      if (toks[e - 1].kind == TokenKind::kBreak) break;
      entry = table.Lookup(std::string_view(lower + toks[i].b, toks[e - 1].e - toks[i].b));
      if (!entry) break;
    }
    if (entry->kinds & PhraseTable::kKey) {
      best = e - i;
      if (payload) *payload = &entry->payload;
    }
    if (!(entry->kinds & PhraseTable::kPrefix)) break;
  }
  return best;
}
inline size_t LongestBefore(const PhraseTable& table, const Token* toks, const char* lower, size_t end,
                            const PhraseTable::Entry* last, const std::string** payload) {
  const size_t limit = end > table.max_tokens() ? end - table.max_tokens() : 0;
  size_t best = 0;
  const PhraseTable::Entry* entry = last;  // of tokens [end - 1, end)
  for (size_t b = end; b-- > limit;) {
    if (b < end - 1) {
      if (toks[b].kind == TokenKind::kBreak) break;
      entry = table.Lookup(std::string_view(lower + toks[b].b, toks[end - 1].e - toks[b].b));
      if (!entry) break;
    }
    if (entry->kinds & PhraseTable::kKey) {
      best = end - b;
      if (payload) *payload = &entry->payload;
    }
    if (!(entry->kinds & PhraseTable::kSuffix)) break;
  }
  return best;
}

class DocView {
 public:
  DocView(std::string_view norm, std::string_view lower, const std::vector<Token>& tokens, const Lexicons& lex);

  size_t size() const { return tokens_.size(); }
  const Token& tok(size_t i) const { return tokens_[i]; }
  const Lexicons& lex() const { return lex_; }
  TokenKind kind(size_t i) const { return tokens_[i].kind; }
  bool Is(size_t i, TokenKind k) const { return i < tokens_.size() && tokens_[i].kind == k; }

  // Normalized and lower-cased text of token i, or of tokens [b, e).
  std::string_view Text(size_t i) const { return Slice(norm_, i, i + 1); }
  // The whole normalized text (tokens' b/e are byte offsets into it).
  std::string_view norm() const { return norm_; }
  // The whole lower-cased text (same offsets as norm()).
  std::string_view lower() const { return lower_; }
  std::string_view Lower(size_t i) const { return Slice(lower_, i, i + 1); }
  std::string_view TextSpan(size_t b, size_t e) const { return Slice(norm_, b, e); }
  std::string_view LowerSpan(size_t b, size_t e) const { return Slice(lower_, b, e); }

  // Token i is a word / the single character c.
  bool IsWord(size_t i) const { return Is(i, TokenKind::kWord); }
  bool IsPunct(size_t i, char c) const {
    return Is(i, TokenKind::kPunct) && tokens_[i].e - tokens_[i].b == 1 && norm_[tokens_[i].b] == c;
  }
  // Token i is the word `w` (lower case).
  // Asked for every token by many rules, nearly always with a literal: forced inline, so that
  // the length test and the memcmp of a known size compile to a few instructions.
  [[gnu::always_inline]] bool WordIs(size_t i, std::string_view w) const {
    if (i >= tokens_.size()) return false;
    const Token& t = tokens_[i];
    return t.kind == TokenKind::kWord && t.e - t.b == w.size() && std::memcmp(lower_.data() + t.b, w.data(), w.size()) == 0;
  }
  // A figure may start at token i: digits, or a number word ("hai", "mười", "hàng"). Computed
  // once per document so that the extractors look up phrases only around figures.
  bool MayStartNumber(size_t i) const { return i < may_start_number_.size() && may_start_number_[i]; }
  // The payload of number_words ("digit:5", "ten") of token i, a word of up to 8 bytes for which
  // MayStartNumber holds (the lookup DocView made; undefined for other tokens).
  const std::string& NumberWordPayload(size_t i) const { return *number_payloads_[i]; }
  // The tokens where MayStartNumber holds, in order: the extractors of figures visit only these.
  std::span<const uint32_t> number_starts() const { return number_starts_; }
  // The tokens with digits in them (number, num_unit, percent, time, date, fraction, code), in
  // order: the extractors of times, ratios and legal references start only at these.
  std::span<const uint32_t> digit_tokens() const { return digit_tokens_; }
  // The words a period or a relative date may start with, in order: "quý", "quí", "nửa", "từ"
  // and the words some phrase of relative_dates starts, contains or ends with (ExtractPeriod
  // visits these and number_starts(), not every token).
  std::span<const uint32_t> period_words() const { return period_words_; }
  // Match(lex().relative_dates, i, payload) for a token of period_words(), from the lookup of its
  // word DocView made.
  size_t MatchRelativeDate(size_t i, const std::string** payload) const {
    const PhraseTable::Entry* first = relative_entries_[i];
    return first ? MatchFrom(lex_.relative_dates, i, first, payload) : 0;
  }

  // Distinct for every DocView of the process, for caches keyed by document.
  uint64_t id() const { return id_; }

  // No blank between token i - 1 and token i.
  bool Touches(size_t i) const { return i < tokens_.size() && !tokens_[i].space_before; }

  // The longest entry of `table` that starts at token i, as a token count (0: none).
  // Most calls find nothing, not even the first token: that answer is inline (one filter bit of
  // the table), the walk over longer phrases is out of line.
  size_t Match(const PhraseTable& table, size_t i, const std::string** payload = nullptr) const {
    if (i >= tokens_.size() || tokens_[i].kind == TokenKind::kBreak) return 0;
    const PhraseTable::Entry* first = table.Lookup(LowerOf(tokens_[i]));
    return first ? MatchFrom(table, i, first, payload) : 0;
  }
  // The longest entry of `table` that ends just before token `end`, as a token count.
  size_t MatchBefore(const PhraseTable& table, size_t end, const std::string** payload = nullptr) const {
    if (end == 0 || end > tokens_.size() || tokens_[end - 1].kind == TokenKind::kBreak) return 0;
    const PhraseTable::Entry* last = table.Lookup(LowerOf(tokens_[end - 1]));
    return last ? MatchBeforeFrom(table, end, last, payload) : 0;
  }

 private:
  // The lower-cased text of a token of this document.
  std::string_view LowerOf(const Token& t) const { return std::string_view(lower_.data() + t.b, t.e - t.b); }
  // Match and MatchBefore past the first lookup, whose entry they are given.
  size_t MatchFrom(const PhraseTable& table, size_t i, const PhraseTable::Entry* first, const std::string** payload) const;
  size_t MatchBeforeFrom(const PhraseTable& table, size_t end, const PhraseTable::Entry* last,
                         const std::string** payload) const;
  std::string_view Slice(std::string_view s, size_t b, size_t e) const {
    if (e <= b || e > tokens_.size()) return {};  // past the last token ("quý", "0h45" at the end): empty
    return s.substr(tokens_[b].b, tokens_[e - 1].e - tokens_[b].b);
  }
  std::string_view norm_;
  std::string_view lower_;
  const std::vector<Token>& tokens_;
  const Lexicons& lex_;
  std::vector<uint8_t> may_start_number_;
  // The three lists of tokens above, each in its own third of one array (no list is longer
  // than the document): filled without the capacity checks and growth of three vectors.
  std::unique_ptr<uint32_t[]> lists_;
  std::unique_ptr<const std::string*[]> number_payloads_;  // set for the number words only
  std::unique_ptr<const PhraseTable::Entry*[]> relative_entries_;  // set for period_words() only
  std::span<const uint32_t> number_starts_;
  std::span<const uint32_t> digit_tokens_;
  std::span<const uint32_t> period_words_;
  uint64_t id_;
};

}  // namespace vnextract::internal

#endif  // VNEXTRACT_EXTRACT_DOC_VIEW_H_
