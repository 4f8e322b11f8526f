#include "vnextract/extractor.h"

#include <algorithm>

#include "decode/utf8.h"
#include "extract/doc_view.h"
#include "extract/extractors.h"
#include "normalize/normalizer.h"
#include "rules/lexicon.h"
#include "segment/sentences.h"
#include "tokenize/tokenizer.h"

namespace vnextract {

namespace {

using internal::NormalizedText;
using internal::Span;
using internal::Token;

// Decoded, normalized, segmented and tokenized text of one document.
struct Analysis {
  NormalizedText text;
  std::vector<Span> sentences;
  std::vector<Token> tokens;
};

Status Analyze(std::string_view bytes, const internal::Lexicons& lex, Analysis* a) {
  std::string_view decoded;
  Status s = internal::DecodeUtf8(bytes, &decoded);
  if (!s.ok()) return s;
  internal::Normalize(decoded, &a->text);
  lex.segmenter->Split(a->text.norm, &a->sentences);
  internal::Tokenize(a->text.norm, a->text.lower, lex, &a->tokens);
  // Sentence of each token: the last sentence that starts at or before it.
  size_t si = 0;
  for (Token& t : a->tokens) {
    while (si + 1 < a->sentences.size() && a->sentences[si + 1].begin <= t.cb) ++si;
    t.sentence = static_cast<uint32_t>(si);
  }
  return Status::Ok();
}

// The input text of a sentence with white space runs shown as one space.
std::string SentenceContext(const NormalizedText& t, const Span& s) {
  std::string_view raw = t.OriginalText(t.SourceBegin(s.begin), t.SourceEnd(s.end));
  // Most sentences hold nothing but single ASCII spaces: copy them as they are.
  bool plain = true;
  for (size_t i = 0; i < raw.size() && plain; ++i) {
    unsigned char c = static_cast<unsigned char>(raw[i]);
    plain = !(c < 0x20 || (c == ' ' && i + 1 < raw.size() && raw[i + 1] == ' ') || c == 0xC2 || c == 0xE2 ||
              c == 0xE3 || c == 0xEF);
  }
  if (plain) return std::string(raw);
  std::string out;
  out.reserve(raw.size());
  bool blank = false;
  for (size_t i = 0; i < raw.size();) {
    size_t start = i;
    char32_t c = internal::NextCodePoint(raw, &i);
    bool is_blank = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) ||
                    c == 0x202F || c == 0x3000 || c == 0xFEFF;
    if (is_blank) {
      blank = true;
      continue;
    }
    if (blank && !out.empty()) out.push_back(' ');
    blank = false;
    out.append(raw.substr(start, i - start));
  }
  return out;
}

}  // namespace

Extractor::Extractor(Rules rules) : rules_(std::move(rules)) {}

Status Extractor::Extract(std::string_view bytes, std::string_view doc_name, const ExtractOptions& options,
                          std::vector<Record>* out) const {
  const internal::Lexicons& lex = rules_.lexicons();
  Analysis a;
  Status s = Analyze(bytes, lex, &a);
  if (!s.ok()) return s;
  internal::DocView view(a.text.norm, a.text.lower, a.tokens, lex);
  std::vector<internal::Candidate> cands;
  internal::ExtractLegalRef(view, &cands);
  internal::ExtractDate(view, &cands);
  internal::ExtractTime(view, &cands);
  internal::ExtractMoney(view, &cands);
  internal::ExtractPercent(view, &cands);
  internal::ExtractRatio(view, &cands);
  internal::ExtractQuantity(view, &cands);
  internal::ExtractCount(view, &cands);
  std::vector<internal::Candidate> kept = internal::Resolve(view, std::move(cands));
  bool want_entities = options.types.test(static_cast<size_t>(RecordType::kPerson)) ||
                       options.types.test(static_cast<size_t>(RecordType::kOrganization)) ||
                       options.types.test(static_cast<size_t>(RecordType::kLocation));
  if (want_entities) {
    std::vector<internal::Candidate> entities;
    internal::ExtractEntities(view, kept, &entities);
    // A bare number inside a name ("phường 12", "Quận 7") is part of the name.
    std::vector<bool> in_entity(a.tokens.size(), false);
    for (const internal::Candidate& c : entities) {
      for (size_t k = c.begin; k < c.end; ++k) in_entity[k] = true;
    }
    kept.erase(std::remove_if(kept.begin(), kept.end(),
                              [&](const internal::Candidate& c) {
                                return c.type == RecordType::kNumber && in_entity[c.begin];
                              }),
               kept.end());
    // Both lists are in order of start: merge them (numeric records first on a tie).
    size_t numeric = kept.size();
    for (internal::Candidate& c : entities) kept.push_back(std::move(c));
    std::inplace_merge(kept.begin(), kept.begin() + static_cast<std::ptrdiff_t>(numeric), kept.end(),
                       [](const internal::Candidate& a, const internal::Candidate& b) { return a.begin < b.begin; });
  }

  std::vector<std::string> contexts(options.context ? a.sentences.size() : 0);
  for (internal::Candidate& c : kept) {
    if (!options.types.test(static_cast<size_t>(c.type))) continue;
    const Token& first = a.tokens[c.begin];
    const Token& last = a.tokens[c.end - 1];
    Record r;
    r.doc = std::string(doc_name);
    r.type = c.type;
    r.start = a.text.SourceBegin(first.cb);
    r.end = a.text.SourceEnd(last.ce);
    r.text = std::string(a.text.OriginalText(r.start, r.end));
    r.value = std::move(c.value);
    r.value_to = std::move(c.value_to);
    r.unit = std::move(c.unit);
    r.qualifier = std::move(c.qualifier);
    r.numerator = std::move(c.numerator);
    r.denominator = std::move(c.denominator);
    r.role = std::move(c.role);
    r.parent = std::move(c.parent);
    r.canonical = std::move(c.canonical);
    r.sentence = first.sentence;
    r.rule = c.rule;
    if (options.context && first.sentence < a.sentences.size()) {
      std::string& ctx = contexts[first.sentence];
      if (ctx.empty()) ctx = SentenceContext(a.text, a.sentences[first.sentence]);
      r.context = ctx;
    }
    out->push_back(std::move(r));
  }
  return Status::Ok();
}

Status Extractor::Tokenize(std::string_view bytes, std::vector<TokenInfo>* out) const {
  Analysis a;
  Status s = Analyze(bytes, rules_.lexicons(), &a);
  if (!s.ok()) return s;
  for (const Token& t : a.tokens) {
    TokenInfo info;
    info.kind = internal::TokenKindName(t.kind);
    info.start = a.text.SourceBegin(t.cb);
    info.end = a.text.SourceEnd(t.ce);
    info.text = std::string(a.text.OriginalText(info.start, info.end));
    info.sentence = t.sentence;
    out->push_back(std::move(info));
  }
  return Status::Ok();
}

}  // namespace vnextract
