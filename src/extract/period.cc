// period: "9 tháng đầu năm 2023", "3 tháng cuối năm", "6 tháng năm 2023", "quý III/2023",
// "nửa đầu năm", "từ đầu năm đến nay", "3 ngày qua"; and dates relative to the day of writing:
// "hôm qua", "tuần trước", "năm ngoái", "cùng kỳ năm trước", "3 năm trước", "cách đây 2 tháng".
// Periods of two dates and year ranges are found by the date extractor (date.cc). Values are
// resolved against the reference date by ResolveTemporal (temporal.cc).
#include "extract/calendar.h"
#include "extract/extractors.h"
#include "extract/iso_text.h"
#include "extract/number_phrase.h"

namespace vnextract::internal {

namespace {

// "%04d-%02d", or "--%02d" without a year.
std::string Month(int y, int m) {
  std::string s;
  if (y > 0) {
    AppendPadded(&s, y, 4);
    s.push_back('-');
  } else {
    s.append("--");
  }
  AppendPadded(&s, m, 2);
  return s;
}

// A whole number from 1 to `max` written in digits or words at token i; its end token.
int SmallNumber(const DocView& v, size_t i, int max, size_t* end) {
  if (!v.MayStartNumber(i)) return 0;
  const NumberPhrase* n = ParseNumberAt(v, i);
  if (!n || n->has_scale || n->vague) return 0;
  std::optional<long long> x = n->value.AsInt();
  if (!x || *x < 1 || *x > max) return 0;
  *end = n->end;
  return static_cast<int>(*x);
}

// After "năm" at token j: a year ("2023", returns 2 tokens incl. "năm") or "nay" (thisyear).
// `j` points at "năm". Returns the tokens taken from j, 0 when neither follows; a bare "năm"
// (1 token) is allowed when `bare`.
size_t YearOf(const DocView& v, size_t j, int* year, bool* this_year, bool bare) {
  *year = 0;
  *this_year = false;
  if (!v.WordIs(j, "năm")) return 0;
  if (v.Is(j + 1, TokenKind::kNumber) && v.Text(j + 1).size() == 4) {
    int y = std::atoi(std::string(v.Text(j + 1)).c_str());
    if (IsPlausibleYear(y)) {
      *year = y;
      return 2;
    }
  }
  if (v.WordIs(j + 1, "nay")) {
    *this_year = true;
    return 2;
  }
  return bare ? 1 : 0;
}

// "/2023" or " năm 2023" after a quarter: the year and the tokens it takes.
size_t QuarterYear(const DocView& v, size_t j, int* year, bool* this_year) {
  if (v.IsPunct(j, '/') && v.Is(j + 1, TokenKind::kNumber) && v.Text(j + 1).size() == 4) {
    int y = std::atoi(std::string(v.Text(j + 1)).c_str());
    if (IsPlausibleYear(y)) {
      *year = y;
      *this_year = false;
      return 2;
    }
  }
  return YearOf(v, j, year, this_year, false);
}

Candidate Period(size_t b, size_t e, int year, bool this_year, int m1, int m2, const char* rule) {
  Candidate c;
  c.type = RecordType::kPeriod;
  c.begin = b;
  c.end = e;
  c.value = Month(year, m1);
  c.value_to = Month(year, m2);
  if (this_year) c.x().relative = "thisyear";
  c.rule = rule;
  return c;
}

int Roman(std::string_view s) {
  if (s == "i" || s == "1") return 1;
  if (s == "ii" || s == "2") return 2;
  if (s == "iii" || s == "3") return 3;
  if (s == "iv" || s == "4") return 4;
  return 0;
}

// day, week, month or year for "ngày", "tuần", "tháng", "năm".
const char* TimeUnit(const DocView& v, size_t i) {
  if (v.WordIs(i, "ngày")) return "day";
  if (v.WordIs(i, "tuần")) return "week";
  if (v.WordIs(i, "tháng")) return "month";
  if (v.WordIs(i, "năm")) return "year";
  return nullptr;
}

// What may follow "N năm trước" for it to mean "N years ago": the end of the phrase, "đây".
bool AgoEnds(const DocView& v, size_t j) {
  if (j >= v.size() || !v.IsWord(j)) return true;
  static const char* const kOk[] = {"đây", "và", "nhưng", "thì", "mới", "đã", "vừa", "rồi", "anh", "chị", "ông", "bà"};
  for (const char* w : kOk) {
    if (v.WordIs(j, w)) return true;
  }
  return false;
}

// The period or relative date that starts at token i, if any: returns the token after the
// relative date it found (whose words start nothing else), else i + 1. `listed_word`: token i is
// in DocView::period_words() (else no word rule below can match).
size_t PeriodAt(const DocView& v, size_t i, bool listed_word, std::vector<Candidate>* out) {
  const Token& t = v.tok(i);
  const char* lower = v.lower().data();
  // Only a figure or a word starts a period or a relative date.
  if (t.kind != TokenKind::kWord && !v.MayStartNumber(i)) return i + 1;
  // N tháng đầu năm [Y|nay], N tháng cuối năm [Y|nay], N tháng năm Y
  size_t e = 0;
  int count = v.MayStartNumber(i) ? SmallNumber(v, i, 1000, &e) : 0;
  int n = count <= 12 ? count : 0;
  if (n > 0 && v.WordIs(e, "tháng")) {
    size_t j = e + 1;
    int year;
    bool this_year;
    if ((v.WordIs(j, "đầu") || v.WordIs(j, "cuối")) && v.WordIs(j + 1, "năm") && n < 12) {
      bool first = v.WordIs(j, "đầu");
      size_t ny = YearOf(v, j + 1, &year, &this_year, true);
      out->push_back(Period(i, j + 1 + ny, year, this_year, first ? 1 : 13 - n, first ? n : 12,
                            first ? "period.first_months" : "period.last_months"));
      return i + 1;
    }
    size_t ny = YearOf(v, j, &year, &this_year, false);
    if (ny > 0 && n < 12) {
      out->push_back(Period(i, j + ny, year, this_year, 1, n, "period.months_of_year"));
      return i + 1;
    }
  }
  // N ngày qua, 2 tuần gần đây, 3 năm trở lại đây: a period that ends on the reference date.
  // N năm trước (đây), cách đây N tháng: a date that far before it.
  if (count > 0) {
    const char* unit = TimeUnit(v, e);
    if (unit != nullptr && !(v.Is(i, TokenKind::kNumber) && v.Text(i).size() == 4)) {
      size_t j = e + 1;
      size_t k = 0;
      if (v.WordIs(j, "qua") || v.WordIs(j, "vừa")) k = v.WordIs(j, "vừa") && v.WordIs(j + 1, "qua") ? 2 : v.WordIs(j, "qua") ? 1 : 0;
      else if (v.WordIs(j, "gần") && v.WordIs(j + 1, "đây")) k = 2;
      else if (v.WordIs(j, "trở") && v.WordIs(j + 1, "lại") && v.WordIs(j + 2, "đây")) k = 3;
      if (k > 0) {
        Candidate c;
        c.type = RecordType::kPeriod;
        c.begin = i;
        c.end = j + k;
        c.x().relative = std::string("last:") + unit + ":" + std::to_string(count);
        c.rule = "period.last";
        out->push_back(std::move(c));
        return i + 1;
      }
      bool ago_before = i >= 2 && v.WordIs(i - 2, "cách") && v.WordIs(i - 1, "đây");
      bool ago_after = v.WordIs(j, "trước") && AgoEnds(v, j + 1);
      if (ago_before || ago_after) {
        Candidate c;
        c.type = RecordType::kDate;
        c.begin = ago_before ? i - 2 : i;
        c.end = ago_after ? (v.WordIs(j + 1, "đây") ? j + 2 : j + 1) : e + 1;
        c.x().relative = std::string(unit) + ":-" + std::to_string(count);
        c.rule = "date.ago";
        out->push_back(std::move(c));
        return i + 1;
      }
    }
  }
  if (!listed_word) return i + 1;
  std::string_view w(lower + t.b, t.e - t.b);
  // "quý", "quí", "từ" (4 bytes) and "nửa" (5): one test of the length turns away most words.
  bool short_word = w.size() == 4 || w.size() == 5;
  // quý I-IV [/Y | năm Y | năm nay]
  if (short_word && (w == "quý" || w == "quí")) {
    // "quý 3/2022": the tokenizer reads 3/2022 as one fraction
    long long fq, fy;
    if (v.Is(i + 1, TokenKind::kFraction) && FractionParts(v, i + 1, &fq, &fy) && fq >= 1 && fq <= 4 &&
        IsPlausibleYear(fy) && v.Text(i + 1).size() - v.Text(i + 1).find('/') == 5) {
      int q = static_cast<int>(fq);
      out->push_back(Period(i, i + 2, static_cast<int>(fy), false, 3 * q - 2, 3 * q, "period.quarter"));
      return i + 1;
    }
    int q = Roman(v.Lower(i + 1));
    if (q > 0) {
      int year = 0;
      bool this_year = false;
      size_t ny = QuarterYear(v, i + 2, &year, &this_year);
      out->push_back(Period(i, i + 2 + ny, year, this_year, 3 * q - 2, 3 * q, "period.quarter"));
      return i + 1;
    }
  }
  // nửa đầu năm [Y|nay], nửa cuối năm, nửa năm đầu
  if (short_word && w == "nửa" && (v.WordIs(i + 1, "đầu") || v.WordIs(i + 1, "cuối")) && v.WordIs(i + 2, "năm")) {
    int year;
    bool this_year;
    size_t ny = YearOf(v, i + 2, &year, &this_year, true);
    bool first = v.WordIs(i + 1, "đầu");
    out->push_back(Period(i, i + 2 + ny, year, this_year, first ? 1 : 7, first ? 6 : 12, "period.half"));
    return i + 1;
  }
  // từ đầu năm [Y|nay] (cho) đến nay
  if (short_word && w == "từ" && v.WordIs(i + 1, "đầu") && v.WordIs(i + 2, "năm")) {
    int year;
    bool this_year;
    size_t ny = YearOf(v, i + 2, &year, &this_year, true);
    size_t j = i + 2 + ny;
    if (v.WordIs(j, "cho")) ++j;
    if ((v.WordIs(j, "đến") || v.WordIs(j, "tới")) &&
        (v.WordIs(j + 1, "nay") || (v.WordIs(j + 1, "hiện") && v.WordIs(j + 2, "nay")))) {
      Candidate c = Period(i, j + (v.WordIs(j + 1, "nay") ? 2 : 3), year, this_year || year == 0, 1, 1,
                           "period.year_to_date");
      c.value_to.clear();
      c.x().relative += " open";
      out->push_back(std::move(c));
      return i + 1;
    }
  }
  // Relative dates from the table: hôm qua, tuần trước, năm ngoái, cùng kỳ năm trước …
  const std::string* rel = nullptr;
  size_t m = v.MatchRelativeDate(i, &rel);
  if (m > 0) {
    // Not after a figure ("5 năm nay", "hai năm trước" is date.ago), a time ("15h30 chiều
    // nay": the part of day is the time's) or a plural word ("những năm trước"); not before
    // "đó"/"ấy" ("năm sau đó").
    bool after_figure = i > 0 && (v.Is(i - 1, TokenKind::kNumber) || v.Is(i - 1, TokenKind::kTime) ||
                                  (v.MayStartNumber(i - 1) && ParseNumberAt(v, i - 1)) ||
                                  v.lex().scale_words.Contains(v.Lower(i - 1)) || v.WordIs(i - 1, "giờ") ||
                                  v.WordIs(i - 1, "phút"));
    static const char* const kPlural[] = {"những", "các", "nhiều", "mấy", "bao", "mọi", "từng", "hàng", "vài", "nửa", "dăm", "mươi"};
    bool plural = false;
    for (const char* w : kPlural) plural = plural || (i > 0 && v.WordIs(i - 1, w));
    bool that = v.WordIs(i + m, "đó") || v.WordIs(i + m, "ấy") || v.WordIs(i + m, "kia");
    if (!after_figure && !plural && !that) {
      Candidate c;
      c.type = RecordType::kDate;
      c.begin = i;
      c.end = i + m;
      c.x().relative = *rel;
      c.rule = "date.relative";
      out->push_back(std::move(c));
      return i + m;
    }
  }
  return i + 1;
}

}  // namespace

void ExtractPeriod(const DocView& v, std::vector<Candidate>* out) {
  // Only a figure or one of the listed words starts a period: visit those, in order of token
  // (a token can be both: "năm").
  std::span<const uint32_t> figures = v.number_starts();
  std::span<const uint32_t> words = v.period_words();
  size_t next = 0;  // the tokens before it belong to a relative date already found
  for (size_t a = 0, b = 0; a < figures.size() || b < words.size();) {
    size_t i;
    bool listed_word = false;
    if (b == words.size() || (a < figures.size() && figures[a] <= words[b])) {
      i = figures[a++];
      if (b < words.size() && words[b] == i) ++b, listed_word = true;
    } else {
      i = words[b++];
      listed_word = true;
    }
    if (i >= next) next = PeriodAt(v, i, listed_word, out);
  }
}

}  // namespace vnextract::internal
