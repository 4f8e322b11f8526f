// Resolution of dates and periods against the reference date, the check of written weekdays, and
// the dateline of an article ("Thứ hai - 12/04/2021 15:58"). docs/records.md, "Reference date",
// is the contract this implements.
#include <cstdio>
#include <cstdlib>

#include "extract/calendar.h"
#include "extract/extractors.h"
#include "extract/iso_text.h"

namespace vnextract::internal {

namespace {

// A date as far as it is known: y, m, d may be 0.
struct Partial {
  int y = 0, m = 0, d = 0;
};

// "2023-10-06", "2023-10", "2023", "--10-06", "--10".
// As sscanf with the formats "--%2d", "--%2d-%2d", "%4d", "%4d-%2d", "%4d-%2d-%2d" (iso_text.h).
bool ParsePartial(const std::string& s, Partial* p) {
  *p = Partial();
  size_t pos = 0;
  // "-" then "%2d": a separator and a two-digit field
  auto dash_then = [&](int* field) { return pos < s.size() && s[pos++] == '-' && ScanInt(s, &pos, 2, field); };
  if (s.size() >= 2 && s[0] == '-' && s[1] == '-') {
    pos = 2;
    if (s.size() == 4) return ScanInt(s, &pos, 2, &p->m);
    return s.size() == 7 && ScanInt(s, &pos, 2, &p->m) && dash_then(&p->d);
  }
  if (s.size() == 4) return ScanInt(s, &pos, 4, &p->y);
  if (s.size() == 7) return ScanInt(s, &pos, 4, &p->y) && dash_then(&p->m);
  if (s.size() == 10) return ScanInt(s, &pos, 4, &p->y) && dash_then(&p->m) && dash_then(&p->d);
  return false;
}

std::string Format(const Partial& p) { return IsoPartial(p.y, p.m, p.d); }

std::string FormatDay(const Civil& c) { return Format(Partial{c.y, c.m, c.d}); }

// The year for a month (and day) written without one: the year that puts it from 8 months
// before the reference date to 4 months after it (news reports look back more than ahead).
// 0 when no year makes a valid date (29/2 and no leap year near).
int InferYear(int m, int d, const Civil& ref) {
  long long r = DaysFromCivil(ref.y, ref.m, ref.d);
  for (int y = ref.y + 1; y >= ref.y - 1; --y) {
    if (d > 0 && !IsValidDate(d, m, y)) continue;
    long long diff = DaysFromCivil(y, m, d > 0 ? d : 1) - r;
    if (diff >= -243 && diff < 122) return y;
  }
  return 0;
}

Civil AddMonths(const Civil& c, int months) {
  int total = c.y * 12 + (c.m - 1) + months;
  Civil out{total / 12, total % 12 + 1, c.d};
  if (out.d > DaysInMonth(out.m, out.y)) out.d = DaysInMonth(out.m, out.y);
  return out;
}

// A signed count as written in a note: "+1", "-2", "+0".
std::string Signed(int n) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%+d", n);
  return buf;
}

// "day:-1" → the date that many units from the reference date, at the unit's precision.
std::string Relative(const std::string& rel, const Civil& ref, std::string* note) {
  size_t colon = rel.find(':');
  std::string unit = rel.substr(0, colon);
  int off = std::atoi(rel.c_str() + colon + 1);
  *note = "offset=" + Signed(off) + unit[0];
  if (unit == "day") return FormatDay(CivilFromDays(DaysFromCivil(ref.y, ref.m, ref.d) + off));
  if (unit == "week") {
    Civil c = CivilFromDays(DaysFromCivil(ref.y, ref.m, ref.d) + 7LL * off);
    int wy, w;
    IsoWeek(c.y, c.m, c.d, &wy, &w);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-W%02d", wy, w);
    return buf;
  }
  if (unit == "month") {
    Civil c = AddMonths(ref, off);
    return Format(Partial{c.y, c.m, 0});
  }
  return Format(Partial{ref.y + off, 0, 0});
}

// "last:day:3" → the start of the period that ends on the reference date.
std::string LastStart(const std::string& rel, const Civil& ref, std::string* note) {
  size_t a = rel.find(':'), b = rel.find(':', a + 1);
  std::string unit = rel.substr(a + 1, b - a - 1);
  int n = std::atoi(rel.c_str() + b + 1);
  *note = "last=" + std::to_string(n) + unit[0];
  long long r = DaysFromCivil(ref.y, ref.m, ref.d);
  if (unit == "day") return FormatDay(CivilFromDays(r - n));
  if (unit == "week") return FormatDay(CivilFromDays(r - 7LL * n));
  if (unit == "month") return FormatDay(AddMonths(ref, -n));
  return FormatDay(AddMonths(ref, -12 * n));
}

void ResolveDate(Candidate* c, const std::optional<Civil>& ref) {
  Candidate::Extra& x = c->x();
  if (!x.relative.empty()) {
    std::string note;
    if (ref) {
      c->value = Relative(x.relative, *ref, &note);
      x.resolved = "relative";
      x.note = note;
    } else {
      Relative(x.relative, Civil{2000, 1, 1}, &note);
      c->value.clear();
      x.resolved = "unresolved";
      x.note = note;
    }
    return;
  }
  Partial p;
  if (!ParsePartial(c->value, &p)) return;
  if (p.y == 0 && p.m > 0) {
    int y = ref ? InferYear(p.m, p.d, *ref) : 0;
    if (y > 0) {
      p.y = y;
      c->value = Format(p);
      x.resolved = "inferred";
    } else {
      x.resolved = "unresolved";
    }
  }
  if (x.weekday > 0 && p.y > 0 && p.m > 0 && p.d > 0 && Weekday(p.y, p.m, p.d) != x.weekday) {
    x.note = "weekday_mismatch";
  }
}

void ResolvePeriod(Candidate* c, const std::optional<Civil>& ref) {
  Candidate::Extra& x = c->x();
  bool open = x.relative.find("open") != std::string::npos;
  bool this_year = x.relative.find("thisyear") != std::string::npos;
  std::string note;
  if (x.relative.compare(0, 5, "last:") == 0) {
    if (ref) {
      c->value = LastStart(x.relative, *ref, &note) + "/" + FormatDay(*ref);
      x.resolved = "relative";
    } else {
      LastStart(x.relative, Civil{2000, 1, 1}, &note);
      c->value = "../..";
      x.resolved = "unresolved";
    }
    x.note = note;
    c->value_to.clear();
    return;
  }
  Partial lo, hi;
  bool has_hi = !c->value_to.empty();
  if (!ParsePartial(c->value, &lo) || (has_hi && !ParsePartial(c->value_to, &hi))) return;
  bool inferred = false, unresolved = false;
  if (this_year) {
    if (ref) {
      lo.y = ref->y;
      if (has_hi) hi.y = ref->y;
      inferred = true;
    } else {
      unresolved = true;
    }
  } else if (lo.y == 0 || (has_hi && hi.y == 0)) {
    // No year at either end (a year at one end was lent to the other by the extractor): the
    // year of the end decides, the start goes back a year when it is later in the year.
    const Partial& last = has_hi ? hi : lo;
    int y = ref ? InferYear(last.m, last.d, *ref) : 0;
    if (y > 0) {
      if (has_hi) hi.y = y;
      lo.y = y;
      if (has_hi && (lo.m > hi.m || (lo.m == hi.m && lo.d > hi.d))) lo.y = y - 1;
      inferred = true;
    } else {
      unresolved = true;
    }
  }
  std::string end;
  if (has_hi) {
    end = Format(hi);
  } else if (open) {
    if (ref) {
      end = FormatDay(*ref);
      inferred = true;
    } else {
      end = "..";
      unresolved = true;
    }
  } else {
    end = Format(lo);
  }
  c->value = Format(lo) + "/" + end;
  c->value_to.clear();
  if (open) x.note = "open_end";
  x.resolved = unresolved ? "unresolved" : inferred ? (open ? "relative" : "inferred") : "";
}

}  // namespace

