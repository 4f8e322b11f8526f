// money: a figure and a currency ("300 triệu đồng", "trên 31.000.000 đồng", "1,2 tỷ USD",
// "$500", "25.000 đồng/kg", "từ 1,3 triệu đồng đến 5 triệu đồng").
#include <algorithm>

#include "extract/extractors.h"
#include "extract/number_phrase.h"

namespace vnextract::internal {

namespace {

// The currency at token j (or glued to the figure), with a rate denominator after '/'.
std::optional<size_t> CurrencyAt(const DocView& v, const NumberPhrase& last, size_t j, bool /*strict*/,
                                 std::string* unit) {
  const Lexicons& lex = v.lex();
  size_t n = 0;
  if (!last.glued.empty()) {
    const std::string* iso = lex.currencies.Find(last.glued);
    if (!iso) return std::nullopt;
    *unit = *iso;
  } else {
    const std::string* iso = nullptr;
    n = v.Match(lex.currencies, j, &iso);
    if (n == 0) return std::nullopt;
    // "đồng chí", "đồng hồ": a longer counted noun means the word is no currency here.
    if (v.Match(lex.nouns, j) > n) return std::nullopt;
    // "thôn 5 Đồng Yên": a capitalised word is a name ("USD" and other codes are all capitals).
    const Token& t = v.tok(j);
    if (t.upper_initial && !t.all_upper && v.Lower(j) != "euro") return std::nullopt;
    // "chia làm 2 bảng": some currency words are ordinary words for small plain figures.
    if (n == 1 && lex.weak_currencies.Contains(v.Lower(j)) && !last.has_scale &&
        last.value.Compare(Decimal::Integer(1000)) < 0) {
      return std::nullopt;
    }
    *unit = *iso;
  }
  return n + RateSuffix(v, j + n, unit);  // "25.000 đồng/kg"
}

// MayStartNumber holds at one of the tokens i + 1 … i + n.
bool FigureWithin(const DocView& v, size_t i, size_t n) {
  for (size_t k = 1; k <= n; ++k) {
    if (v.MayStartNumber(i + k)) return true;
  }
  return false;
}

// A currency sign at token i and the figure in digits after it: "$500".
void PrefixCurrencyAt(const DocView& v, size_t i, std::vector<Candidate>* out) {
  const std::string* iso = nullptr;
  size_t n = v.Match(v.lex().currency_prefixes, i, &iso);
  if (n == 0) return;
  const NumberPhrase* num = ParseNumberAt(v, i + n);
  if (!num || num->words || !num->glued.empty()) return;
  Qualifier q = QualifierBefore(v, i);
  Candidate& c = out->emplace_back();
  c.type = RecordType::kMoney;
  c.begin = q.begin;
  c.end = num->end;
  c.value = num->value.ToString();
  c.unit = *iso;
  c.qualifier = q.name;
  c.rule = "money.prefix_currency";
}

}  // namespace

void ExtractMoney(const DocView& v, std::vector<Candidate>* out) {
  // A figure with its currency after it, or a currency sign before a figure in digits ("$500",
  // "US$ 2 triệu"). A sign starts at punctuation (or at a figure) no further before a figure
  // (all of which MayStartNumber) than the longest sign: only those are looked up. In order of
  // token, as the candidates were always added.
  const size_t longest = v.lex().currency_prefixes.max_tokens();
  size_t after = 0;  // the tokens before it have been visited
  for (size_t f : v.number_starts()) {
    for (size_t p = std::max(after, f >= longest ? f - longest : 0); p < f; ++p) {
      if (v.kind(p) == TokenKind::kPunct) PrefixCurrencyAt(v, p, out);
    }
    after = f + 1;
    if (std::optional<Measured> m = ParseMeasured(v, f, CurrencyAt)) {
      const char* rule = m->hi ? "money.range" : m->first->has_scale ? "money.scale_currency" : "money.currency";
      AddMeasured(out, RecordType::kMoney, *m, m->first->words ? "money.words_currency" : rule);
      continue;
    }
    if (FigureWithin(v, f, longest)) PrefixCurrencyAt(v, f, out);
  }
}

}  // namespace vnextract::internal
