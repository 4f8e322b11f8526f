// ratio: "17/24 hồ sơ", "57/57 TTHC", "tỷ lệ 1/3".
#include "extract/calendar.h"
#include "extract/extractors.h"
#include "extract/number_phrase.h"

namespace vnextract::internal {

bool FractionParts(const DocView& v, size_t i, long long* a, long long* b) {
  if (!v.Is(i, TokenKind::kFraction)) return false;
  std::string_view s = v.Text(i);
  size_t slash = s.find('/');
  if (slash == std::string_view::npos) return false;
  std::optional<Decimal> x = Decimal::ParseDigits(s.substr(0, slash));
  std::optional<Decimal> y = Decimal::ParseDigits(s.substr(slash + 1));
  if (!x || !y || !x->AsInt() || !y->AsInt()) return false;
  *a = *x->AsInt();
  *b = *y->AsInt();
  return true;
}

bool FractionIsRatio(const DocView& v, size_t i, std::string* unit, size_t* noun_len) {
  long long a, b;
  *noun_len = 0;
  if (!FractionParts(v, i, &a, &b) || b == 0) return false;
  bool date_like = IsValidDate(static_cast<int>(a), static_cast<int>(b), 0) ||
                   (a >= 1 && a <= 12 && IsPlausibleYear(b)) || IsYearSpan(a, b);
  // "Sáng ngày 06/10": a day word before it makes it a date.
  if (date_like && v.MatchBefore(v.lex().day_words, i) > 0) return false;
  // "vòng 1/8", "bậc thợ 4/7, 3/6": after a label, or in a list after such a ratio, it is a
  // fraction, never a date.
  bool after_label = v.MatchBefore(v.lex().ordinal_markers, i) > 0;
  if (!after_label && i >= 2 && v.IsPunct(i - 1, ',') && v.Is(i - 2, TokenKind::kFraction)) {
    std::string u;
    size_t n;
    after_label = FractionIsRatio(v, i - 2, &u, &n);
  }
  if (after_label && !IsYearSpan(a, b)) {
    if (a <= b) *noun_len = CountedNoun(v, i + 1, false, unit);
    return true;
  }
  if (a <= b) {
    *noun_len = CountedNoun(v, i + 1, false, unit);
    if (*noun_len > 0) return true;
  }
  return !date_like;
}

void ExtractRatio(const DocView& v, std::vector<Candidate>* out) {
  for (size_t i : v.digit_tokens()) {
    if (!v.Is(i, TokenKind::kFraction)) continue;
    std::string unit;
    size_t n = 0;
    if (!FractionIsRatio(v, i, &unit, &n)) continue;
    long long a, b;
    FractionParts(v, i, &a, &b);
    Qualifier q = QualifierBefore(v, i);
    Candidate c;
    c.type = RecordType::kRatio;
    c.begin = q.name == "range" ? i : q.begin;
    c.qualifier = q.name == "range" ? "" : q.name;
    c.end = i + 1 + n;
    c.numerator = std::to_string(a);
    c.denominator = std::to_string(b);
    c.value = Decimal::Quotient(a, b, 6);
    c.unit = unit;
    c.rule = n > 0 ? "ratio.fraction_noun" : "ratio.fraction";
    out->push_back(std::move(c));
  }
}

}  // namespace vnextract::internal
