// Records from the user's pattern rules (rules/user_rules.h). One RE2::Set pass says which
// rules match the document at all; only those are run to find their matches and groups.
#include <algorithm>

#include "extract/decimal.h"
#include "extract/extractors.h"

namespace vnextract::internal {

namespace {

// "1.500.000", "2,5", "5 tỷ" (a number and a scale word) → an exact decimal; "" if not one.
std::string NumericValue(std::string_view s, const Lexicons& lex) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  size_t space = s.find(' ');
  std::optional<Decimal> d = Decimal::ParseDigits(s.substr(0, space));
  if (!d) return "";
  if (space != std::string_view::npos) {
    std::string scale(s.substr(space + 1));
    std::transform(scale.begin(), scale.end(), scale.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const std::string* power = lex.scale_words.Find(scale);
    if (power == nullptr) return "";
    *d = d->Shifted(std::stoi(*power));
  }
  return d->overflow() ? "" : d->ToString();
}

}  // namespace

void ExtractUserPatterns(const DocView& v, std::vector<Candidate>* out) {
  const Lexicons& lex = v.lex();
  if (lex.user_patterns.empty() || v.size() == 0) return;
  std::string_view text = v.norm();
  std::vector<int> hits;
  if (!lex.user_set->Match(re2::StringPiece(text.data(), text.size()), &hits)) return;
  std::sort(hits.begin(), hits.end());
  // Token boundaries: a match counts only from a token's start to a token's end.
  std::vector<size_t> starts(v.size()), ends(v.size());
  for (size_t i = 0; i < v.size(); ++i) {
    starts[i] = v.tok(i).b;
    ends[i] = v.tok(i).e;
  }
  for (int h : hits) {
    const UserPattern& p = lex.user_patterns[static_cast<size_t>(h)];
    const re2::RE2& re = *p.re;
    int groups = re.NumberOfCapturingGroups() + 1;
    std::vector<re2::StringPiece> sp(static_cast<size_t>(groups));
    size_t pos = 0;
    while (pos < text.size() &&
           re.Match(re2::StringPiece(text.data(), text.size()), pos, text.size(), RE2::UNANCHORED, sp.data(), groups)) {
      size_t mb = static_cast<size_t>(sp[0].data() - text.data());
      size_t me = mb + sp[0].size();
      auto first = std::lower_bound(starts.begin(), starts.end(), mb);
      auto last = std::lower_bound(ends.begin(), ends.end(), me);
      bool aligned = me > mb && first != starts.end() && *first == mb && last != ends.end() && *last == me;
      if (!aligned) {
        // Not on token boundaries ("ha" inside "hai"): look again one character further.
        pos = mb + 1;
        while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
        continue;
      }
      std::vector<std::string_view> g(sp.size());
      for (size_t k = 0; k < sp.size(); ++k) g[k] = std::string_view(sp[k].data() ? sp[k].data() : "", sp[k].size());
      Candidate c;
      c.type = p.type;
      c.begin = static_cast<size_t>(first - starts.begin());
      c.end = static_cast<size_t>(last - ends.begin()) + 1;
      c.value = ExpandTemplate(p.value, re, g);
      c.unit = ExpandTemplate(p.unit, re, g);
      c.rule = p.id.c_str();
      c.user = true;
      if (p.type == RecordType::kCustom) c.custom_type = &p.type_name;
      pos = me;
      if (p.type != RecordType::kCustom && HasNumericValue(p.type)) {
        c.value = NumericValue(c.value, lex);
        if (c.value.empty()) continue;  // the groups did not give a number: no record
      }
      out->push_back(std::move(c));
    }
  }
}

}  // namespace vnextract::internal
