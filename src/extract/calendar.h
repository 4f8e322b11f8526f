// Calendar checks shared by the tokenizer and the date extractor.
#ifndef VNEXTRACT_EXTRACT_CALENDAR_H_
#define VNEXTRACT_EXTRACT_CALENDAR_H_

namespace vnextract::internal {

inline bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Days in month m (1-12) of year y; y == 0 means "unknown", when February has 29.
inline int DaysInMonth(int m, int y) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2) return (y == 0 || IsLeapYear(y)) ? 29 : 28;
  return kDays[m - 1];
}

// d/m(/y) is a real date; y == 0 when the year is not given.
inline bool IsValidDate(int d, int m, int y) {
  if (m < 1 || m > 12 || d < 1) return false;
  if (y != 0 && (y < 1000 || y > 2999)) return false;
  return d <= DaysInMonth(m, y);
}

// A plausible year in news text.
inline bool IsPlausibleYear(long long y) { return y >= 1000 && y <= 2199; }

// "2001/2002", "2023/24": a season or school year.
inline bool IsYearSpan(long long a, long long b) {
  return a >= 1900 && a <= 2100 && (b == a + 1 || (b < 100 && b == (a + 1) % 100));
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
inline long long DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * static_cast<unsigned>(m > 2 ? m - 3 : m + 9) + 2) / 5 + static_cast<unsigned>(d) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

struct Civil {
  int y = 0, m = 0, d = 0;
};

// The inverse of DaysFromCivil.
inline Civil CivilFromDays(long long z) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  Civil c;
  c.d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  c.m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  c.y = static_cast<int>(static_cast<long long>(yoe) + era * 400 + (c.m <= 2));
  return c;
}

// ISO weekday: 1 = Monday … 7 = Sunday.
inline int Weekday(int y, int m, int d) {
  long long z = DaysFromCivil(y, m, d);  // 1970-01-01 was a Thursday (4)
  return static_cast<int>(((z % 7) + 7 + 3) % 7) + 1;
}

// ISO 8601 week of a date: the year it belongs to and its number (1-53).
inline void IsoWeek(int y, int m, int d, int* week_year, int* week) {
  long long z = DaysFromCivil(y, m, d);
  int wd = Weekday(y, m, d);
  long long thursday = z + (4 - wd);  // the week belongs to the year of its Thursday
  Civil t = CivilFromDays(thursday);
  *week_year = t.y;
  *week = static_cast<int>((thursday - DaysFromCivil(t.y, 1, 1)) / 7) + 1;
}

}  // namespace vnextract::internal

#endif  // VNEXTRACT_EXTRACT_CALENDAR_H_
