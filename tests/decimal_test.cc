#include "extract/decimal.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <string>

#include "extract/iso_text.h"
#include "decimal_reference.h"

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

// Every text of up to 6 characters over digits, both separators and a letter, and longer ones
// near the limits: the one-pass ParseDigits against the first implementation.
TEST_CASE("Decimal::ParseDigits agrees with the reference implementation") {
  auto check = [](const std::string& in) {
    std::optional<Decimal> d = Decimal::ParseDigits(in);
    std::optional<std::string> want = reference::ParseDigitsText(in);
    CAPTURE(in);
    REQUIRE(d.has_value() == want.has_value());
    if (d) CHECK(d->ToString() == *want);
  };
  const char kAlphabet[] = "019.,a";
  std::string s;
  size_t checked = 0;
  for (size_t len = 0; len <= 6; ++len) {
    size_t total = 1;
    for (size_t k = 0; k < len; ++k) total *= 6;
    for (size_t n = 0; n < total; ++n) {
      s.clear();
      for (size_t k = 0, x = n; k < len; ++k, x /= 6) s.push_back(kAlphabet[x % 6]);
      check(s);
      ++checked;
    }
  }
  CHECK(checked == 55987);
  const char* longer[] = {"170141183460469231731687303715884105727", "170141183460469231731687303715884105728",
                          "1.701.411.834.604.692.317.316.873.037.158.841.057,28", "0,000000000000000000000000000001",
                          "0,0000000000000000000000000000001", "12.345.678,90", "1,234,567.5", "1.234.567.89",
                          "99999999999999999999,99999999999999999999", "1.000", "10.000", "1.0000", "123.4567"};
  for (const char* in : longer) check(in);
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

// Every string of up to `len` characters over `alphabet`, passed to f.
template <typename F>
void ForEachString(const std::string& alphabet, size_t len, F f) {
  std::string s;
  auto rec = [&](auto&& self, size_t left) -> void {
    f(s);
    if (left == 0) return;
    for (char c : alphabet) {
      s.push_back(c);
      self(self, left - 1);
      s.pop_back();
    }
  };
  rec(rec, len);
}

TEST_CASE("Decimal::ParseDigits: the all-digits fast path agrees with the general reading") {
  // The general path reads "1.000" as 1000 and "1,5" as 1.5; a plain run of digits must give
  // what the same digits with a thousands group or a zero decimal give.
  ForEachString("0159", 6, [](const std::string& s) {
    CAPTURE(s);
    auto d = Decimal::ParseDigits(s);
    if (s.empty()) {
      CHECK_FALSE(d.has_value());
      return;
    }
    REQUIRE(d.has_value());
    auto with_decimal = Decimal::ParseDigits(s + ",0");  // the general path
    REQUIRE(with_decimal.has_value());
    CHECK(d->ToString() == with_decimal->ToString());
    CHECK(d->Compare(*with_decimal) == 0);
    CHECK(d->is_integer());
  });
  // Past 2^127: overflow, as the general path says.
  std::string huge(40, '9');
  CHECK(Decimal::ParseDigits(huge)->overflow());
  CHECK(Decimal::ParseDigits(huge + ",0")->overflow());
}

TEST_CASE("Decimal::ToString: 64-bit and 128-bit digits, decimals, signs") {
  // Against the digits written out by hand.
  for (long long x : {0LL, 1LL, 9LL, 10LL, 123456789LL, 999999999999999999LL, 9223372036854775807LL}) {
    CAPTURE(x);
    CHECK(Decimal::Integer(x).ToString() == std::to_string(x));
    CHECK(Decimal::Integer(-x - 1).ToString() == std::to_string(-x - 1));
    // beyond 2^64 (and below 2^127): the same digits and zeros
    CHECK(Decimal::Integer(x).Shifted(19).ToString() == (x == 0 ? "0" : std::to_string(x) + std::string(19, '0')));
  }
  CHECK(Decimal::Integer(1).Half().ToString() == "0.5");
  CHECK(Decimal::Integer(-3).Half().ToString() == "-1.5");
  CHECK(Decimal::ParseDigits("0,05")->ToString() == "0.05");
  CHECK(Decimal::ParseDigits("0,000000000000000000000000000001")->ToString() == "0.000000000000000000000000000001");
  CHECK(Decimal::ParseDigits("123456789012345678901234,5")->ToString() == "123456789012345678901234.5");
  CHECK(Decimal::Integer(9223372036854775807LL).Shifted(20).ToString().empty());  // past 2^127: overflow
}

TEST_CASE("AppendPadded and IsoPartial write what snprintf writes") {
  char buf[64];
  for (long long x : {0LL, 1LL, 7LL, 42LL, 999LL, 1000LL, 2023LL, 12345LL, -1LL, -7LL, -42LL, -12345LL}) {
    for (int width : {2, 4}) {
      std::string s;
      internal::AppendPadded(&s, x, width);
      std::snprintf(buf, sizeof buf, "%0*lld", width, x);
      CHECK(s == buf);
    }
  }
  for (int y : {-5, 0, 7, 999, 1000, 2023, 12345}) {
    for (int m : {-1, 0, 1, 9, 12, 123}) {
      for (int d : {-2, 0, 1, 31, 100}) {
        CAPTURE(y);
        CAPTURE(m);
        CAPTURE(d);
        if (y > 0 && m > 0 && d > 0) std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
        else if (y > 0 && m > 0) std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
        else if (y > 0) std::snprintf(buf, sizeof buf, "%04d", y);
        else if (m > 0 && d > 0) std::snprintf(buf, sizeof buf, "--%02d-%02d", m, d);
        else std::snprintf(buf, sizeof buf, "--%02d", m);
        CHECK(IsoPartial(y, m, d) == buf);
      }
    }
  }
}

TEST_CASE("ScanInt and ScanThreeInts read what sscanf reads") {
  ForEachString("019/-+ a", 5, [](const std::string& s) {
    CAPTURE(s);
    int a = -100, b = -100, c = -100;
    int n = std::sscanf(s.c_str(), "%d%*c%d%*c%d", &a, &b, &c);
    int x = -100, y = -100, z = -100;
    int got = ScanThreeInts(s, &x, &y, &z);
    CHECK(got == (n < 0 ? 0 : n));
    CHECK(x == a);
    CHECK(y == b);
    CHECK(z == c);
    for (int width : {2, 4}) {
      int w = -100, r = -100;
      char fmt[8];
      std::snprintf(fmt, sizeof fmt, "%%%dd", width);
      int m = std::sscanf(s.c_str(), fmt, &w);
      size_t pos = 0;
      bool ok = ScanInt(s, &pos, width, &r);
      CHECK(ok == (m == 1));
      CHECK(r == w);
    }
  });
}

}  // namespace
}  // namespace vnextract::internal
