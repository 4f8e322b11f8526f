#include "extract/number_phrase.h"

namespace vnextract::internal {

namespace {

// Role of a number word (numbers/number_words.tsv): "digit:5", "ten", "tens", "unit:1", "link",
// "half", "many".
struct Role {
  enum Kind { kNone, kDigit, kTen, kTens, kUnit, kLink, kHalf, kMany, kScale } kind = kNone;
  int value = 0;  // digit value, or power of ten for a scale
};

// std::atoi of a payload's number ("5" of "digit:5"), without the copy into a std::string:
// RoleOf runs for every word of a figure.
int PayloadInt(std::string_view s) {
  size_t p = 0;
  while (p < s.size() && (s[p] == ' ' || (s[p] >= '\t' && s[p] <= '\r'))) ++p;
  bool neg = p < s.size() && s[p] == '-';
  if (p < s.size() && (s[p] == '-' || s[p] == '+')) ++p;
  int x = 0;
  for (; p < s.size() && s[p] >= '0' && s[p] <= '9'; ++p) x = x * 10 + (s[p] - '0');
  return neg ? -x : x;
}

Role RoleOf(const DocView& v, size_t i) {
  Role r;
  if (!v.IsWord(i)) return r;
  std::string_view w = v.Lower(i);
  if (const std::string* p = v.lex().scale_words.Find(w)) {
    r.kind = Role::kScale;
    r.value = PayloadInt(*p);
    return r;
  }
  // DocView has looked up every word of up to 8 bytes in number_words: MayStartNumber is its
  // answer, NumberWordPayload the payload it found.
  const std::string* p;
  if (w.size() <= 8) {
    if (!v.MayStartNumber(i)) return r;
    p = &v.NumberWordPayload(i);
  } else {
    p = v.lex().number_words.Find(w);
    if (!p) return r;
  }
  std::string_view s = *p;
  if (s.substr(0, 6) == "digit:") r = {Role::kDigit, PayloadInt(s.substr(6))};
  else if (s.substr(0, 5) == "unit:") r = {Role::kUnit, PayloadInt(s.substr(5))};
  else if (s == "ten") r.kind = Role::kTen;
  else if (s == "tens") r.kind = Role::kTens;
  else if (s == "link") r.kind = Role::kLink;
  else if (s == "half") r.kind = Role::kHalf;
  else if (s == "many") r.kind = Role::kMany;
  return r;
}

// Token i is a scale word: sets *pow to its power of ten ("triệu" → 6). RoleOf without the
// lookup of number words, for ScaleRun, which asks after every figure.
bool ScaleOf(const DocView& v, size_t i, int* pow) {
  if (!v.IsWord(i)) return false;
  const std::string* p = v.lex().scale_words.Find(v.Lower(i));
  if (p) *pow = PayloadInt(*p);
  return p != nullptr;
}

// RoleOf for the tokens from `first` on, each looked up once: a figure in words asks about the
// same few tokens several times.
class Roles {
 public:
  Roles(const DocView& v, size_t first) : v_(v), first_(first) {}
  Role operator()(size_t j) {
    size_t k = j - first_;
    if (k >= kMax) return RoleOf(v_, j);
    if (!known_[k]) {
      roles_[k] = RoleOf(v_, j);
      known_[k] = true;
    }
    return roles_[k];
  }

