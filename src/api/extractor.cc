#include "vnextract/extractor.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "decode/legacy.h"
#include "decode/utf8.h"
#include "extract/calendar.h"
#include "extract/doc_view.h"
#include "extract/extractors.h"
#include "normalize/normalizer.h"
#include "rules/lexicon.h"
#include "segment/sentences.h"
#include "tokenize/tokenizer.h"
#include "util/plain_sentence.h"

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
  std::optional<CivilDate> header_date;  // "# date = 20201001"
};

// A document may start with metadata lines "# key = value" (the Dân trí corpus's doc_id, url and
// date). They are not text: no record comes from them, and `date` is the document's date.
// Returns the byte offset of the text after them.
size_t ParseHeader(std::string_view norm, std::optional<CivilDate>* date) {
  size_t pos = 0;
  while (pos + 2 < norm.size() && norm[pos] == '#' && norm[pos + 1] == ' ') {
    size_t eol = norm.find('\n', pos);
    std::string_view line = norm.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos);
    size_t eq = line.find(" = ");
    if (eq == std::string_view::npos) break;
    std::string_view key = line.substr(2, eq - 2);
    std::string_view value = line.substr(eq + 3);
    while (!value.empty() && (value.back() == '\r' || value.back() == ' ')) value.remove_suffix(1);
    if (key == "date") *date = ParseIsoDate(value);
    if (eol == std::string_view::npos) return norm.size();
    pos = eol + 1;
  }
  return pos;
}

Status Analyze(std::string_view bytes, const internal::Lexicons& lex, Analysis* a) {
  std::string_view decoded;
  Status s = internal::DecodeUtf8(bytes, &decoded);
  if (!s.ok()) return s;
  internal::Normalize(decoded, &a->text);
  lex.segmenter->Split(a->text.norm, &a->sentences);
  internal::Tokenize(a->text.norm, a->text.lower, lex, &a->tokens);
  size_t body = ParseHeader(a->text.norm, &a->header_date);
  if (body > 0) {
    size_t skip = 0;
    while (skip < a->tokens.size() && a->tokens[skip].b < body) ++skip;
    a->tokens.erase(a->tokens.begin(), a->tokens.begin() + static_cast<std::ptrdiff_t>(skip));
  }
  // Sentence of each token: the last sentence that starts at or before it. Sentence by
  // sentence, the tokens before the next one's start are its own.
  Token* t = a->tokens.data();
  Token* const end = t + a->tokens.size();
  const size_t n = a->sentences.size();
  for (size_t si = 0; si < n && t != end; ++si) {
    if (si + 1 == n) {
      for (; t != end; ++t) t->sentence = static_cast<uint32_t>(si);
      break;
    }
    const auto next = a->sentences[si + 1].begin;
    if (end[-1].cb >= next) {  // a token stops the loop before the end: no need to test for it
      for (; t->cb < next; ++t) t->sentence = static_cast<uint32_t>(si);
    } else {
      for (; t != end && t->cb < next; ++t) t->sentence = static_cast<uint32_t>(si);
    }
  }
  for (; t != end; ++t) t->sentence = 0;  // no sentences at all
  return Status::Ok();
}

// The input text of a sentence with white space runs shown as one space, into *out.
void SentenceContext(const NormalizedText& t, const Span& s, std::string* out) {
  std::string_view raw = t.OriginalText(t.SourceBegin(s.begin), t.SourceEnd(s.end));
  // Most sentences hold nothing but single ASCII spaces: copy them as they are.
  if (internal::IsPlainSentence(raw)) {
    out->assign(raw);
    return;
  }
  out->clear();
  out->reserve(raw.size());
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
    if (blank && !out->empty()) out->push_back(' ');
    blank = false;
    out->append(raw.substr(start, i - start));
  }
}

// Sets an empty record field from a candidate's field. Most fields are empty: then nothing is
// done. A field that fits in the record's string (a reused one of a RecordBatch, or a short
// one) is copied; a longer one is moved, which costs no allocation.
void FillField(std::string* from, std::string* to) {
  if (to->capacity() >= from->size()) to->append(*from);
  else *to = std::move(*from);
}
[[gnu::always_inline]] inline void SetField(std::string* from, std::string* to) {
  if (!from->empty()) FillField(from, to);
}

Record& NewRecord(std::vector<Record>* out) { return out->emplace_back(); }
Record& NewRecord(RecordBatch* out) { return out->Append(); }

