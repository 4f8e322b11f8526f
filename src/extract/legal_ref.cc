// legal_ref: "Nghị quyết số 93/2021/NQ-HĐND", "Quyết định 844/QĐ-TTg", "36-NQ/TW",
// "Luật số 59/2020/QH14", "Nghị định 15".
#include "extract/calendar.h"
#include "extract/extractors.h"
#include "extract/number_phrase.h"

namespace vnextract::internal {

namespace {

// "Nghị quyết [số]" ending just before token i: its first token, and the kind.
size_t KindBefore(const DocView& v, size_t i, std::string* kind) {
  size_t j = i;
  if (j > 0 && v.WordIs(j - 1, "số")) --j;
  const std::string* k = nullptr;
  size_t n = v.MatchBefore(v.lex().legal_kinds, j, &k);
  if (n == 0) return i;
  *kind = *k;
  return j - n;
}

// The kind a code names by its letters: "NQ" of "93/2021/NQ-HĐND", "QH" of "59/2020/QH14".
std::string KindFromCode(const DocView& v, std::string_view code) {
  size_t p = 0;
  // skip the number part: digits, '/', '-'
  while (p < code.size() && ((code[p] >= '0' && code[p] <= '9') || code[p] == '/' || code[p] == '-')) ++p;
  size_t q = p;
  while (q < code.size() && code[q] != '-' && code[q] != '/' && !(code[q] >= '0' && code[q] <= '9')) ++q;
  std::string lower;
  // lower-case through the lexicon's lower text would need offsets; the prefix is ASCII or Đ.
  for (size_t k = p; k < q; ++k) lower.push_back(code[k] >= 'A' && code[k] <= 'Z' ? code[k] + 32 : code[k]);
  // "Đ" (C4 90) → "đ" (C4 91)
  for (size_t k = 0; k + 1 < lower.size(); ++k) {
    if (static_cast<unsigned char>(lower[k]) == 0xC4 && static_cast<unsigned char>(lower[k + 1]) == 0x90) lower[k + 1] = static_cast<char>(0x91);
  }
  const std::string* kind = v.lex().code_prefixes.Find(lower);
  return kind ? *kind : "";
}

// The parts of a code: "93/2021/NQ-HĐND" → 93, 2021, NQ-HĐND; "36-NQ/TW" → 36, "", NQ/TW;
// "08/2017" → 08, 2017, ""; "15" → 15.
void CodeParts(std::string_view code, Candidate::Extra* c) {
  size_t p = 0;
  while (p < code.size() && code[p] >= '0' && code[p] <= '9') ++p;
  c->number = std::string(code.substr(0, p));
  if (p < code.size() && (code[p] == '/' || code[p] == '-')) ++p;
  size_t q = p;
  while (q < code.size() && code[q] >= '0' && code[q] <= '9') ++q;
  if (q - p == 4 && (q == code.size() || code[q] == '/' || code[q] == '-')) {
    c->year = std::string(code.substr(p, 4));
    p = q < code.size() ? q + 1 : q;
  }
  c->issuer_code = std::string(code.substr(p));
}

}  // namespace

void ExtractLegalRef(const DocView& v, std::vector<Candidate>* out) {
  for (size_t i : v.digit_tokens()) {
    std::string kind;
    if (v.Is(i, TokenKind::kCode)) {
      size_t begin = KindBefore(v, i, &kind);
      if (kind.empty()) kind = KindFromCode(v, v.Text(i));
      Candidate c;
      c.type = RecordType::kLegalRef;
      c.begin = begin;
      c.end = i + 1;
      c.value = std::string(v.Text(i));
      c.unit = kind;
      c.x().kind = kind;
      CodeParts(c.value, &c.x());
      c.rule = begin < i ? "legal_ref.kind_code" : "legal_ref.code";
      out->push_back(std::move(c));
      continue;
    }
    // "Nghị định 15", "Quyết định số 123", "Thông tư 08/2017", "Thông tư 08-2017": a kind and a
    // number (with its year) that nothing counts or measures.
    bool with_year = false;
    size_t end = i + 1;
    if (v.Is(i, TokenKind::kFraction)) {
      std::string_view t = v.Text(i);
      with_year = t.size() - t.find('/') == 5 && IsPlausibleYear(std::stoll(std::string(t.substr(t.find('/') + 1))));
      if (!with_year) continue;
    } else if (!v.Is(i, TokenKind::kNumber) || v.IsPunct(i + 1, '/')) {
      continue;
    } else if (v.IsPunct(i + 1, '-') && v.Touches(i + 1) && v.Touches(i + 2) && v.Is(i + 2, TokenKind::kNumber) &&
               v.Text(i + 2).size() == 4 && IsPlausibleYear(std::stoll(std::string(v.Text(i + 2))))) {
      with_year = true;
      end = i + 3;
    }
    size_t begin = KindBefore(v, i, &kind);
    if (begin == i) continue;
    bool has_so = v.WordIs(i - 1, "số");
    std::string_view num = v.TextSpan(i, end);
    if (!with_year) {
      if (num.find_first_of(".,") != std::string_view::npos) continue;
      if (!has_so && num.size() == 4 && IsPlausibleYear(std::stoll(std::string(num)))) continue;
      // "kế hoạch 5 năm", "quyết định 2 người": a figure that measures or counts is no reference.
      std::string unit;
      if (v.Match(v.lex().units, end) || v.Match(v.lex().currencies, end) || CountedNoun(v, end, false, &unit)) continue;
      if (!has_so && !v.tok(begin).upper_initial && !v.IsPunct(end, ',') && !v.IsPunct(end, '.') &&
          !v.WordIs(end, "của") && !v.WordIs(end, "ngày") && end < v.size() && !v.Is(end, TokenKind::kBreak)) {
        continue;  // lower-case kind: only when the number ends the phrase
      }
    }
    Candidate c;
    c.type = RecordType::kLegalRef;
    c.begin = begin;
    c.end = end;
    c.value = std::string(num);
    c.unit = kind;
    c.x().kind = kind;
    CodeParts(c.value, &c.x());
    c.rule = with_year ? "legal_ref.kind_number_year" : "legal_ref.kind_number";
    out->push_back(std::move(c));
  }
}

}  // namespace vnextract::internal

