#include "extract/decimal.h"

#include <doctest/doctest.h>

namespace vnextract::internal {
namespace {

TEST_CASE("Decimal::ParseDigits reads Vietnamese notation") {
  struct Case {
    const char* in;
    const char* out;  // nullptr: not a number
  };
  const Case cases[] = {
      {"11.000.000", "11000000"}, {"1,5", "1.5"},   {"4.123,2", "4123.2"}, {"02", "2"},
      {"0,5", "0.5"},             {"1.000", "1000"}, {"2.5", "2.5"},       {"340,6", "340.6"},
      {"1,000,000", "1000000"},   {"12,50", "12.5"}, {"007", "7"},         {"1.2.3", nullptr},
      {"1,2,3", nullptr},         {"", nullptr},     {"12.04.2021", nullptr}, {"1.", nullptr},
      {"123456789012345678901234567890", "123456789012345678901234567890"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.in);
    auto d = Decimal::ParseDigits(c.in);
    if (c.out == nullptr) {
      CHECK_FALSE(d.has_value());
    } else {
      REQUIRE(d.has_value());
      CHECK(d->ToString() == c.out);
    }
  }
}

TEST_CASE("Decimal arithmetic is exact beyond 2^53") {
  auto d = *Decimal::ParseDigits("1,5");
  CHECK(d.Shifted(9).ToString() == "1500000000");
  CHECK(Decimal::Integer(9007199254740993LL).Shifted(3).ToString() == "9007199254740993000");
  CHECK(d.Half().ToString() == "0.75");
  CHECK(Decimal::Integer(2).Shifted(9).Plus(Decimal::Integer(5).Shifted(8)).ToString() == "2500000000");
  CHECK(Decimal::Integer(999).Shifted(40).overflow());
  CHECK(Decimal::Integer(999).Shifted(40).ToString().empty());
}

TEST_CASE("Decimal::Quotient rounds half up and drops trailing zeros") {
  CHECK(Decimal::Quotient(17, 24, 6) == "0.708333");
  CHECK(Decimal::Quotient(57, 57, 6) == "1");
  CHECK(Decimal::Quotient(6, 8, 6) == "0.75");
  CHECK(Decimal::Quotient(2, 3, 6) == "0.666667");
}

}  // namespace
}  // namespace vnextract::internal