// The records of the candidates the options keep, appended to *out (std::vector<Record> or
// RecordBatch), in order. The record's strings are empty (a new record, or one RecordBatch::Append
// cleared): they are appended to, which is lighter than assign.
template <class Out>
void WriteRecords(const Analysis& a, const std::vector<internal::Candidate*>& kept, std::string_view doc_name,
                  const ExtractOptions& options, Out* out) {
  if constexpr (std::is_same_v<Out, std::vector<Record>>) {
    out->reserve(out->size() + kept.size());  // a Record is large: grow once, never move them
  }
  // The records of a sentence come one after another (kept is in text order): the first one
  // gets the sentence's context, the others copy it from there.
  size_t context_of = SIZE_MAX;  // index in *out of the last record given a context
  for (internal::Candidate* cp : kept) {
    internal::Candidate& c = *cp;
    if (!options.types.test(static_cast<size_t>(c.type))) continue;
    if (c.custom_type != nullptr && !options.custom_types.empty() &&
        std::find(options.custom_types.begin(), options.custom_types.end(), *c.custom_type) == options.custom_types.end()) {
      continue;
    }
    const Token& first = a.tokens[c.begin];
    const Token& last = a.tokens[c.end - 1];
    Record& r = NewRecord(out);  // built in place: a Record is 25 strings, costly to move
    r.doc.append(doc_name);
    r.type = c.type;
    if (c.custom_type != nullptr) r.custom_type = *c.custom_type;
    r.start = a.text.SourceBegin(first.cb);
    r.end = a.text.SourceEnd(last.ce);
    r.text.append(a.text.OriginalText(r.start, r.end));
    SetField(&c.value, &r.value);
    SetField(&c.value_to, &r.value_to);
    SetField(&c.unit, &r.unit);
    SetField(&c.qualifier, &r.qualifier);
    SetField(&c.numerator, &r.numerator);
    SetField(&c.denominator, &r.denominator);
    SetField(&c.role, &r.role);
    SetField(&c.parent, &r.parent);
    SetField(&c.canonical, &r.canonical);
    if (c.extra) {
      internal::Candidate::Extra& x = *c.extra;
      SetField(&x.resolved, &r.resolved);
      SetField(&x.note, &r.note);
      SetField(&x.kind, &r.kind);
      SetField(&x.number, &r.number);
      SetField(&x.year, &r.year);
      SetField(&x.issuer_code, &r.issuer_code);
      SetField(&x.issuer, &r.issuer);
      SetField(&x.issued, &r.issued);
    }
    // A figure beyond the exact decimals (about 1.7e38) has no value: say so, never wrap.
    if (r.value.empty() && r.type != RecordType::kCustom && HasNumericValue(r.type)) {
      r.note.append(r.note.empty() ? "overflow" : ",overflow");
    }
    r.sentence = first.sentence;
    r.rule.append(c.rule);
    if (options.context && first.sentence < a.sentences.size()) {
      if (context_of != SIZE_MAX && (*out)[context_of].sentence == first.sentence) {
        r.context = (*out)[context_of].context;
      } else {
        SentenceContext(a.text, a.sentences[first.sentence], &r.context);
        context_of = out->size() - 1;
      }
    }
  }
}

// Calls f(candidate) for the candidates of `kept` and `entities` (both in order of start) in
// order of start, numeric ones first on a tie, without the bare numbers inside a name ("phường
// 12", "Quận 7": part of the name). A number is inside one when an entity that starts at or before
// it ends after its start: the furthest end of the entities started so far says so.
template <class F>
void ForMerged(std::vector<internal::Candidate>* kept, std::vector<internal::Candidate>* entities, F f) {
  size_t e = 0;      // the next entity to write
  size_t seen = 0;   // entities [0, seen) start at or before the current candidate
  size_t reach = 0;  // the furthest end of those
  for (internal::Candidate& c : *kept) {
    if (c.type == RecordType::kNumber) {
      for (; seen < entities->size() && (*entities)[seen].begin <= c.begin; ++seen) {
        reach = std::max(reach, (*entities)[seen].end);
      }
      if (reach > c.begin) continue;
    }
    while (e < entities->size() && (*entities)[e].begin < c.begin) f((*entities)[e++]);
    f(c);
  }
  while (e < entities->size()) f((*entities)[e++]);
}

// The merged list itself (ForMerged's order), each candidate moved once.
std::vector<internal::Candidate> MergeEntities(std::vector<internal::Candidate>* kept,
                                               std::vector<internal::Candidate>* entities) {
  std::vector<internal::Candidate> merged;
  merged.reserve(kept->size() + entities->size());
  ForMerged(kept, entities, [&](internal::Candidate& c) { merged.push_back(std::move(c)); });
  return merged;
}

// Pointers to the candidates in the order of their records.
void Order(std::vector<internal::Candidate>* kept, std::vector<internal::Candidate*>* order) {
  order->reserve(kept->size());
  for (internal::Candidate& c : *kept) order->push_back(&c);
}
void Order(std::vector<internal::Candidate>* kept, std::vector<internal::Candidate>* entities,
           std::vector<internal::Candidate*>* order) {
  order->reserve(kept->size() + entities->size());
  ForMerged(kept, entities, [&](internal::Candidate& c) { order->push_back(&c); });
}

}  // namespace