namespace vnextract::internal {

namespace {

// The index of the candidate of `all` that begins at token `t`, or -1.
long Starting(const std::vector<Candidate>& all, size_t from, size_t t) {
  for (size_t k = from; k < all.size() && all[k].begin <= t; ++k) {
    if (all[k].begin == t) return static_cast<long>(k);
  }
  return -1;
}

// The candidate of `all` before index k that ends at token `t`, or -1.
long Ending(const std::vector<Candidate>& all, size_t k, size_t t) {
  for (size_t m = k; m-- > 0 && k - m <= 6;) {  // candidates are in order of begin
    if (all[m].end == t) return static_cast<long>(m);
  }
  return -1;
}

// "Ngày 1/4/2020, Thủ tướng Chính phủ đã ban hành Quyết định số 447/QĐ-TTg": the issuer (and
// the date) written before the reference, joined to it by "ban hành" or "ký".
void IssuerBefore(const DocView& v, const std::vector<Candidate>& a, size_t k, Candidate::Extra* ref) {
  size_t t = a[k].begin;
  if (t >= 2 && v.WordIs(t - 2, "ban") && v.WordIs(t - 1, "hành")) t -= 2;
  else if (t >= 1 && (v.WordIs(t - 1, "ký") || v.WordIs(t - 1, "kí"))) t -= 1;
  else return;
  if (t >= 1 && (v.WordIs(t - 1, "đã") || v.WordIs(t - 1, "vừa") || v.WordIs(t - 1, "mới"))) t -= 1;
  long o = Ending(a, k, t);
  if (o >= 0 && a[static_cast<size_t>(o)].type != RecordType::kOrganization) o = -1;
  const std::string* office = nullptr;
  size_t n = v.MatchBefore(v.lex().issuers, t, &office);
  size_t issuer_begin;
  if (n > 0 && (o < 0 || t - n < a[static_cast<size_t>(o)].begin)) {  // "Thủ tướng Chính phủ" over "Chính phủ"
    ref->issuer = *office;
    issuer_begin = t - n;
  } else if (o >= 0) {
    ref->issuer = a[static_cast<size_t>(o)].value;
    issuer_begin = a[static_cast<size_t>(o)].begin;
  } else {
    return;
  }
  // "Ngày 1/4/2020, <issuer> ban hành": the date before the issuer
  size_t d_end = issuer_begin;
  if (d_end >= 1 && v.IsPunct(d_end - 1, ',')) --d_end;
  long d = Ending(a, k, d_end);
  if (d >= 0 && a[static_cast<size_t>(d)].type == RecordType::kDate) {
    const std::string& date = a[static_cast<size_t>(d)].value;
    if (date.size() == 10) ref->issued = date;
  }
}

}  // namespace

void LinkLegalRefs(const DocView& v, std::vector<Candidate>* all) {
  std::vector<Candidate>& a = *all;
  for (size_t k = 0; k < a.size(); ++k) {
    if (a[k].type != RecordType::kLegalRef) continue;
    Candidate::Extra& ref = a[k].x();
    IssuerBefore(v, a, k, &ref);
    size_t t = a[k].end;
    // Up to one date and one issuer, in either order, with ",", "ban hành", "được", "ký" between:
    // "ngày 18/5/2016 của Thủ tướng Chính phủ", "của UBND tỉnh ban hành ngày 12/3/2021".
    for (int step = 0; step < 4 && t < v.size(); ++step) {
      if (v.IsPunct(t, ',')) {
        ++t;
        continue;
      }
      if (v.WordIs(t, "ban") && v.WordIs(t + 1, "hành")) {
        t += 2;
        continue;
      }
      if (v.WordIs(t, "được") || v.WordIs(t, "ký") || v.WordIs(t, "kí")) {
        ++t;
        continue;
      }
      long d = Starting(a, k + 1, t);
      if (d >= 0 && a[static_cast<size_t>(d)].type == RecordType::kDate && ref.issued.empty() &&
          a[static_cast<size_t>(d)].value.size() >= 4) {
        const std::string& date = a[static_cast<size_t>(d)].value;
        // "ngày 18/5" after a code of 2016: the code's year is the date's.
        // A date whose year was inferred from the reference date takes the code's year instead.
        if (a[static_cast<size_t>(d)].x().resolved == "inferred" && !ref.year.empty()) ref.issued = ref.year + date.substr(4);
        else if (date[0] != '-') ref.issued = date;
        else if (!ref.year.empty()) ref.issued = ref.year + date.substr(1);
        else break;
        t = a[static_cast<size_t>(d)].end;
        continue;
      }
      if ((v.WordIs(t, "của") || v.WordIs(t, "do")) && ref.issuer.empty()) {
        const std::string* office = nullptr;
        size_t n = v.Match(v.lex().issuers, t + 1, &office);
        long o = Starting(a, k + 1, t + 1);
        if (o >= 0 && a[static_cast<size_t>(o)].type == RecordType::kOrganization &&
            a[static_cast<size_t>(o)].end >= t + 1 + n) {
          ref.issuer = a[static_cast<size_t>(o)].value;
          t = a[static_cast<size_t>(o)].end;
          continue;
        }
        if (n > 0) {
          ref.issuer = *office;
          t = t + 1 + n;
          continue;
        }
      }
      break;
    }
  }
}

}  // namespace vnextract::internal
