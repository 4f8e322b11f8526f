// number: every figure written in digits that no other extractor took ("Top 10", "thứ 3",
// "mức độ 4", the two sides of a score "2-1"), so no number of an article is silently lost.
#include "extract/extractors.h"
#include "extract/number_phrase.h"

namespace vnextract::internal {

namespace {

void Add(std::vector<Candidate>* out, size_t b, size_t e, std::string value, const char* rule) {
  Candidate& c = out->emplace_back();
  c.type = RecordType::kNumber;
  c.begin = b;
  c.end = e;
  c.value = std::move(value);
  c.rule = rule;
}

}  // namespace

void ExtractNumbers(const DocView& v, const std::vector<uint8_t>& taken, std::vector<Candidate>* out) {
  size_t next = 0;  // the tokens before it belong to a number already added
  for (size_t i : v.digit_tokens()) {
    if (i < next || taken[i]) continue;
    if (v.Is(i, TokenKind::kNumber)) {
      const NumberPhrase* n = ParseNumberAt(v, i);
      if (!n) {
        // Digits grouped in no notation we know ("0939.231.868", a phone number): the digits.
        std::string digits;
        for (char c : v.Text(i)) {
          if (c >= '0' && c <= '9') digits.push_back(c);
        }
        std::optional<Decimal> d = Decimal::ParseDigits(digits);
        if (d) Add(out, i, i + 1, d->ToString(), "number.digit_groups");
        continue;
      }
      size_t end = n->end;
      for (size_t k = i; k < end; ++k) {
        if (taken[k]) end = k;
      }
      if (end != n->end) {  // a scale word that belongs to another record
        Add(out, i, i + 1, Decimal::ParseDigits(v.Text(i))->ToString(), "number.digits");
        continue;
      }
      Add(out, i, n->end, n->value.ToString(), n->has_scale ? "number.scale" : "number.digits");
      next = n->end;
    }
  }
}

}  // namespace vnextract::internal
