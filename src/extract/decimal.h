// Exact decimals for values: a 128-bit integer and a count of decimal places. No floating
// point anywhere, so "1,5 tỷ" is exactly 1500000000 and amounts beyond 2^53 stay exact.
#ifndef VNEXTRACT_EXTRACT_DECIMAL_H_
#define VNEXTRACT_EXTRACT_DECIMAL_H_

#include <optional>
#include <string>
#include <string_view>

namespace vnextract::internal {

class Decimal {
 public:
  Decimal() = default;
  static Decimal Integer(long long v) { return Decimal(v, 0); }

  // Vietnamese notation: '.' groups thousands and ',' is the decimal comma ("11.000.000",
  // "1,5", "4.123,2", "02"). A lone '.' followed by other than three digits is read as a decimal
  // point ("2.5"); several ',' with three-digit groups are English thousands ("1,000,000").
  // nullopt for anything else ("1.2.3", "1,2,3", "").
  static std::optional<Decimal> ParseDigits(std::string_view s);

  // this × 10^p (p ≥ 0).
  Decimal Shifted(int p) const;
  Decimal Plus(const Decimal& o) const;
  Decimal Times(const Decimal& o) const;
  // Half of this (exact: one more decimal place when odd).
  Decimal Half() const;

  bool overflow() const { return overflow_; }
  bool is_integer() const;
  bool IsZero() const { return mant_ == 0; }
  // Comparison of values; both must be free of overflow.
  int Compare(const Decimal& o) const;
  // A small integer value, or nullopt when it has decimals or is larger than 10^15.
  std::optional<long long> AsInt() const;

  // Plain decimal: digits, '.', no grouping, no trailing zeros after the point. "" on overflow.
  std::string ToString() const;
  // numerator / denominator rounded half-up to `places` decimals, trailing zeros dropped.
  static std::string Quotient(long long numerator, long long denominator, int places);

 private:
  Decimal(__int128 mant, int scale) : mant_(mant), scale_(scale) {}
  void Trim();
  __int128 mant_ = 0;
  int scale_ = 0;  // decimal places
  bool overflow_ = false;
};

}  // namespace vnextract::internal

#endif  // VNEXTRACT_EXTRACT_DECIMAL_H_
