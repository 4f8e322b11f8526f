#include "extract/decimal.h"

#include <algorithm>
#include <cstdint>

namespace vnextract::internal {

namespace {

constexpr int kMaxScale = 30;

bool MulOverflow(__int128 a, __int128 b, __int128* out) { return __builtin_mul_overflow(a, b, out); }

bool Pow10(int p, __int128* out) {
  __int128 v = 1;
  for (int i = 0; i < p; ++i) {
    if (MulOverflow(v, 10, &v)) return false;
  }
  *out = v;
  return true;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// `body` (digits and `sep`) is thousands grouped by `sep`: a first group of 1-3 digits, then
// groups of exactly 3.
bool GroupsOk(std::string_view body, char sep) {
  size_t pos = body.find(sep);
  if (pos == 0 || pos > 3) return false;
  while (pos != std::string_view::npos) {
    size_t next = body.find(sep, pos + 1);
    size_t len = (next == std::string_view::npos ? body.size() : next) - pos - 1;
    if (len != 3) return false;
    pos = next;
  }
  return true;
}

}  // namespace

std::optional<Decimal> Decimal::ParseDigits(std::string_view s) {
  // Most figures are plain digits ("2023", "10"): read them without the checks below, and in
  // 64 bits when 18 digits or fewer cannot overflow them.
  if (AllDigits(s)) {
    Decimal d;
    if (s.size() <= 18) {
      uint64_t x = 0;
      for (char c : s) x = x * 10 + static_cast<uint64_t>(c - '0');
      d.mant_ = static_cast<__int128>(x);
      return d;
    }
    for (char c : s) {
      if (MulOverflow(d.mant_, 10, &d.mant_) || __builtin_add_overflow(d.mant_, c - '0', &d.mant_)) {
        d.overflow_ = true;
        return d;
      }
    }
    return d;
  }
  // One pass over the other texts: digits and separators only, and where the separators are.
  size_t dots = 0, commas = 0, first_dot = 0, first_comma = 0, last_sep = 0;
  for (size_t k = 0; k < s.size(); ++k) {
    char c = s[k];
    if (c == '.') {
      if (dots++ == 0) first_dot = k;
      last_sep = k;
    } else if (c == ',') {
      if (commas++ == 0) first_comma = k;
      last_sep = k;
    } else if (c < '0' || c > '9') {
      return std::nullopt;
    }
  }
  if (dots == 0 && commas == 0) return std::nullopt;  // "" (digits alone were read above)
  // The integer part is the digits of s[0, int_end) (its separators group thousands), the
  // decimals are s[frac_begin, end).
  size_t int_end, frac_begin;
  if (dots > 0 && commas > 0) {
    // The last separator is the decimal one and appears once; the other groups thousands.
    char dec = s[last_sep];
    if ((dec == '.' ? dots : commas) != 1 || !GroupsOk(s.substr(0, last_sep), dec == ',' ? '.' : ',')) {
      return std::nullopt;
    }
    int_end = last_sep;
    frac_begin = last_sep + 1;
  } else {
    char sep = dots > 0 ? '.' : ',';
    size_t count = dots + commas;
    size_t p = dots > 0 ? first_dot : first_comma;
    // Several separators group thousands; so does one '.' with three digits after it and at
    // most three before ("1.000"); one ',' alone, or a '.' otherwise, is the decimal one.
    bool grouped = count > 1 || (sep == '.' && s.size() - p - 1 == 3 && p <= 3);
    if (grouped) {
      if (!GroupsOk(s, sep)) return std::nullopt;
      int_end = frac_begin = s.size();
    } else {
      int_end = p;
      frac_begin = p + 1;
    }
  }
  size_t frac_size = s.size() - frac_begin;
  if (int_end == 0) return std::nullopt;                                          // ",5"
  if (frac_size == 0 && (s.back() == '.' || s.back() == ',')) return std::nullopt;  // "1."
  if (frac_size > static_cast<size_t>(kMaxScale)) return std::nullopt;
  Decimal d;
  for (size_t k = 0; k < s.size(); ++k) {
    if (k >= int_end && k < frac_begin) continue;  // the decimal separator
    char c = s[k];
    if (c == '.' || c == ',') continue;  // a thousands separator
    if (MulOverflow(d.mant_, 10, &d.mant_) || __builtin_add_overflow(d.mant_, c - '0', &d.mant_)) {
      d.overflow_ = true;
      return d;
    }
  }
  d.scale_ = static_cast<int>(frac_size);
  d.Trim();
  return d;
}

Decimal Decimal::Shifted(int p) const {
  Decimal r = *this;
  if (overflow_) return r;
  while (p > 0 && r.scale_ > 0) {
    --r.scale_;
    --p;
  }
  __int128 m;
  if (!Pow10(p, &m) || MulOverflow(r.mant_, m, &r.mant_)) r.overflow_ = true;
  return r;
}

Decimal Decimal::Plus(const Decimal& o) const {
  Decimal a = *this, b = o;
  if (a.overflow_ || b.overflow_) {
    a.overflow_ = true;
    return a;
  }
  int s = std::max(a.scale_, b.scale_);
  __int128 fa, fb;
  if (!Pow10(s - a.scale_, &fa) || !Pow10(s - b.scale_, &fb) || MulOverflow(a.mant_, fa, &a.mant_) ||
      MulOverflow(b.mant_, fb, &b.mant_) || __builtin_add_overflow(a.mant_, b.mant_, &a.mant_)) {
    a.overflow_ = true;
    return a;
  }
  a.scale_ = s;
  a.Trim();
  return a;
}

Decimal Decimal::Times(const Decimal& o) const {
  Decimal r = *this;
  if (overflow_ || o.overflow_ || MulOverflow(mant_, o.mant_, &r.mant_)) {
    r.overflow_ = true;
    return r;
  }
  r.scale_ = scale_ + o.scale_;
  r.Trim();
  if (r.scale_ > kMaxScale) r.overflow_ = true;
  return r;
}

Decimal Decimal::Half() const {
  Decimal r = *this;
  if (overflow_) return r;
  if (MulOverflow(mant_, 5, &r.mant_)) {
    r.overflow_ = true;
    return r;
  }
  r.scale_ = scale_ + 1;
  r.Trim();
  return r;
}

void Decimal::Trim() {
  while (scale_ > 0 && mant_ % 10 == 0) {
    mant_ /= 10;
    --scale_;
  }
}

bool Decimal::is_integer() const { return scale_ == 0; }

int Decimal::Compare(const Decimal& o) const {
  Decimal a = *this, b = o;
  int s = std::max(a.scale_, b.scale_);
  __int128 fa, fb;
  if (!Pow10(s - a.scale_, &fa) || !Pow10(s - b.scale_, &fb)) return 0;
  __int128 x, y;
  if (MulOverflow(a.mant_, fa, &x) || MulOverflow(b.mant_, fb, &y)) return 0;
  return x < y ? -1 : x > y ? 1 : 0;
}

std::optional<long long> Decimal::AsInt() const {
  if (overflow_ || scale_ != 0 || mant_ > static_cast<__int128>(1000000000000000LL) || mant_ < 0) return std::nullopt;
  return static_cast<long long>(mant_);
}

std::string Decimal::ToString() const {
  if (overflow_) return "";
  bool neg = mant_ < 0;
  unsigned __int128 m = neg ? -static_cast<unsigned __int128>(mant_) : static_cast<unsigned __int128>(mant_);
  char rev[64];  // the digits, last first: 2^127 has 39, and no value has more than 32 places
  int n = 0;
  // 128-bit division is a library call: divide in 64 bits once the value fits.
  while (m > UINT64_MAX) {
    rev[n++] = static_cast<char>('0' + static_cast<int>(m % 10));
    m /= 10;
  }
  uint64_t m64 = static_cast<uint64_t>(m);
  do {
    rev[n++] = static_cast<char>('0' + static_cast<int>(m64 % 10));
    m64 /= 10;
  } while (m64 > 0);
  while (n <= scale_) rev[n++] = '0';
  // The text, written once: sign, the digits in order, the point before the last scale_ ones.
  char text[80];
  size_t len = 0;
  if (neg) text[len++] = '-';
  for (int k = n - 1; k >= 0; --k) {
    text[len++] = rev[k];
    if (k == scale_ && k > 0) text[len++] = '.';
  }
  return std::string(text, len);
}

std::string Decimal::Quotient(long long numerator, long long denominator, int places) {
  if (denominator == 0) return "";
  __int128 scale = 1;
  for (int i = 0; i < places; ++i) scale *= 10;
  __int128 q = (static_cast<__int128>(numerator) * scale * 2 + denominator) / (2 * static_cast<__int128>(denominator));
  Decimal d(q, places);
  d.Trim();
  return d.ToString();
}

}  // namespace vnextract::internal