 private:
  static constexpr size_t kMax = 12;
  const DocView& v_;
  size_t first_;
  Role roles_[kMax];
  bool known_[kMax] = {};
};

// Scale words right after token i: "triệu", "nghìn tỷ", "trăm nghìn". Multiplies *mult and
// returns the number of tokens, and the smallest power in *last_pow.
size_t ScaleRun(const DocView& v, size_t i, Decimal* mult, int* pow) {
  size_t n = 0;
  int p = 0;
  while (true) {
    int scale = 0;
    if (!ScaleOf(v, i + n, &scale)) break;
    if (v.Match(v.lex().nouns, i + n) > 1) break;  // "5 triệu chứng" is five symptoms
    p += scale;
    ++n;
  }
  if (n > 0) *mult = Decimal::Integer(1).Shifted(p);
  *pow = p;
  return n;
}

// A range connector at token j: '-', "đến", "tới", "~". Returns its token count.
size_t RangeConnector(const DocView& v, size_t j) {
  if (v.IsPunct(j, '-') || v.IsPunct(j, '~')) return 1;
  return v.Match(v.lex().range_words, j);
}

// Digits, then scale words, then more digits with smaller scales ("2 tỷ 500 triệu"), then
// "rưỡi" ("1 triệu rưỡi").
std::optional<NumberPhrase> ParseDigitsAt(const DocView& v, size_t i) {
  NumberPhrase n;
  std::string_view text = v.Text(i);
  if (v.Is(i, TokenKind::kNumUnit) || v.Is(i, TokenKind::kPercent)) {
    size_t p = 0;
    while (p < text.size() && ((text[p] >= '0' && text[p] <= '9') || text[p] == '.' || text[p] == ',')) ++p;
    std::string_view lower = v.Lower(i);
    n.glued = lower.substr(p);
    while (!n.glued.empty() && n.glued.front() == ' ') n.glued.remove_prefix(1);
    text = text.substr(0, p);
  } else if (!v.Is(i, TokenKind::kNumber)) {
    return std::nullopt;
  }
  std::optional<Decimal> d = Decimal::ParseDigits(text);
  if (!d) return std::nullopt;
  n.value = *d;
  n.begin = i;
  n.end = i + 1;
  n.integer_literal = text.find_first_of(".,") == std::string_view::npos;
  n.digits = text.size();
  if (!n.glued.empty()) return n;
  int pow = 0;
  Decimal mult;
  size_t s = ScaleRun(v, n.end, &mult, &pow);
  if (s == 0) return n;
  n.value = n.value.Times(mult);
  n.scale = mult;
  n.has_scale = true;
  n.end += s;
  // "2 tỷ 500 triệu", "15 triệu 500 nghìn"
  while (v.Is(n.end, TokenKind::kNumber)) {
    std::optional<Decimal> more = Decimal::ParseDigits(v.Text(n.end));
    int pow2 = 0;
    Decimal mult2;
    size_t s2 = ScaleRun(v, n.end + 1, &mult2, &pow2);
    if (!more || s2 == 0 || pow2 >= pow) break;
    n.value = n.value.Plus(more->Times(mult2));
    n.scale = mult2;
    pow = pow2;
    n.end += 1 + s2;
  }
  if (RoleOf(v, n.end).kind == Role::kHalf) {
    n.value = n.value.Plus(n.scale.Half());
    n.end += 1;
  }
  return n;
}

// Vietnamese number words: "hai mươi mốt", "một trăm linh năm", "ba mươi lăm nghìn",
// "hàng trăm", "hai tỷ rưỡi".
std::optional<NumberPhrase> ParseWordsAt(const DocView& v, size_t i) {
  Roles role(v, i);
  Role first = role(i);
  NumberPhrase n;
  n.begin = i;
  n.words = true;
  if (first.kind == Role::kMany) {  // hàng trăm, hàng chục nghìn
    Decimal mult;
    int pow = 0;
    size_t s = ScaleRun(v, i + 1, &mult, &pow);
    if (s == 0) return std::nullopt;
    n.value = mult;
    n.scale = mult;
    n.has_scale = true;
    n.vague = true;
    n.end = i + 1 + s;
    return n;
  }
  Role next = role(i + 1);
  bool continues = next.kind == Role::kTens || next.kind == Role::kScale;
  if (first.kind == Role::kDigit) {
    // "một" and "năm" alone are an article and "year"; "không" alone is "no".
    if ((first.value == 1 || first.value == 5 || first.value == 0) && !continues) return std::nullopt;
  } else if (first.kind != Role::kTen) {
    return std::nullopt;
  }
  Decimal total = Decimal::Integer(0);
  long long group = 0;   // below one thousand
  int digit = -1;        // a digit waiting for its place
  Role::Kind prev = Role::kNone;
  Decimal last_scale = Decimal::Integer(1);
  bool any_scale = false;
  size_t j = i;
  for (;; ++j) {
    Role r = role(j);
    bool ok = false;
    switch (r.kind) {
      case Role::kDigit:
        // a digit starts, follows "mươi"/"mười" (the units), "linh", or a big scale
        ok = digit < 0 && (prev == Role::kNone || prev == Role::kTens || prev == Role::kTen ||
                           prev == Role::kLink || (prev == Role::kScale && group == 0));
        if (ok && (prev == Role::kTens || prev == Role::kTen) && r.value == 5) ok = false;  // "mười năm" is ten years
        if (ok && r.value == 0 && role(j + 1).kind != Role::kScale) ok = false;
        if (ok && prev == Role::kScale && !(role(j + 1).kind == Role::kTens || role(j + 1).kind == Role::kScale))
          ok = false;
        if (ok) digit = r.value;
        break;
      case Role::kUnit:  // mốt, tư, lăm, nhăm after the tens
        ok = digit < 0 && (prev == Role::kTens || prev == Role::kTen);
        if (ok) group += r.value;
        break;
      case Role::kTen:
        ok = digit < 0 && group % 100 == 0 && (prev == Role::kNone || prev == Role::kScale || prev == Role::kLink);
        if (ok) group += 10;
        break;
      case Role::kTens:
        ok = digit >= 2;
        if (ok) group += digit * 10, digit = -1;
        break;
      case Role::kLink:
        ok = prev == Role::kScale && digit < 0;
        break;
      case Role::kScale:
        if (r.value == 2) {  // trăm
          ok = digit >= 0 && group == 0;
          if (ok) group += digit * 100, digit = -1;
          if (ok) last_scale = Decimal::Integer(100);
        } else {
          if (digit >= 0) group += digit, digit = -1;
          ok = group > 0 || (prev == Role::kScale && !total.IsZero());
          if (ok) {
            Decimal mult = Decimal::Integer(1).Shifted(r.value);
            if (group == 0) total = total.Times(mult);  // "nghìn tỷ"
            else total = total.Plus(Decimal::Integer(group).Times(mult));
            group = 0;
            last_scale = mult;
          }
        }
        any_scale = any_scale || ok;
        break;
      case Role::kHalf:
        ok = prev == Role::kScale && digit < 0;
        if (ok) {
          if (group > 0) {
            total = total.Plus(Decimal::Integer(group).Times(last_scale));
            group = 0;
          }
          total = total.Plus(last_scale.Half());
        }
        break;
      default:
        break;
    }
    if (!ok) break;
    prev = r.kind;
    if (r.kind == Role::kHalf) {
      ++j;
      break;
    }
  }
  if (digit >= 0) group += digit;
  if (prev == Role::kLink) --j;  // "trăm linh" with nothing after
  if (j == i) return std::nullopt;
  n.end = j;
  n.value = total.Plus(Decimal::Integer(group));
  n.has_scale = any_scale;
  n.scale = any_scale ? last_scale : Decimal::Integer(1);
  n.weak = n.end - n.begin == 1;
  return n;
}

}  // namespace

thread_local constinit FigureCache tls_figures = {0, nullptr, nullptr};

const NumberPhrase* ParseNumberAtSlow(const DocView& v, size_t i) {
  if (i >= v.size()) return nullptr;
  // The arrays tls_figures points into.
  struct Store {
    std::vector<int32_t> state;  // 0 not parsed yet, -1 none, else 1 + index
    std::vector<uint32_t> parsed;  // the tokens whose state is set: cleared for the next document
    std::vector<NumberPhrase> phrases;  // reserved for one per token: never reallocated within a document
  };
  thread_local Store store;
  FigureCache& c = tls_figures;
  if (c.doc != v.id()) {
    // A document has a few dozen figures and a thousand tokens or more: reset the states that
    // were set rather than every one.
    for (uint32_t k : store.parsed) store.state[k] = 0;
    store.parsed.clear();
    if (store.state.size() < v.size()) store.state.resize(v.size());  // (the new ones are 0)
    store.phrases.clear();
    store.phrases.reserve(v.size());
    c = {v.id(), store.state.data(), store.phrases.data()};
  }
  int32_t& state = store.state[i];
  if (state == 0) {
    store.parsed.push_back(static_cast<uint32_t>(i));
    std::optional<NumberPhrase> n = v.IsWord(i) ? ParseWordsAt(v, i) : ParseDigitsAt(v, i);
    if (n) {
      n->connector = RangeConnector(v, n->end);  // every ParseMeasured asks
      store.phrases.push_back(*n);
    }
    state = n ? static_cast<int32_t>(store.phrases.size()) : -1;
  }
  return state < 0 ? nullptr : &store.phrases[static_cast<size_t>(state - 1)];
}

Qualifier QualifierBefore(const DocView& v, size_t i) {
  const std::string* name = nullptr;
  size_t n = v.MatchBefore(v.lex().qualifiers, i, &name);
  if (n == 0) return {"", i};
  // "cao hơn 0,7 điểm phần trăm so với …": a comparison with "so với" gives the difference, which
  // "hơn" does not qualify ("cao hơn 1m" alone still means over 1 m).
  if (n == 1 && v.WordIs(i - 1, "hơn") && v.MatchBefore(v.lex().comparatives, i - 1) > 0) {
    for (size_t k = i + 1; k < v.size() && k <= i + 6 && !v.Is(k, TokenKind::kBreak); ++k) {
      if (v.WordIs(k, "so") && v.WordIs(k + 1, "với")) return {"", i};
    }
  }
  Qualifier q{*name, i - n};
  // "khoảng hơn 11km": the word next to the figure decides, the outer one joins the text.
  if (size_t outer = v.MatchBefore(v.lex().qualifiers, q.begin)) q.begin -= outer;
  return q;
}

size_t CountedNoun(const DocView& v, size_t i, bool strict, std::string* unit) {
  if (!v.IsWord(i)) return 0;
  const Lexicons& lex = v.lex();
  if (size_t n = v.Match(lex.nouns, i)) {
    // A measure or currency that is longer wins ("đồng" vs "đồng chí" is settled by the noun list).
    *unit = std::string(v.LowerSpan(i, i + n));
    return n;
  }
  const Token& t = v.tok(i);
  std::string_view w = v.Lower(i);
  if (v.Match(lex.units, i) || v.Match(lex.currencies, i) || lex.scale_words.Contains(w) ||
      lex.number_words.Contains(w)) {
    return 0;
  }
  if (t.all_upper) {
    std::string_view text = v.Text(i);
    // Roman numerals ("giai đoạn III", "loại II") are ordinals, not acronyms.
    if (text.find_first_not_of("IVXLC") == std::string_view::npos) return 0;
    *unit = std::string(text);
    return 1;
  }
  if (strict || t.upper_initial || lex.not_nouns.Contains(w) || lex.parts_of_day.Contains(w)) return 0;
  *unit = std::string(w);
  return 1;
}

std::optional<Measured> ParseMeasured(const DocView& v, size_t i, UnitMatcher unit_at) {
  const NumberPhrase* n1 = ParseNumberAt(v, i);
  if (!n1) return std::nullopt;
  // Most figures measure nothing of the kind asked: build the Measured only once a unit is found.
  Decimal lo = n1->value;
  std::optional<Decimal> hi;
  std::string unit;
  std::optional<size_t> u;
  size_t end = 0;

  // N - N UNIT, N đến N UNIT
  if (n1->glued.empty() || n1->glued == "%") {
    size_t c = n1->glued.empty() ? n1->connector : (v.IsPunct(n1->end, '-') ? 1 : 0);
    if (c > 0) {
      const NumberPhrase* n2 = ParseNumberAt(v, n1->end + c);
      if (n2 && !n2->words && !n1->words) {
        Decimal lo2 = n1->value;
        if (!n1->has_scale && n2->has_scale) lo2 = lo2.Times(n2->scale);
        u = unit_at(v, *n2, n2->end, false, &unit);
        if (u && lo2.Compare(n2->value) < 0 && !lo2.overflow() && !n2->value.overflow()) {
          lo = lo2;
          hi = n2->value;
          end = n2->end + *u;
        } else {
          u.reset();
        }
      }
    }
  }
  if (!hi) {
    unit.clear();
    u = unit_at(v, *n1, n1->end, n1->weak, &unit);
    if (!u) return std::nullopt;
    end = n1->end + *u;
    // N UNIT đến N UNIT
    size_t c = RangeConnector(v, end);
    if (c > 0) {
      const NumberPhrase* n2 = ParseNumberAt(v, end + c);
      std::string unit2;
      std::optional<size_t> u2 = n2 ? unit_at(v, *n2, n2->end, n2->weak, &unit2) : std::nullopt;
      // "từ 20.000 đồng đến 30.000 đồng/kg": the rate written once applies to both ends.
      bool same = u2 && (unit2 == unit ||
                         (unit2.size() > unit.size() && unit2.compare(0, unit.size(), unit) == 0 && unit2[unit.size()] == '/'));
      if (same && n1->value.Compare(n2->value) < 0) {
        hi = n2->value;
        end = n2->end + *u2;
        unit = std::move(unit2);
      }
    }
  }
  std::optional<Measured> result(std::in_place);
  Measured& m = *result;
  m.first = n1;
  m.begin = i;
  m.lo = lo;
  m.hi = hi;
  m.unit = std::move(unit);
  m.end = end;
  // "1 năm rưỡi", "2 tiếng rưỡi": half a unit more.
  if (!m.hi && !n1->has_scale && n1->glued.empty() && v.WordIs(end, "rưỡi") && end > n1->end) {
    m.lo = m.lo.Plus(Decimal::Integer(1).Half());
    m.end = ++end;
  }
  Qualifier q = QualifierBefore(v, i);
  if (m.hi) {
    m.qualifier = "range";
    if (i > 0 && v.WordIs(i - 1, "từ")) m.begin = i - 1;
    else if (!q.name.empty()) m.begin = q.begin;  // "khoảng 60-100 năm": range wins, the word stays in the text
  } else if (!q.name.empty() && q.name != "range") {
    m.qualifier = q.name;
    m.begin = q.begin;
  } else if (i > 0 && v.WordIs(i - 1, "từ") && v.WordIs(m.end, "trở") && v.WordIs(m.end + 1, "lên")) {
    m.qualifier = "at_least";  // từ 18 tuổi trở lên
    m.begin = i - 1;
    m.end += 2;
  } else if (n1->vague) {
    m.qualifier = "at_least";
  }
  if (m.qualifier != "range" && m.qualifier != "at_least" && v.WordIs(m.end, "trở") && v.WordIs(m.end + 1, "lên")) {
    m.qualifier = "at_least";
    m.end += 2;
  }
  return result;
}

void AddMeasured(std::vector<Candidate>* out, RecordType type, const Measured& m, const char* rule) {
  Candidate& c = out->emplace_back();
  c.type = type;
  c.begin = m.begin;
  c.end = m.end;
  c.value = m.lo.ToString();
  if (m.hi) c.value_to = m.hi->ToString();
  c.unit = m.unit;
  c.qualifier = m.qualifier;
  c.rule = rule;
}

size_t RateSuffix(const DocView& v, size_t k, std::string* unit) {
  if (!v.IsPunct(k, '/') || !v.Touches(k) || !v.Touches(k + 1)) return 0;
  const std::string* per = nullptr;
  size_t p = v.Match(v.lex().per_units, k + 1, &per);
  if (p == 0) return 0;
  *unit += "/" + *per;
  return 1 + p;
}

}  // namespace vnextract::internal