std::optional<Civil> FindDateline(const DocView& v, const std::vector<Candidate>& kept) {
  // The first full date in the article's first lines that stands on a short line of its own,
  // maybe with a weekday, a time and a label ("Thứ hai - 12/04/2021 15:58", "Cập nhật: 12/4/2021").
  size_t lines = 0;
  size_t line_begin = 0;
  size_t k = 0;
  for (size_t i = 0; i <= v.size() && lines < 8; ++i) {
    if (i < v.size() && !v.Is(i, TokenKind::kBreak)) continue;
    // tokens [line_begin, i) are one line
    for (; k < kept.size() && kept[k].begin < i; ++k) {
      const Candidate& c = kept[k];
      if (c.begin < line_begin || c.type != RecordType::kDate || c.value.size() != 10 || !c.x().relative.empty()) continue;
      size_t words = 0;
      for (size_t t = line_begin; t < i; ++t) {
        if ((t < c.begin || t >= c.end) && (v.IsWord(t) || v.Is(t, TokenKind::kNumber))) ++words;
      }
      if (words <= 3) {
        Partial p;
        if (ParsePartial(c.value, &p)) return Civil{p.y, p.m, p.d};
      }
    }
    if (i > line_begin) ++lines;
    line_begin = i + 1;
  }
  return std::nullopt;
}

void ResolveTemporal(const std::optional<Civil>& ref, std::vector<Candidate>* kept) {
  for (Candidate& c : *kept) {
    if (c.user) continue;  // a user rule's value is as its rule writes it
    if (c.type == RecordType::kDate) ResolveDate(&c, ref);
    else if (c.type == RecordType::kPeriod) ResolvePeriod(&c, ref);
  }
}

}  // namespace vnextract::internal
