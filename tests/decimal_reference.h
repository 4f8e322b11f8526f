// The first implementation of Decimal::ParseDigits (copies of the text into strings, several
// passes), kept as the reference for the one-pass version in src/extract/decimal.cc: the text
// ToString() gives for the parsed value ("" on overflow), or nullopt when it is no number.
#ifndef VNEXTRACT_TESTS_DECIMAL_REFERENCE_H_
#define VNEXTRACT_TESTS_DECIMAL_REFERENCE_H_

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

namespace vnextract::internal::reference {

inline std::optional<std::string> ParseDigitsText(std::string_view s) {
  auto all_digits = [](std::string_view t) {
    return !t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  size_t dots = std::count(s.begin(), s.end(), '.');
  size_t commas = std::count(s.begin(), s.end(), ',');
  std::string int_part;
  std::string_view frac;
  auto groups_ok = [](std::string_view body, char sep) {
    size_t pos = body.find(sep);
    if (pos == 0 || pos > 3) return false;
    while (pos != std::string_view::npos) {
      size_t next = body.find(sep, pos + 1);
      size_t len = (next == std::string_view::npos ? body.size() : next) - pos - 1;
      if (len != 3) return false;
      pos = next;
    }
    return true;
  };
  auto strip = [](std::string_view body, char sep) {
    std::string out;
    for (char c : body) {
      if (c != sep) out.push_back(c);
    }
    return out;
  };
  if (dots == 0 && commas == 0) {
    if (!all_digits(s)) return std::nullopt;
    int_part = std::string(s);
  } else if (dots > 0 && commas > 0) {
    size_t last = s.find_last_of(".,");
    char dec = s[last];
    char grp = dec == ',' ? '.' : ',';
    std::string_view body = s.substr(0, last);
    if (std::count(body.begin(), body.end(), dec) != 0 || !groups_ok(body, grp)) return std::nullopt;
    int_part = strip(body, grp);
    frac = s.substr(last + 1);
  } else if (dots > 0) {
    if (dots > 1 || (s.size() - s.find('.') - 1 == 3 && s.find('.') <= 3)) {
      if (!groups_ok(s, '.')) return std::nullopt;
      int_part = strip(s, '.');
    } else {
      size_t p = s.find('.');
      int_part = std::string(s.substr(0, p));
      frac = s.substr(p + 1);
    }
  } else {
    if (commas > 1) {
      if (!groups_ok(s, ',')) return std::nullopt;
      int_part = strip(s, ',');
    } else {
      size_t p = s.find(',');
      int_part = std::string(s.substr(0, p));
      frac = s.substr(p + 1);
    }
  }
  if (!all_digits(int_part) || (!frac.empty() && !all_digits(frac))) return std::nullopt;
  if (frac.empty() && (s.back() == '.' || s.back() == ',')) return std::nullopt;
  if (frac.size() > 30) return std::nullopt;
  // The value's text: the mantissa (integer and decimal digits) past 2^127 - 1 is an overflow.
  std::string mant = int_part + std::string(frac);
  mant.erase(0, std::min(mant.find_first_not_of('0'), mant.size()));
  const std::string kMax = "170141183460469231731687303715884105727";
  if (mant.size() > kMax.size() || (mant.size() == kMax.size() && mant > kMax)) return std::string();
  std::string whole = int_part;
  whole.erase(0, std::min(whole.find_first_not_of('0'), whole.size()));
  if (whole.empty()) whole = "0";
  std::string decimals(frac);
  decimals.erase(std::min(decimals.find_last_not_of('0') + 1, decimals.size()));
  return decimals.empty() ? whole : whole + "." + decimals;
}

}  // namespace vnextract::internal::reference

#endif  // VNEXTRACT_TESTS_DECIMAL_REFERENCE_H_
