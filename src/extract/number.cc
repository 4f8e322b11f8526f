// number: every figure written in digits that no other extractor took ("Top 10", "thứ 3",
// "mức độ 4", the two sides of a score "2-1"), so no number of an article is silently lost.
#include "extract/extractors.h"
#include "extract/number_phrase.h"

#include <cstdint>

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

void NumberExtractor::AddBefore(size_t limit, std::vector<Candidate>* out) {
  std::span<const uint32_t> digits = v_.digit_tokens();
  for (; at_ < digits.size() && digits[at_] < limit; ++at_) {
    size_t i = digits[at_];
    if (i < next_ || taken_[i]) continue;
    if (v_.Is(i, TokenKind::kNumber)) {
      const NumberPhrase* n = ParseNumberAt(v_, i);
      if (!n) {
        // Digits grouped in no notation we know ("0939.231.868", a phone number): the digits.
        std::string digits_only;
        for (char c : v_.Text(i)) {
          if (c >= '0' && c <= '9') digits_only.push_back(c);
        }
        std::optional<Decimal> d = Decimal::ParseDigits(digits_only);
        if (d) Add(out, i, i + 1, d->ToString(), "number.digit_groups");
        continue;
      }
      size_t end = n->end;
      for (size_t k = i; k < end; ++k) {
        if (taken_[k]) end = k;
      }
      if (end != n->end) {  // a scale word that belongs to another record
        Add(out, i, i + 1, Decimal::ParseDigits(v_.Text(i))->ToString(), "number.digits");
        continue;
      }
      Add(out, i, n->end, n->value.ToString(), n->has_scale ? "number.scale" : "number.digits");
      next_ = n->end;
    }
  }
}

void ExtractNumbers(const DocView& v, const std::vector<uint8_t>& taken, std::vector<Candidate>* out) {
  NumberExtractor(v, taken).AddBefore(SIZE_MAX, out);
}

}  // namespace vnextract::internal
