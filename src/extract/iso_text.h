// Formatting and scanning of the small integers in dates and times, without the printf family:
// the date, period, time and temporal code format and read values for every candidate, and a
// snprintf or sscanf costs a hundred times more than the digits. Each helper does exactly what
// the printf/scanf conversion named in its comment does.
#ifndef VNEXTRACT_EXTRACT_ISO_TEXT_H_
#define VNEXTRACT_EXTRACT_ISO_TEXT_H_

#include <string>
#include <string_view>

namespace vnextract::internal {

// Appends x as snprintf's "%0<width>d" does: zero-padded to `width` characters, the sign included.
inline void AppendPadded(std::string* out, long long x, int width) {
  char digits[24];
  int n = 0;
  unsigned long long u = x < 0 ? 0ull - static_cast<unsigned long long>(x) : static_cast<unsigned long long>(x);
  do {
    digits[n++] = static_cast<char>('0' + u % 10);
    u /= 10;
  } while (u > 0);
  if (x < 0) {
    out->push_back('-');
    --width;
  }
  for (int k = n; k < width; ++k) out->push_back('0');
  while (n > 0) out->push_back(digits[--n]);
}

// A date as far as it is known (y, m, d may be 0): "2023-10-06", "2023-10", "2023", "--10-06",
// "--10" — snprintf's "%04d-%02d-%02d", "%04d-%02d", "%04d", "--%02d-%02d", "--%02d".
inline std::string IsoPartial(int y, int m, int d) {
  std::string s;
  s.reserve(10);
  if (y > 0) {
    AppendPadded(&s, y, 4);
    if (m > 0) {
      s.push_back('-');
      AppendPadded(&s, m, 2);
      if (d > 0) {
        s.push_back('-');
        AppendPadded(&s, d, 2);
      }
    }
    return s;
  }
  s.append("--");
  AppendPadded(&s, m, 2);
  if (m > 0 && d > 0) {
    s.push_back('-');
    AppendPadded(&s, d, 2);
  }
  return s;
}

// sscanf's "%<width>d" (width 0: no limit) at s[*pos]: skips white space, reads an optional sign
// and the digits, and advances *pos. False (*pos and *out untouched) when no digit follows.
// (Values of 13 digits and more, which scanf would not read into an int either, are not exact.)
inline bool ScanInt(std::string_view s, size_t* pos, int width, int* out) {
  size_t p = *pos;
  while (p < s.size() && (s[p] == ' ' || (s[p] >= '\t' && s[p] <= '\r'))) ++p;
  size_t limit = width > 0 ? p + static_cast<size_t>(width) : s.size();
  if (limit > s.size()) limit = s.size();
  bool neg = false;
  if (p < limit && (s[p] == '-' || s[p] == '+')) neg = s[p++] == '-';
  size_t first = p;
  long long x = 0;
  while (p < limit && s[p] >= '0' && s[p] <= '9') {
    if (x < 1000000000000LL) x = x * 10 + (s[p] - '0');
    ++p;
  }
  if (p == first) return false;
  *out = static_cast<int>(neg ? -x : x);
  *pos = p;
  return true;
}

// sscanf(s, "%d%*c%d%*c%d", a, b, c): up to three integers, each pair separated by any one
// character. Stops at the first that fails, leaving the rest untouched; returns how many it read.
inline int ScanThreeInts(std::string_view s, int* a, int* b, int* c) {
  int* outs[3] = {a, b, c};
  size_t p = 0;
  for (int k = 0; k < 3; ++k) {
    if (k > 0) {
      if (p >= s.size()) return k;
      ++p;  // %*c: any one character, white space included
    }
    if (!ScanInt(s, &p, 0, outs[k])) return k;
  }
  return 3;
}

}  // namespace vnextract::internal

#endif  // VNEXTRACT_EXTRACT_ISO_TEXT_H_