std::optional<CivilDate> ParseIsoDate(std::string_view s) {
  auto digits = [&](size_t b, size_t n, int* out) {
    if (b + n > s.size()) return false;
    int x = 0;
    for (size_t i = b; i < b + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      x = x * 10 + (s[i] - '0');
    }
    *out = x;
    return true;
  };
  CivilDate d;
  bool ok = s.size() == 10 && s[4] == '-' && s[7] == '-' ? digits(0, 4, &d.year) && digits(5, 2, &d.month) && digits(8, 2, &d.day)
            : s.size() == 8 ? digits(0, 4, &d.year) && digits(4, 2, &d.month) && digits(6, 2, &d.day)
                            : false;
  if (!ok || !internal::IsValidDate(d.day, d.month, d.year)) return std::nullopt;
  return d;
}

Extractor::Extractor(Rules rules) : rules_(std::move(rules)) {}

Status Extractor::Extract(std::string_view bytes, std::string_view doc_name, const ExtractOptions& options,
                          std::vector<Record>* out) const {
  return Extract(bytes, doc_name, options, out, nullptr);
}

template <class Out>
Status Extractor::ExtractInto(std::string_view bytes, std::string_view doc_name, const ExtractOptions& options, Out* out,
                              ExtractInfo* info) const {
  const internal::Lexicons& lex = rules_.lexicons();
  Analysis a;
  Status s = Analyze(bytes, lex, &a);
  if (!s.ok()) return s;
  internal::DocView view(a.text.norm, a.text.lower, a.tokens, lex);
  std::vector<internal::Candidate> cands;
  cands.reserve(a.tokens.size() / 8 + 8);  // about one candidate in ten tokens: grow rarely
  internal::ExtractLegalRef(view, &cands);
  internal::ExtractDate(view, &cands);
  internal::ExtractPeriod(view, &cands);
  internal::ExtractTime(view, &cands);
  internal::ExtractMoney(view, &cands);
  internal::ExtractPercent(view, &cands);
  internal::ExtractRatio(view, &cands);
  internal::ExtractQuantity(view, &cands);
  internal::ExtractCount(view, &cands);
  internal::ExtractUserPatterns(view, &cands);
  std::vector<internal::Candidate> kept = internal::Resolve(view, std::move(cands));
  // The reference date: --date, else the header's date, else the dateline.
  std::optional<internal::Civil> ref;
  if (options.reference_date) ref = internal::Civil{options.reference_date->year, options.reference_date->month, options.reference_date->day};
  else if (a.header_date) ref = internal::Civil{a.header_date->year, a.header_date->month, a.header_date->day};
  else ref = internal::FindDateline(view, kept);
  internal::ResolveTemporal(ref, &kept);
  if (info != nullptr) {
    info->reference_date = ref ? std::optional<CivilDate>(CivilDate{ref->y, ref->m, ref->d}) : std::nullopt;
    info->sentences = static_cast<uint32_t>(a.sentences.size());
  }
  bool want_entities = options.types.test(static_cast<size_t>(RecordType::kLegalRef)) ||
                       options.types.test(static_cast<size_t>(RecordType::kPerson)) ||
                       options.types.test(static_cast<size_t>(RecordType::kOrganization)) ||
                       options.types.test(static_cast<size_t>(RecordType::kLocation));
  // The candidates in order of start, numeric ones first on a tie: pointers into `kept` and
  // `entities`, so that no candidate is moved.
  std::vector<internal::Candidate*> order;
  std::vector<internal::Candidate> entities;
  if (want_entities) {
    internal::ExtractEntities(view, kept, &entities);
    bool any_legal_ref = std::any_of(kept.begin(), kept.end(), [](const internal::Candidate& c) { return c.type == RecordType::kLegalRef; });
    if (any_legal_ref) {
      // LinkLegalRefs looks for the dates and organizations after a reference in one list.
      kept = MergeEntities(&kept, &entities);
      entities.clear();
      internal::LinkLegalRefs(view, &kept);
      Order(&kept, &order);
    } else {
      Order(&kept, &entities, &order);
    }
  } else {
    Order(&kept, &order);
  }
  WriteRecords(a, order, doc_name, options, out);
  return Status::Ok();
}

Status Extractor::Extract(std::string_view bytes, std::string_view doc_name, const ExtractOptions& options,
                          std::vector<Record>* out, ExtractInfo* info) const {
  return ExtractInto(bytes, doc_name, options, out, info);
}

Status Extractor::Extract(std::string_view bytes, std::string_view doc_name, const ExtractOptions& options,
                          RecordBatch* out, ExtractInfo* info) const {
  return ExtractInto(bytes, doc_name, options, out, info);
}

Status Extractor::Decode(std::string_view bytes, Encoding encoding, std::string* utf8, Encoding* chosen,
                         std::string* why) const {
  const internal::LegacyTables& tables = *rules_.lexicons().legacy;
  std::string reason = "given";
  if (encoding == Encoding::kAuto) encoding = internal::DetectEncoding(bytes, tables, &reason);
  if (chosen) *chosen = encoding;
  if (why) *why = reason;
  return internal::ConvertToUtf8(bytes, encoding, tables, utf8);
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
