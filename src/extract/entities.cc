// person, organization, location (docs/entities.md). Capitals are the main signal: a run of
// capitalised syllables after a title ("ông", "Giám đốc"), a head word ("Sở", "Công ty TNHH"),
// an administrative word ("huyện", "TP."), or starting with a family name; gazetteers add
// provinces, cities, countries and well-known bodies. Mentions of one entity share an id.
#include <algorithm>
#include <bit>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <map>
#include <memory>
#include <numeric>

#include <unicode/unistr.h>

#include "extract/entities_lower.h"
#include "extract/extractors.h"
#include "extract/tone.h"

namespace vnextract::internal {

namespace {

struct Mention {
  RecordType type;
  size_t begin, end;       // tokens
  std::string key;         // what makes two mentions one entity
  std::string value;       // this mention's own canonical name
  // (views of the document's text: lower case for the head, as written for the rest)
  std::string_view head;   // organisation head, lower case ("sở")
  std::string_view abbr;   // abbreviation defined in brackets ("KH&CN")
  std::string_view role, parent;
  const char* rule;
  bool alias = false;      // a short form that must link to an earlier entity
};

// The rules the finders ask about, given by these pointers only (so that a test of the rule is a
// comparison of pointers).
constexpr const char kPlaceWordRule[] = "location.place_word";
constexpr const char kGazetteerRule[] = "location.gazetteer";
bool RuleIs(const char* rule, const char* name) { return rule == name; }

// A hash of a short view of text (names: a few to a few dozen bytes).
inline uint64_t HashView(std::string_view s) {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  const char* p = s.data();
  size_t n = s.size();
  uint64_t h = n * kMul, w;
  for (; n > 8; n -= 8, p += 8) {
    std::memcpy(&w, p, 8);
    h = (h ^ w) * kMul;
    h ^= h >> 29;
  }
  w = 0;
  std::memcpy(&w, p, n);
  h = (h ^ w) * kMul;
  return h ^ (h >> 32);
}

// Views of the document's text (with a small tag, 0 unless given) → V, for the few names of one
// document: open addressing over a table sized once for at most `capacity` keys. The first value
// given for a key stays (as std::map::emplace). Only found and added to, never walked: no order
// is needed.
template <typename V>
class ViewMap {
 public:
  explicit ViewMap(size_t capacity) : slots_(std::bit_ceil(2 * capacity + 2)) {}
  // The value of `key`, added as `value` when the key is new.
  V& Emplace(std::string_view key, V value, uint8_t tag = 0) {
    Slot& s = SlotOf(key, tag);
    if (!s.used) {
      s.used = true;
      s.tag = tag;
      s.key = key;
      s.value = std::move(value);
    }
    return s.value;
  }
  V* Find(std::string_view key, uint8_t tag = 0) {
    Slot& s = SlotOf(key, tag);
    return s.used ? &s.value : nullptr;
  }

 private:
  struct Slot {
    std::string_view key;
    V value{};
    uint8_t tag = 0;
    bool used = false;
  };
  // The slot of `key`, or the empty one where it would go.
  Slot& SlotOf(std::string_view key, uint8_t tag) {
    const size_t mask = slots_.size() - 1;
    for (size_t h = (HashView(key) + tag) & mask;; h = (h + 1) & mask) {
      Slot& s = slots_[h];
      if (!s.used || (s.tag == tag && s.key == key)) return s;
    }
  }
  std::vector<Slot> slots_;
};

static_assert(offsetof(Token, all_upper) == offsetof(Token, upper_initial) + 1 && sizeof(bool) == 1,
              "Finder reads a token's two case flags as one uint16_t");

class Finder {
 public:
  Finder(const DocView& v, const std::vector<Candidate>& numeric)
      : v_(v), lex_(v.lex()), n_(v.size()), flags_(new uint16_t[v.size()]), lens_(new Lens[v.size()]),
        before_(new uint16_t[3 * v.size()]), run_(new uint8_t[v.size()]) {
    const size_t n = n_;
    orgs_.reserve(32);
    places_.reserve(32);
    persons_.reserve(32);
    if (n == 0) {
      caps_ = starts_ = {0, UINT32_MAX};
      return;
    }
    const Token* tok = tok_ = &v.tok(0);
    lower_ = v.LowerSpan(0, 1).data() - tok[0].b;
    norm_ = v.norm().data();
    uint16_t* flags = flags_.get();
    // One pass over the tokens: the word flags, the capitals, the bare numbers. All-caps lines
    // (menus, banners: "THÔNG TIN NHIỆM VỤ KH&CN") hold no names. Every token's flags are
    // written here (no read-modify-write); the numeric candidates are marked after.
    caps_.reserve(n / 4 + 2);
    std::vector<uint32_t> numbers;  // kNumber tokens
    numbers.reserve(n / 8 + 2);
    for (size_t b = 0; b < n;) {
      const size_t line_caps = caps_.size();
      size_t e = b;
      size_t others = 0, caps = 0;  // tokens that are no word; words in capitals
      for (; e < n; ++e) {
        const Token& t = tok[e];
        if (t.kind == TokenKind::kWord) {
          if (t.e - t.b == kPersonWord.size() && std::memcmp(lower_ + t.b, kPersonWord.data(), kPersonWord.size()) == 0) {
            person_words_.push_back(static_cast<uint32_t>(e));
          }
          // Most words are in lower case: one test of both case bytes.
          uint16_t cased;
          std::memcpy(&cased, &t.upper_initial, 2);  // upper_initial, all_upper
          if (cased == 0) {
            flags[e] = kIsWord;
            continue;
          }
          caps += t.all_upper;
          flags[e] = static_cast<uint16_t>(kIsWord | (t.upper_initial ? kIsCap : 0) | (t.all_upper ? kIsAcronym : 0));
          if (t.upper_initial) caps_.push_back(static_cast<uint32_t>(e));
          continue;
        }
        flags[e] = 0;
        if (t.kind == TokenKind::kBreak) break;
        ++others;
        if (t.kind == TokenKind::kNumber) numbers.push_back(static_cast<uint32_t>(e));
      }
      const size_t words = e - b - others, initials = caps_.size() - line_caps;  // (a capital per initial)
      // all capitals (menus, banners), or every word capitalised (a headline in title case)
      if ((words >= 2 && caps * 10 >= words * 7) || (words >= 5 && initials * 10 >= words * 9)) {
        for (size_t k = b; k < e; ++k) flags[k] |= kIsTaken;
        caps_.resize(line_caps);
      }
      b = e + 1;
    }
    bool taken_caps = false;
    for (const Candidate& c : numeric) {
      if (c.type == RecordType::kNumber) continue;  // "phường 12": a place may take a bare number
      for (size_t k = c.begin; k < c.end; ++k) {
        taken_caps = taken_caps || (flags[k] & kIsCap);
        flags[k] |= kIsTaken;
      }
    }
    if (taken_caps) {  // (capitals inside a figure, a date, a code: "Thông tư số 21/2014/BGD&ĐT")
      caps_.erase(std::remove_if(caps_.begin(), caps_.end(), [&](uint32_t k) { return flags[k] & kIsTaken; }), caps_.end());
    }
    // The tokens where a mention may start, so that the finders skip the rest at once: capitals,
    // and lower-case words that begin a title, head or place word with a capital in the next three
    // tokens (or the end of the document within them) or a number right after. Each capital (and
    // the end) offers the three tokens before it, each number the one before it: the offers are
    // taken in the order of their first token, so that every token is decided once, in order.
    starts_.reserve(caps_.size() * 2 + 2);
    auto consider = [&](size_t j) {
      if ((flags[j] & (kIsWord | kIsTaken | kIsCap)) == kIsWord && FirstWordKnown(j)) {
        starts_.push_back(static_cast<uint32_t>(j));
      }
    };
    numbers.push_back(static_cast<uint32_t>(n + 1));  // (a sentinel that comes after the end's offer)
    size_t next_free = 0;  // the tokens before it are decided
    for (size_t ci = 0, ni = 0;;) {
      const size_t c = ci < caps_.size() ? caps_[ci] : n, p = numbers[ni];
      const size_t cap_from = c >= 3 ? c - 3 : 0;
      if (p == 0) {  // (no token before it)
        ++ni;
      } else if (cap_from <= p - 1) {
        for (size_t j = std::max(cap_from, next_free); j < c; ++j) consider(j);
        if (c == n) break;
        starts_.push_back(static_cast<uint32_t>(c));
        next_free = c + 1;
        ++ci;
      } else {
        if (p - 1 >= next_free) consider(p - 1);
        next_free = std::max(next_free, p);
        ++ni;
      }
    }
    for (auto* list : {&caps_, &starts_}) list->insert(list->end(), {static_cast<uint32_t>(n), UINT32_MAX});  // (see Next)
  }

  // Phrase lookups, each made once per token (the finders ask the same questions many times).
  enum Table { kKnownOrgs, kNameStops, kNotOrgHeads, kOrgHeads, kPersonTitles, kPlaceWords, kPlaces, kRoleTitles, kTables };
  struct Lens {
    uint16_t len[kTables];  // M(t, i) for every table t
  };
  const PhraseTable& TableOf(Table t) const {
    switch (t) {
      case kKnownOrgs: return lex_.known_orgs;
      case kNameStops: return lex_.name_stops;
      case kNotOrgHeads: return lex_.not_org_heads;
      case kOrgHeads: return lex_.org_heads;
      case kPersonTitles: return lex_.person_titles;
      case kPlaceWords: return lex_.place_words;
      case kPlaces: return lex_.places;
      case kRoleTitles: return lex_.role_titles;
      case kTables: break;
    }
    return lex_.places;
  }
  // Token count of the longest entry of table t starting at token i (M) or ending before it (B).
  [[gnu::always_inline]] size_t M(Table t, size_t i) const { return LensAt(i).len[t]; }
  // Every table's M at token i at once (for the questions asked together).
  [[gnu::always_inline]] const Lens& LensAt(size_t i) const {
    static constexpr Lens kNone{};
    if (i >= n_) return kNone;
    if (!(flags_[i] & kMatched)) MatchAll(i);
    return lens_[i];
  }

  // One walk from token i over the merged entity table fills the longest match of every table.
  // (Kept out of line so that M, asked everywhere, is inlined.)
  [[gnu::noinline]] void MatchAll(size_t i) const {
    flags_[i] |= kMatched;
    Lens& lens = lens_[i];
    lens = Lens{};
    const Token* tok = tok_;
    if (tok[i].kind != TokenKind::kWord && tok[i].kind != TokenKind::kAlnum) return;
    const PhraseTable& all = lex_.entity_all;
    size_t limit = std::min(n_, i + all.max_tokens());
    for (size_t e = i + 1; e <= limit; ++e) {
      if (tok[e - 1].kind == TokenKind::kBreak) break;
      const PhraseTable::Entry* entry = all.Lookup(std::string_view(lower_ + tok[i].b, tok[e - 1].e - tok[i].b));
      if (!entry) break;
      flags_[i] |= kKnown;  // the word begins some entry of some table
      for (uint16_t bits = entry->key_tables; bits; bits &= bits - 1) {
        lens.len[__builtin_ctz(bits)] = static_cast<uint16_t>(e - i);
      }
      if (!entry->prefix_tables) break;
    }
  }
  // Token i's word begins some entry of the entity tables (one lookup per token).
  bool FirstWordKnown(size_t i) const {
    if (!(flags_[i] & kMatched)) MatchAll(i);
    return flags_[i] & kKnown;
  }

  size_t B(Table t, size_t i) const {
    if (i == 0 || i > n_) return 0;
    const size_t slot = t == kPersonTitles ? 0 : t == kRoleTitles ? 1 : 2;
    uint16_t& c = before_[3 * (i - 1) + slot];
    if (!(flags_[i - 1] & (kBefore << slot))) {
      flags_[i - 1] |= static_cast<uint16_t>(kBefore << slot);
      c = static_cast<uint16_t>(MatchBefore(TableOf(t), i));
    }
    return c;
  }

  // Appends the entities to *out.
  void Run(std::vector<Candidate>* out) {
    FindOrganizations();
    org_spans_.reserve(orgs_.size());
    for (const Mention& o : orgs_) {
      org_spans_.push_back({static_cast<uint32_t>(o.begin), static_cast<uint32_t>(o.end)});
      SetOrgBit(org_begin_bits_, o.begin);
      SetOrgBit(org_end_bits_, o.end);
    }
    FindLocations();
    CollectPlaceNames();
    FindPersons();
    Resolve();
    Link(out);
  }

 private:
  // Per-token facts the finders test over and over, and which of the lazily filled per-token
  // caches (lens_, before_, run_, the surname bit) hold an answer.
  enum Flag : uint16_t {
    kIsWord = 1, kIsCap = 2, kIsAcronym = 4, kIsTaken = 8,
    kMatched = 16,     // lens_[i] and kKnown are set (MatchAll)
    kKnown = 32,       // the word begins some entry of the entity tables
    kRunDone = 64,     // run_[i] holds NameRun(i, 4, true)
    kSurnameDone = 128, kSurname = 256,  // the word is a family name
    kBefore = 512,     // << slot: before_[3 * i + slot] holds B() for the token after i
    kUsed = 4096,      // inside a mention (Repeats)
  };
  bool Has(size_t i, uint16_t f) const { return i < n_ && (flags_[i] & f); }
  // The first position of `list` (starts_ or caps_) at or after token `from`, searched from
  // index *q on (the finders walk forward, skipping the tokens of a mention).
  static size_t Next(const std::vector<uint32_t>& list, size_t* q, size_t from) {
    while (list[*q] < from) ++*q;  // (the list ends with n_ and a larger sentinel)
    return list[*q];
  }
  // DocView::WordIs, inline: token i is the word `w` (lower case).
  bool WordIs(size_t i, std::string_view w) const {
    return Has(i, kIsWord) && Bytes(i) == w.size() && std::memcmp(lower_ + tok_[i].b, w.data(), w.size()) == 0;
  }
  bool Cap(size_t i) const { return Has(i, kIsCap); }
  bool Acronym(size_t i) const { return Has(i, kIsAcronym); }
  // Token i continues a name: separated from i - 1 by one blank, same line.
  bool Spaced(size_t i) const { return i < n_ && tok_[i].space_before; }
  bool SentenceStart(size_t i) const {
    if (i == 0 || i >= n_) return true;
    const Token& p = tok_[i - 1];
    if (p.kind == TokenKind::kBreak || tok_[i].sentence != p.sentence) return true;
    if (p.kind == TokenKind::kPunct) {
      std::string_view t = TextAt(i - 1);
      return t == ":" || t == "(" || t == "\"" || t == "\xE2\x80\x9C" || t == "-" || t == ";";
    }
    return false;
  }
  // v_.LowerSpan(b, e) and v_.Lower(i), without the calls.
  std::string_view LowerSpan(size_t b, size_t e) const {
    if (e <= b || e > n_) return {};
    return std::string_view(lower_ + tok_[b].b, tok_[e - 1].e - tok_[b].b);
  }
  std::string_view LowerAt(size_t i) const { return LowerSpan(i, i + 1); }
  // v_.TextSpan(b, e) and v_.Text(i): the normalized text, without the calls.
  std::string_view TextSpan(size_t b, size_t e) const {
    if (e <= b || e > n_) return {};
    return std::string_view(norm_ + tok_[b].b, tok_[e - 1].e - tok_[b].b);
  }
  std::string_view TextAt(size_t i) const { return TextSpan(i, i + 1); }
  // DocView::Match and DocView::MatchBefore, without the calls: the longest entry of `table` that
  // starts at token i (ends before token `end`), as a token count.
  size_t Match(const PhraseTable& table, size_t i, const std::string** payload = nullptr) const {
    if (i >= n_ || tok_[i].kind == TokenKind::kBreak) return 0;
    const PhraseTable::Entry* entry = table.Lookup(LowerAt(i));
    return entry ? LongestFrom(table, tok_, n_, lower_, i, entry, payload) : 0;
  }
  size_t MatchBefore(const PhraseTable& table, size_t end) const {
    if (end == 0 || end > n_ || tok_[end - 1].kind == TokenKind::kBreak) return 0;
    const PhraseTable::Entry* entry = table.Lookup(LowerAt(end - 1));
    return entry ? LongestBefore(table, tok_, lower_, end, entry, nullptr) : 0;
  }

  // DocView's Is, IsWord and IsPunct, without the calls.
  bool Is(size_t i, TokenKind k) const { return i < n_ && tok_[i].kind == k; }
  bool IsWordTok(size_t i) const { return Is(i, TokenKind::kWord); }
  bool IsPunct(size_t i, char c) const {
    return Is(i, TokenKind::kPunct) && tok_[i].e - tok_[i].b == 1 && norm_[tok_[i].b] == c;
  }
  // Bytes of token i.
  size_t Bytes(size_t i) const { return tok_[i].e - tok_[i].b; }

  // A filter of organisation begins or ends: a bit for token % 1024.
  static constexpr size_t kOrgBitWords = 16;
  static void SetOrgBit(uint64_t* bits, size_t k) { bits[(k >> 6) % kOrgBitWords] |= uint64_t{1} << (k & 63); }
  static bool OrgBit(const uint64_t* bits, size_t k) { return (bits[(k >> 6) % kOrgBitWords] >> (k & 63)) & 1; }
  // Begin token + 1 of the organisation that ends at token `end`, end token + 1 of the one that
  // begins at `begin` (0: none); a later organisation of the same end or start wins.
  size_t OrgEnding(size_t end) const {
    if (!OrgBit(org_end_bits_, end)) return 0;
    for (size_t k = org_spans_.size(); k-- > 0;) {
      if (org_spans_[k].second == end) return org_spans_[k].first + 1;
    }
    return 0;
  }
  size_t OrgStarting(size_t begin) const {
    if (!OrgBit(org_begin_bits_, begin)) return 0;
    for (size_t k = org_spans_.size(); k-- > 0;) {
      if (org_spans_[k].first == begin) return org_spans_[k].second + 1;
    }
    return 0;
  }

  // Token i continues a capitalised name that started before it (not at a sentence start, not
  // after a head or administrative word).
  bool InsideName(size_t i) const {
    if (i == 0 || !Cap(i - 1) || !Spaced(i) || SentenceStart(i)) return false;
    if (SentenceStart(i - 1) && !Cap(i - 2)) return false;  // "Theo ADB", "Tại Mỹ"
    return true;
  }

  // Capitalised words separated by single blanks from token i: at most `max`, stopping before a
  // word that starts a title, a head or an administrative word.
  size_t NameRun(size_t i, size_t max, bool first_adjacent_ok = false) const {
    size_t n = 0;
    while (n < max && i + n < n_ && Cap(i + n) && !Acronym(i + n) &&
           (n == 0 ? (first_adjacent_ok || Spaced(i)) : Spaced(i + n))) {
      // A title, head or administrative word ends the name when a capitalised name follows it
      // ("Nguyễn Văn A Giám đốc Sở …"); "Khoa" in "Bế Đăng Khoa –" is a given name.
      if (n > 0) {
        const Lens& l = LensAt(i + n);
        size_t w = std::max({l.len[kRoleTitles], l.len[kOrgHeads], l.len[kPlaceWords]});
        if (w > 0 && Cap(i + n + w) && Spaced(i + n + w)) break;
      }
      ++n;
    }
    return n;
  }

  // NameRun(i, 4, true), remembered per token: the finders ask it of the same words.
  size_t NameRun4(size_t i) const {
    if (i >= n_) return 0;
    if (!(flags_[i] & kRunDone)) {
      flags_[i] |= kRunDone;
      run_[i] = static_cast<uint8_t>(NameRun(i, 4, true));
    }
    return run_[i];
  }
  // Token i is a family name ("nguyễn", "bế"), remembered per token.
  bool Surname(size_t i) const {
    if (i >= n_) return false;
    if (!(flags_[i] & kSurnameDone)) flags_[i] |= kSurnameDone | (lex_.surnames.Contains(LowerAt(i)) ? kSurname : 0);
    return flags_[i] & kSurname;
  }

  // --- organisations -------------------------------------------------------------------------
  // The name after an organisation's head at token j: capitalised words, a lower-case syllable
  // completing one ("Y tế"), lower-case runs that lead to a capital ("khoa học và Công nghệ"),
  // "&" between words. Returns the end token.
  size_t OrgName(size_t j) const {
    size_t k = j;
    bool last_cap = false;
    while (k < n_ && (Spaced(k) || IsPunct(k, ','))) {
      // "Bộ Lao động - Thương binh và Xã hội": a spaced dash between a lower-case word of the
      // name and a capitalised one that is no place, title or person joins two halves of one name.
      if (IsPunct(k, '-') && k > j && IsWordTok(k - 1) && !tok_[k - 1].upper_initial && Spaced(k + 1) &&
          IsWordTok(k + 1) && tok_[k + 1].upper_initial && !tok_[k + 1].all_upper && !M(kPlaces, k + 1) &&
          !M(kPlaceWords, k + 1) && !M(kRoleTitles, k + 1) && !M(kPersonTitles, k + 1) &&
          !Surname(k + 1) && IsWordTok(k + 2) && !tok_[k + 2].upper_initial) {
        ++k;
        continue;
      }
      if (Is(k, TokenKind::kWord) || Is(k, TokenKind::kAlnum)) {
        if (tok_[k].upper_initial) {
          bool place = M(kPlaceWords, k) && !(IsWordTok(k + 1) && !tok_[k + 1].upper_initial);  // not "Xã hội"
          if ((Acronym(k) && M(kPlaceWords, k)) || (k > j && (place || M(kRoleTitles, k)))) break;
          // "Giám đốc Sở KH&CN Hà Thị Lụa": after a title, a family name and two more capitals
          // begin the person's name, not more of the organisation's.
          if (role_before_ && Surname(k) && NameRun4(k) >= 3) break;
          // "Y tế" completes a word; "KH&CN bám", "Hà Nội dự" do not
          last_cap = !tok_[k].all_upper && !(k > j && Cap(k - 1) && Spaced(k));
          ++k;
          continue;
        }
        // An administrative word ends the name only when it introduces a place ("xã hội" does not).
        if ((M(kPlaceWords, k) && (Cap(k + M(kPlaceWords, k)) || Is(k + M(kPlaceWords, k), TokenKind::kNumber))) ||
            M(kNameStops, k)) {
          break;
        }
        // a lower-case run of at most three words that reaches a capital
        size_t r = k;
        // ("xã hội" is society and "nông thôn" the countryside, no commune or hamlet: they are
        // part of the run)
        auto place_word = [&](size_t q) {
          return M(kPlaceWords, q) > 0 && !(WordIs(q, "xã") && WordIs(q + 1, "hội")) &&
                 !(q > 0 && WordIs(q - 1, "nông") && WordIs(q, "thôn"));
        };
        while (r < n_ && r - k < 3 && IsWordTok(r) && Spaced(r) && !tok_[r].upper_initial &&
               !M(kNameStops, r) && !place_word(r)) {
          ++r;
        }
        // "Báo Cao Bằng và Đài truyền hình tỉnh": "và" before another head joins two names.
        bool and_head = false;
        for (size_t q = k; q < r; ++q) and_head = and_head || (WordIs(q, "và") && M(kOrgHeads, r));
        // "Thương binh và Xã hội": "Xã" before a lower-case word introduces no place.
        bool place_next = M(kPlaceWords, r) && !(IsWordTok(r + 1) && !tok_[r + 1].upper_initial);
        // "phòng chống dịch Covid-19": a capitalised code counts as the capital reached.
        bool cap_r = Cap(r) || (Is(r, TokenKind::kAlnum) && tok_[r].upper_initial);
        if (r > k && r < n_ && cap_r && Spaced(r) && !place_next &&
            !M(kRoleTitles, r) && !and_head) {
          k = r;
          continue;
        }
        // "Ngân hàng Chính sách xã hội huyện Hòa An", "Phòng Nông nghiệp và Phát triển nông thôn
        // huyện Nguyên Bình": a lower-case run that ends the name right before the place it
        // belongs to.
        if (r > k && r < n_ && last_cap && place_next && Spaced(r) && !and_head &&
            (Cap(r + M(kPlaceWords, r)) || Is(r + M(kPlaceWords, r), TokenKind::kNumber))) {
          k = r;
          break;
        }
        // "Viện Ứng dụng công nghệ thuộc Bộ KH&CN": the name runs up to "thuộc".
        if (r > k && WordIs(r, "thuộc") && Cap(r + 1) && !and_head) {
          k = r;
          break;
        }
        if (last_cap && k > j) {  // "Y tế": one syllable completes the capitalised word
          ++k;
          last_cap = false;
          continue;
        }
        break;
      }
      if (IsPunct(k, '&') && Cap(k + 1)) {
        k += 1;
        continue;
      }
      // "Sở Văn hoá, Thể thao và Du lịch": a list of fields, its last joined by "và"
      if (IsPunct(k, ',') && Cap(k + 1) && Spaced(k + 1)) {
        bool list = false;
        for (size_t q = k + 2; q < n_ && q <= k + 5 && !list; ++q) list = WordIs(q, "và") && Cap(q + 1);
        if (list) {
          k += 1;
          continue;
        }
      }
      break;
    }
    return k;
  }

  // A place right after an organisation or a place: "tỉnh Cao Bằng", "TP. Hà Nội"; or a bare
  // administrative word ("tỉnh") when no name follows. Returns the end token (== j when none).
  // After "tỉnh", "thành phố", "TP" the name is a known province or city (so "UBND tỉnh Hoàng
  // Văn Minh" ends at "tỉnh"); after other words, a run of capitals. Returns the name's length.
  size_t PlaceNameAfter(size_t j, size_t w) const {
    size_t n = NameRun(j + w, 4, !Spaced(j + w) && IsPunct(j + w - 1, '.'));
    if (n == 0 && Acronym(j + w)) n = 1;  // "TP.HCM"
    std::string_view word = LowerSpan(j, j + w);
    if (word == "tỉnh" || word == "thành phố" || word == "tp" || word == "tp.") {
      size_t g = Cap(j + w) ? M(kPlaces, j + w) : 0;
      if (g > 0) return g;
      if (n > 0 && Acronym(j + w)) return 1;
      return 0;
    }
    return n;
  }

  size_t PlaceSuffix(size_t j, bool allow_bare, size_t* name_begin) const {
    size_t w = M(kPlaceWords, j);
    *name_begin = j;
    if (w == 0 || !Spaced(j) || (tok_[j].upper_initial && !Acronym(j))) return j;
    size_t n = PlaceNameAfter(j, w);
    if (n > 0) {
      *name_begin = j + w;
      return j + w + n;
    }
    return allow_bare ? j + w : j;
  }

  // A capitalised word within the next four tokens: lower-case words start a name only there.
  bool NearCapital(size_t i, size_t reach = 4) const {
    for (size_t k = i + 1; k < n_ && k <= i + reach; ++k) {
      if (Cap(k)) return true;
      if (Is(k, TokenKind::kBreak)) return false;
    }
    return false;
  }

  void FindOrganizations() {
    size_t q = 0;
    for (size_t i = Next(starts_, &q, 0); i < n_; i = Next(starts_, &q, i + 1)) {
      if (!Has(i, kIsWord) || Has(i, kIsTaken)) continue;
      if (!tok_[i].upper_initial && !NearCapital(i)) continue;
      const std::string* known = nullptr;
      const Lens& l = LensAt(i);
      size_t head = l.len[kOrgHeads];
      if (head > 0 && l.len[kRoleTitles] > head) head = 0;  // "Bộ trưởng" is a title
      if (head > 0 && l.len[kNotOrgHeads] > head) head = 0;  // "Khoa học", "Hội nghị"
      if (head > 0 && l.len[kPlaces] > head) head = 0;         // "Đài Loan" is a place
      if (head > 0 && l.len[kKnownOrgs] >= head && tok_[i].upper_initial) head = 0;  // "Chính phủ"
      if (head == 1 && Surname(i) && NameRun4(i) >= 3) head = 0;  // "Đoàn Thu Hà"
      if (head > 0 && M(kNotOrgHeads, i) == head && !tok_[i].all_upper &&
          !(tok_[i].upper_initial && Cap(i + head))) {
        head = 0;
      }
      if (head > 0) {
        std::string_view head_text = LowerSpan(i, i + head);
        size_t syllables = std::count(head_text.begin(), head_text.end(), ' ') + 1;
        bool standalone = syllables >= 3 || Acronym(i);
        bool capital = tok_[i].upper_initial;
        // A lower-case head names a body only when it has two syllables or more ("tập đoàn
        // Thành Công", "ngân hàng Nhà nước"; "trụ sở UBND" is no "sở"), is no common noun, and
        // does not end a noun begun by the word before it ("cán bộ").
        if (!capital && (syllables < 2 || M(kNotOrgHeads, i) > 0 ||
                         (i > 0 && IsWordTok(i - 1) && Match(lex_.nouns, i - 1) > 1))) {
          continue;
        }
        role_before_ = B(kRoleTitles, i) > 0 || B(kPersonTitles, i) > 0;
        size_t end = OrgName(i + head);
        role_before_ = false;
        bool has_name = end > i + head;
        // A lower-case head names a body only before a capitalised name ("tập đoàn Thành Công",
        // "nhà máy điện hạt nhân Fukushima") or, when it is a whole name, before a place.
        if (!capital && !standalone && !has_name) continue;
        Mention m{RecordType::kOrganization, i, end, {}, {}, head_text, {}, {}, {}, "organization.head"};
        // "(KH&CN)": an abbreviation defined right after the name
        if (IsPunct(end, '(') && Acronym(end + 1) && IsPunct(end + 2, ')')) {
          m.abbr = TextAt(end + 1);
          end += 3;
        }
        size_t place_name = 0;
        size_t suffix = PlaceSuffix(end, has_name || standalone, &place_name);
        bool has_place = suffix > end;
        if (!has_name && !has_place) {
          if (capital && Acronym(i)) {  // "HĐND", "UBND" alone
            m.end = i + head;
            AddOrg(m, i + head, i + head);
            continue;
          }
          if (capital && head == 1) {
            m.alias = true;
            m.end = i + head;
            m.rule = "organization.alias";
            AddOrg(m, i + head, i + head);
          }
          continue;
        }
        if (!capital && !has_place && !has_name) continue;
        m.end = suffix;
        // (m.abbr is read before m is moved: C++ leaves the order of arguments unspecified)
        size_t name_e = end - (m.abbr.empty() ? 0 : 3);
        AddOrg(m, has_name ? i + head : i, name_e);
        i = suffix - 1;
        continue;
      }
      if (tok_[i].upper_initial && M(kKnownOrgs, i) > 0) {
        // (M is Match's answer, as for the gazetteer in FindLocations: one lookup, no walk)
        size_t n = M(kKnownOrgs, i);
        known = lex_.known_orgs.Find(LowerSpan(i, i + n));
        if (!known) continue;  // (cannot happen: the span is a key)
        // Only as a whole name: not inside a longer capitalised run.
        if (InsideName(i)) continue;
        Mention m{RecordType::kOrganization, i, i + n, LowerName(*known), std::string(TextSpan(i, i + n)), {}, {}, {}, {},
                  "organization.known"};
        // "Tỉnh ủy Cao Bằng": a known body and the place it belongs to
        if (Cap(i + n) && Spaced(i + n) && M(kPlaces, i + n) > 0) {
          size_t g = M(kPlaces, i + n);
          m.end = i + n + g;
          m.value = std::string(TextSpan(i, i + n + g));
          m.key = LowerName(TraditionalTones(m.value));
          n += g;
        }
        if (IsPunct(i + n, '(') && Acronym(i + n + 1) && IsPunct(i + n + 2, ')')) {  // "(WHO)"
          m.abbr = TextAt(i + n + 1);
          abbr_key_[m.abbr] = m.key;
          m.end = i + n + 3;
        }
        size_t end = m.end;
        orgs_.push_back(std::move(m));
        i = end - 1;
        continue;
      }
      // "Theo Reuters" alone on a line: the source is an organisation.
      if (tok_[i].upper_initial && (i == 0 || tok_[i - 1].kind == TokenKind::kBreak) && WordIs(i, "theo")) {
        size_t n = NameRun(i + 1, 4);
        if (n > 0 && (i + 1 + n == n_ || Is(i + 1 + n, TokenKind::kBreak))) {
          std::string name(TextSpan(i + 1, i + 1 + n));
          const std::string* known2 = nullptr;
          std::string value = Match(lex_.known_orgs, i + 1, &known2) == n ? *known2 : name;
          Mention m{RecordType::kOrganization, i + 1, i + 1 + n, LowerName(value), value, {}, {}, {}, {}, "organization.source"};
          orgs_.push_back(std::move(m));
          i += n;
          continue;
        }
      }
      // An abbreviation defined earlier, alone: "WB" after "Ngân hàng Thế giới (WB)".
      if (Acronym(i) && !lex_.acronyms.Contains(LowerAt(i))) {  // "KH&CN" alone is a field, not a body
        auto it = abbr_key_.find(TextAt(i));
        if (it != abbr_key_.end()) {
          Mention m{RecordType::kOrganization, i, i + 1, it->second, {}, {}, {}, {}, {}, "organization.abbreviation"};
          orgs_.push_back(std::move(m));
        }
      }
    }
  }

  // A new mention at the end of *list, built there (not moved in): the rest is filled by the caller.
  static Mention& Add(std::vector<Mention>* list, RecordType type, size_t b, size_t e, const char* rule) {
    Mention& m = list->emplace_back();
    m.type = type;
    m.begin = b;
    m.end = e;
    m.rule = rule;
    return m;
  }

  // Key and value of an organisation [m.begin, m.end) whose name words are [name_b, name_e); the
  // mention is then moved into orgs_.
  void AddOrg(Mention& m, size_t name_b, size_t name_e) {
    std::string value;
    std::string key_words;
    {  // (a guess that saves the growing: acronyms may be spelled out longer)
      const size_t bytes = tok_[m.end - 1].e - tok_[m.begin].b + 16;
      value.reserve(bytes);
      key_words.reserve(bytes);
    }
    size_t place_b = m.end;  // where a place written after the name begins
    {
      size_t k = name_e;
      if (!m.abbr.empty() && IsPunct(k, '(')) k += 3;
      if (k < m.end && M(kPlaceWords, k)) place_b = k;
    }
    for (size_t k = m.begin; k < m.end; ++k) {
      if (!m.abbr.empty() && k == name_e && IsPunct(k, '(')) {
        k += 2;  // "(KH&CN)" stays out of the value
        continue;
      }
      if (k == place_b) {  // "tỉnh Cao Bằng", "TP.HCM": the place's own value
        std::string place;
        PlaceValue(k, k + M(kPlaceWords, k), m.end, &place, nullptr);
        if (!value.empty()) value += ' ';
        value += place;
        if (name_b == m.begin) {
          if (!key_words.empty()) key_words += ' ';
          key_words += place;
        }
        break;
      }
      std::string_view word = TextAt(k);
      if (Acronym(k)) {
        if (const std::string* full = lex_.acronyms.Find(LowerAt(k))) word = *full;
      }
      if (!value.empty() && tok_[k].space_before) value += ' ';
      value += word;
      if (k < name_e || name_b == m.begin) {
        if (!key_words.empty() && tok_[k].space_before) key_words += ' ';
        key_words += word;
      }
    }
    const bool key_is_value = key_words == value;
    m.value = std::move(value);
    TraditionalTonesInPlace(&m.value);
    // (the key before the capital below)
    if (key_is_value) {
      m.key = LowerName(m.value);
    } else {
      TraditionalTonesInPlace(&key_words);
      m.key = LowerName(key_words);
    }
    // "ngân hàng Nhà nước" → "Ngân hàng Nhà nước": a name starts with a capital
    if (!m.value.empty() && m.value[0] >= 'a' && m.value[0] <= 'z') m.value[0] = static_cast<char>(m.value[0] - 32);
    else if (!m.value.empty() && !tok_[m.begin].upper_initial) {
      icu::UnicodeString u = icu::UnicodeString::fromUTF8(m.value);
      u.replace(0, 1, icu::UnicodeString(u.char32At(0)).toUpper());
      m.value.clear();
      u.toUTF8String(m.value);
    }
    if (!m.abbr.empty()) abbr_key_[m.abbr] = m.key;
    orgs_.push_back(std::move(m));
  }

  // --- places ----------------------------------------------------------------------------------
  void FindLocations() {
    std::vector<std::pair<const std::string*, size_t>> gazetteer_seen;  // entry → its first mention in places_
    size_t q = 0;
    for (size_t i = Next(starts_, &q, 0); i < n_; i = Next(starts_, &q, i + 1)) {
      if (!Has(i, kIsWord) || Has(i, kIsTaken)) continue;
      if (!tok_[i].upper_initial && !NearCapital(i, 3) && !Is(i + 1, TokenKind::kNumber)) continue;
      size_t w = M(kPlaceWords, i);
      // "Hợp tác xã Nông nghiệp …" is a cooperative, not a commune: words of not_place_before.txt
      // turn the place word away too.
      if (w > 0 && MatchBefore(lex_.not_place_before, i) > 0) w = 0;
      if (w > 0 && (!tok_[i].upper_initial || SentenceStart(i) || Acronym(i))) {  // "TP Đà Nẵng"
        size_t n = PlaceNameAfter(i, w);
        // "phường 2", "quận 7": numbered wards and districts
        if (n == 0 && Is(i + w, TokenKind::kNumber) && Spaced(i + w) && TextAt(i + w).size() <= 2 &&
            (WordIs(i, "phường") || WordIs(i, "quận") || WordIs(i, "khu") || WordIs(i, "ấp"))) {
          n = 1;
        }
        if (n > 0) {
          AddPlace(i, i + w, i + w + n, kPlaceWordRule);
          i = i + w + n - 1;
          continue;
        }
      }
      // M(kPlaces, i) is Match(lex_.places, i): the merged table's walk goes on as long as the
      // gazetteer's own would (its entries say which tables have a longer key), and records the
      // gazetteer's keys on the way. So the entry is that of the span M gives: one lookup, no walk.
      const std::string* canon = nullptr;
      size_t g = (Cap(i) && M(kPlaces, i) > 0) || M(kPlaces, i) > 1 ? M(kPlaces, i) : 0;
      if (g > 0) canon = lex_.places.Find(LowerSpan(i, i + g));
      if (!canon) g = 0;  // (cannot happen: the span is a key)
      if (g > 0 && !Cap(i)) {  // "đồng bằng sông Cửu Long": lower-case start, a capital inside
        bool cap_inside = false;
        for (size_t k = i; k < i + g; ++k) cap_inside = cap_inside || Cap(k);
        if (!cap_inside) g = 0;
      }
      if (g > 0) {
        // "Anh", "Đức", "Nga" open sentences as pronouns and names: not there; "Nhật ký" is no Japan.
        bool ambiguous = (g == 1 && SentenceStart(i) && Bytes(i) <= 4) || Match(lex_.not_places, i) > g ||
                         MatchBefore(lex_.not_place_before, i) > 0;
        if (!ambiguous) {
          // The value and key come from the gazetteer's entry alone: a place named again
          // takes those of its earlier mention.
          auto seen = std::find_if(gazetteer_seen.begin(), gazetteer_seen.end(),
                                   [&](const std::pair<const std::string*, size_t>& s) { return s.first == canon; });
          const size_t first = seen != gazetteer_seen.end() ? seen->second : places_.size();
          Mention& m = Add(&places_, RecordType::kLocation, i, i + g, kGazetteerRule);
          if (first < places_.size() - 1) {
            m.value = places_[first].value;
            m.key = places_[first].key;
          } else {
            m.value = std::string_view(*canon).substr(0, canon->find('\t'));
            TraditionalTonesInPlace(&m.value);
            m.key = LowerName(m.value);
            gazetteer_seen.emplace_back(canon, first);
          }
          i += g - 1;
        }
      }
    }
    // parent: "xã Nguyễn Huệ, huyện Hòa An"
    for (size_t k = 0; k + 1 < places_.size(); ++k) {
      Mention& a = places_[k];
      const Mention& b = places_[k + 1];
      if (IsPunct(a.end, ',') && b.begin == a.end + 1 && RuleIs(b.rule, kPlaceWordRule)) {
        a.parent = TextSpan(b.begin, b.end);
      }
      // "huyện Trùng Khánh (Cao Bằng)"
      if (IsPunct(a.end, '(') && b.begin == a.end + 1 && IsPunct(b.end, ')')) {
        a.parent = TextSpan(b.begin, b.end);
      }
    }
  }

  void AddPlace(size_t b, size_t name_b, size_t e, const char* rule) {
    Mention& m = Add(&places_, RecordType::kLocation, b, e, rule);
    PlaceValue(b, name_b, e, &m.value, &m.key);
  }

  // Value and key of the place [b, e) whose name starts at name_b: the gazetteer's name when it
  // knows the whole ("TP.HCM" → "thành phố Hồ Chí Minh"), else the administrative word in lower
  // case and spelled out ("TP" → "thành phố") and the name as written.
  // (key may be null: not wanted)
  void PlaceValue(size_t b, size_t name_b, size_t e, std::string* value, std::string* key) const {
    if (const std::string* whole = lex_.places.Find(LowerSpan(b, e))) {
      *value = whole->substr(0, whole->find('\t'));
      TraditionalTonesInPlace(value);
      if (key) *key = LowerName(*value);
      return;
    }
    std::string_view name = TextSpan(name_b, e);
    if (key) {
      const std::string* canon = name.empty() ? nullptr : lex_.places.Find(LowerSpan(name_b, e));
      std::string k(canon ? std::string_view(*canon).substr(0, canon->find('\t')) : name);
      TraditionalTonesInPlace(&k);
      *key = LowerName(k);
    }
    std::string_view word = name_b > b ? LowerSpan(b, name_b) : std::string_view();
    if (word == "tp" || word == "tp.") word = "thành phố";
    else if (word == "tx" || word == "tx.") word = "thị xã";
    else if (word == "tt" || word == "tt.") word = "thị trấn";
    value->clear();
    value->reserve(word.size() + 1 + name.size());
    *value += word;
    if (!word.empty() && !name.empty()) *value += ' ';
    *value += name;
    TraditionalTonesInPlace(value);
  }

  // --- people ----------------------------------------------------------------------------------
  // The title phrase ending just before token i ("Giám đốc Sở KH&CN", "ông"), as [b, i).
  size_t TitleBefore(size_t i, bool* is_role) const {
    *is_role = false;
    // "tiền đạo người Brazil Claudecir Junior": a nationality between the title and the name.
    if (i >= 3 && B(kPersonTitles, i) == 0 && PersonWordBefore(i)) {
      size_t g = B(kPlaces, i);
      if (g > 0 && i > g && WordIs(i - g - 1, "người") && B(kPersonTitles, i - g - 1) > 0) {
        size_t t = TitleBefore(i - g - 1, is_role);
        return t < i - g - 1 ? t : i;
      }
    }
    size_t n = B(kPersonTitles, i);
    if (n > 0) {
      *is_role = B(kRoleTitles, i) == n;
      return i - n;
    }
    // a role title followed by an organisation: "Bộ trưởng Bộ Y tế Nguyễn Thanh Long"
    if (size_t org = OrgEnding(i); org > 1) {  // (one that begins at token 0 has no title before it)
      size_t begin = org - 1;
      size_t r = B(kRoleTitles, begin);
      if (r > 0) {
        *is_role = true;
        return begin - r;
      }
    }
    return i;
  }

  // A "người" within reach of a place name that ends before token i: without one, TitleBefore's
  // nationality case cannot arise and the place need not be looked up.
  bool PersonWordBefore(size_t i) const {
    size_t reach = lex_.places.max_tokens() + 1;
    size_t from = i > reach ? i - reach : 0;
    // the first "người" at or after `from`, before i - 1
    auto it = std::lower_bound(person_words_.begin(), person_words_.end(), static_cast<uint32_t>(from));
    return it != person_words_.end() && *it + 2 <= i;
  }

  // [b, e) is the name of a place already written with its administrative word.
  bool IsPlaceName(size_t b, size_t e) const {
    std::string_view name = LowerSpan(b, e);
    return (place_name_sizes_ & SizeBit(name)) && place_names_.Find(name);
  }
  // A bit for the length of s, to turn away most lookups in the small sets of names at once.
  static uint64_t SizeBit(std::string_view s) { return uint64_t{1} << (s.size() & 63); }

  // The names of places written with their administrative word, for IsPlaceName.
  void CollectPlaceNames() {
    place_names_ = ViewMap<bool>(places_.size());
    for (const Mention& l : places_) {
      if (!RuleIs(l.rule, kPlaceWordRule)) continue;
      size_t w = M(kPlaceWords, l.begin);
      if (l.end > l.begin + w) {
        place_names_.Emplace(LowerSpan(l.begin + w, l.end), true);
        place_name_sizes_ |= SizeBit(LowerSpan(l.begin + w, l.end));
      }
    }
  }

  // A role written after the name: "Bế Đăng Khoa – Giám đốc Sở KH&CN".
  std::string_view RoleAfter(size_t e) const {
    if (!(IsPunct(e, '-') || IsPunct(e, ','))) return {};
    size_t r = M(kRoleTitles, e + 1);
    if (r == 0) return {};
    size_t end = e + 1 + r;
    if (size_t org = OrgStarting(end); org > 0) {
      end = org - 1;
    } else {
      // "Trưởng phòng Văn hóa và Thông tin huyện", "Phó Bí thư Thường trực Tỉnh ủy"
      bool last_cap = false;
      while (end < n_ && Spaced(end) && IsWordTok(end)) {
        if (Cap(end)) {
          last_cap = true;
        } else if (size_t w = M(kPlaceWords, end)) {
          size_t n = PlaceNameAfter(end, w);
          end += w + n;
          break;
        } else if (last_cap || WordIs(end, "và")) {
          last_cap = false;
        } else {
          break;
        }
        ++end;
      }
    }
    return TextSpan(e + 1, end);
  }

  void FindPersons() {
    // The title before a capital (TitleBefore) is the costliest question: it is asked last.
    auto titled_at = [&](size_t i, bool* is_role, size_t* t) {
      *t = TitleBefore(i, is_role);
      return *t < i && (!tok_[*t].upper_initial || SentenceStart(*t) || *is_role);
    };
    size_t q = 0;
    for (size_t i = Next(caps_, &q, 0); i < n_; i = Next(caps_, &q, i + 1)) {
      if ((flags_[i] & (kIsCap | kIsAcronym | kIsTaken)) != kIsCap) continue;
      // A name in the user's list of people (people.tsv): a person as listed, title or not.
      const std::string* listed = nullptr;
      size_t kn = lex_.known_people.max_tokens() > 0 ? Match(lex_.known_people, i, &listed) : 0;  // mostly empty
      if (kn > 0) {
        bool is_role = false;
        size_t t = i;
        bool titled = titled_at(i, &is_role, &t);
        Mention m{RecordType::kPerson, i, i + kn, {}, {}, {}, {}, {}, {}, "person.list"};
        // As for organisations: the name as written; the listed canonical name links mentions.
        m.value = TraditionalTones(TextSpan(i, i + kn));
        m.key = LowerName(listed->empty() ? m.value : TraditionalTones(*listed));
        m.alias = false;
        if (titled && is_role) m.role = TextSpan(t, i);
        if (m.role.empty()) m.role = RoleAfter(i + kn);
        persons_.push_back(std::move(m));
        i += kn - 1;
        continue;
      }
      // A title word or a head word is no name ("đồng chí Phó Giám đốc", "Giám đốc Sở").
      auto family_name = [&] { return Surname(i) && NameRun4(i) >= 3; };  // "Đoàn Thu Hà"
      const Lens& l = LensAt(i);
      if (l.len[kPersonTitles] || (l.len[kOrgHeads] && !family_name()) || l.len[kPlaceWords]) continue;
      // A body's name is no person's ("Chủ tịch HĐQT Eximbank").
      if (l.len[kKnownOrgs]) continue;
      size_t n = NameRun4(i);
      // "hoa hậu Mỹ Latin Laura Zuniga": after a title, a place between the title and the name.
      size_t g = M(kPlaces, i);
      bool may_shift = n > 1 && g > 0 && n - g >= 2;
      // A short place is no name ("Hoa hậu Mexico"); a long one may be ("Chủ tịch Hồ Chí Minh");
      // "Vĩnh Châu" after "thị xã Vĩnh Châu" is a place; one letter is initials ("N.T").
      // (Inlined: asked of nearly every capital, and a call costs as much as the question.)
      auto no_name = [&]() __attribute__((always_inline)) {
        return (n <= 2 && M(kPlaces, i) >= n) || (n == 1 && Bytes(i) <= 2) || IsPlaceName(i, i + n);
      };
      if (!may_shift && no_name()) continue;  // (the title changes nothing here: asked after)
      bool is_role = false;
      size_t t = i;
      bool titled = titled_at(i, &is_role, &t);
      if (may_shift && titled) {
        i += g;
        n -= g;
      }
      if (may_shift && no_name()) continue;
      // After a role, one word followed by a lower-case word is the title's complement ("Bộ
      // trưởng Y tế", "Hoa hậu Quốc tế").
      if (titled && is_role && n == 1 && IsWordTok(i + 1) && !tok_[i + 1].upper_initial && Spaced(i + 1)) continue;
      // Without a title, a name starts with a family name and has three syllables or more
      // ("Nguyễn Văn Hùng"; "Kim Tuyên" is a tea), and is not a place ("Thái Bình Dương").
      if (!titled && !(n >= 3 && M(kPlaces, i) < n && Surname(i))) continue;
      if (!titled && i > 0 && Cap(i - 1) && Spaced(i) && !SentenceStart(i)) continue;  // inside a longer name
      if (n == 0) continue;
      Mention& m = Add(&persons_, RecordType::kPerson, i, i + n, titled ? "person.title" : "person.surname");
      m.value = TraditionalTones(TextSpan(i, i + n));
      m.key = LowerName(m.value);
      m.alias = n == 1;
      if (titled && is_role) m.role = TextSpan(t, i);
      if (titled && !is_role && t >= 2 && IsPunct(t - 1, '-')) {
        if (size_t org = OrgEnding(t - 1); org > 0) {
          size_t begin = org - 1;
          if (size_t r = B(kRoleTitles, begin)) m.role = TextSpan(begin - r, t - 1);
        }
      }
      if (m.role.empty()) m.role = RoleAfter(i + n);  // a title before the name wins
      i += n - 1;
    }
    Repeats();
  }

  // Names already found, written again without their title or administrative word: "Laura
  // Zuniga" after "người đẹp Laura Zuniga", "Đức Chinh" after "Hà Đức Chinh", "Vĩnh Châu" after
  // "thị xã Vĩnh Châu"; and a byline, the last line of an article when it is a bare name.
  void Repeats() {
    // (keys are views of the document's lower-case text)
    ViewMap<const Mention*> names(3 * persons_.size());  // lower-case name → a mention of it
    uint64_t name_sizes = 0;                              // SizeBit of every name
    auto add_name = [&](std::string_view name, const Mention* p) {
      names.Emplace(name, p);
      name_sizes |= SizeBit(name);
    };
    for (const Mention& p : persons_) {
      if (p.end - p.begin < 2) continue;
      add_name(LowerSpan(p.begin, p.end), &p);
      if (p.end - p.begin >= 3) add_name(LowerSpan(p.begin + 1, p.end), &p);
      // A foreign name written first-name first is repeated by its first word ("Claudecir").
      if (!Surname(p.begin) && Bytes(p.begin) > 3) {
        add_name(LowerAt(p.begin), &p);
      }
    }
    ViewMap<std::string> places(places_.size());  // lower-case name → key
    uint64_t place_sizes = 0;
    for (const Mention& l : places_) {
      if (!RuleIs(l.rule, kPlaceWordRule)) continue;
      size_t w = M(kPlaceWords, l.begin);
      if (l.end - l.begin > w && Cap(l.begin + w)) {
        places.Emplace(LowerSpan(l.begin + w, l.end), l.key);
        place_sizes |= SizeBit(LowerSpan(l.begin + w, l.end));
      }
    }
    // (kUsed: the tokens of the mentions found)
    for (auto* list : {&orgs_, &places_, &persons_}) {
      for (const Mention& m : *list) {
        if (RuleIs(m.rule, kGazetteerRule)) continue;  // "Đức" of "Đức Chinh"
        for (size_t k = m.begin; k < m.end; ++k) flags_[k] |= kUsed;
      }
    }
    std::vector<Mention> more;
    size_t q = 0;
    for (size_t i = Next(caps_, &q, 0); i < n_; i = Next(caps_, &q, i + 1)) {
      if ((flags_[i] & (kIsCap | kIsTaken | kUsed)) != kIsCap || InsideName(i)) continue;
      size_t n = NameRun4(i);
      if (n == 0) continue;
      std::string_view name = LowerSpan(i, i + n);
      if (const std::string* pl = place_sizes & SizeBit(name) ? places.Find(name) : nullptr) {
        // A gazetteer place of the very same span ("Trùng Khánh" after "huyện Trùng Khánh")
        // becomes a mention of that place rather than a second record.
        auto same = std::find_if(places_.begin(), places_.end(), [&](const Mention& l) { return l.begin == i && l.end == i + n; });
        if (same != places_.end()) {
          same->key = *pl;
          continue;
        }
        Mention m{RecordType::kLocation, i, i + n, *pl, TraditionalTones(TextSpan(i, i + n)),
                  {}, {}, {}, {}, "location.repeat"};
        more.push_back(std::move(m));
      } else if (const Mention* const* it = name_sizes & SizeBit(name) ? names.Find(name) : nullptr) {
        Mention m{RecordType::kPerson, i, i + n, (*it)->key, (*it)->value, {}, {}, {}, {}, "person.repeat"};
        more.push_back(std::move(m));
      } else if (n >= 2 && !WordIs(i, "theo") && n <= 4 && (i + n == n_ || Is(i + n, TokenKind::kBreak)) &&
                 (i == 0 || Is(i - 1, TokenKind::kBreak)) && Bytes(i) > 1) {
        // a byline: the line holds the name alone, and it is the document's last line
        size_t k = i + n;
        while (k < n_ && Is(k, TokenKind::kBreak)) ++k;
        // ... or the line before a last "Theo <source>" line
        if (k < n_ && WordIs(k, "theo") && tok_[k].upper_initial) {
          size_t q = k;
          while (q < n_ && !Is(q, TokenKind::kBreak)) ++q;
          while (q < n_ && Is(q, TokenKind::kBreak)) ++q;
          if (q == n_) k = q;
        }
        if (k == n_) {
          Mention m{RecordType::kPerson, i, i + n, std::string(name), TraditionalTones(TextSpan(i, i + n)), {}, {}, {},
                    {}, "person.byline"};
          more.push_back(std::move(m));
        }
      }
      i += n - 1;
    }
    for (Mention& m : more) (m.type == RecordType::kPerson ? persons_ : places_).push_back(std::move(m));
  }

  // --- overlaps and links ----------------------------------------------------------------------
  static bool Overlap(const Mention& a, const Mention& b) { return a.begin < b.end && b.begin < a.end; }

  void Resolve() {
    // Organisations: the longest wins (sorted by index, not by moving mentions around).
    std::vector<uint32_t> order(orgs_.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
      return orgs_[a].end - orgs_[a].begin > orgs_[b].end - orgs_[b].begin;
    });
    std::vector<Mention> kept;
    kept.reserve(orgs_.size());
    for (uint32_t k : order) {
      Mention& m = orgs_[k];
      bool clash = std::any_of(kept.begin(), kept.end(), [&](const Mention& o) { return Overlap(o, m); });
      if (!clash) kept.push_back(std::move(m));
    }
    orgs_ = std::move(kept);
    // A person wins over a gazetteer place inside the name ("Chủ tịch Hồ Chí Minh", "Tuấn Anh").
    places_.erase(std::remove_if(places_.begin(), places_.end(),
                                 [&](const Mention& l) {
                                   return !RuleIs(l.rule, kPlaceWordRule) &&
                                          std::any_of(persons_.begin(), persons_.end(),
                                                      [&](const Mention& p) { return Overlap(l, p); });
                                 }),
                  places_.end());
    // Places may sit inside an organisation; a person may not sit inside either.
    persons_.erase(std::remove_if(persons_.begin(), persons_.end(),
                                  [&](const Mention& p) {
                                    return std::any_of(orgs_.begin(), orgs_.end(),
                                                       [&](const Mention& o) { return !o.alias && Overlap(o, p); }) ||
                                           std::any_of(places_.begin(), places_.end(),
                                                       [&](const Mention& l) { return Overlap(l, p); });
                                  }),
                   persons_.end());
    // A bare head inside a person's name ("Khoa" of "Bế Đăng Khoa") is no organisation.
    orgs_.erase(std::remove_if(orgs_.begin(), orgs_.end(),
                               [&](const Mention& o) {
                                 return o.alias && std::any_of(persons_.begin(), persons_.end(),
                                                               [&](const Mention& p) { return Overlap(o, p); });
                               }),
                orgs_.end());
  }

  // Gives the mentions their entities' ids and appends them to *out.
  void Link(std::vector<Candidate>* out) {
    std::vector<Mention*> all;
    all.reserve(orgs_.size() + places_.size() + persons_.size());
    for (auto* list : {&orgs_, &places_, &persons_}) {
      for (Mention& m : *list) {
        bool bad = false;
        for (size_t k = m.begin; k < m.end && !bad; ++k) bad = flags_[k] & kIsTaken;
        if (!bad) all.push_back(&m);
      }
    }
    std::stable_sort(all.begin(), all.end(), [](const Mention* a, const Mention* b) { return a->begin < b->begin; });
    struct Entity {
      char id[16];            // "P12" (id_size bytes)
      size_t id_size;
      std::string* value;     // the fullest name written: one of its mentions' values
      std::string_view head;  // (views of a mention's head and key)
      std::string_view last;  // last syllable of a person's name
      int mentions = 0;       // left to write out
    };
    std::vector<Entity> entities;
    entities.reserve(all.size());
    std::vector<int> entity_of(all.size(), -1);
    int counters[3] = {0, 0, 0};
    auto prefix = [](RecordType t) { return t == RecordType::kPerson ? 0 : t == RecordType::kOrganization ? 1 : 2; };
    ViewMap<int> by_key(all.size());  // (kind, key) → entity (views of the mentions' keys)
    for (size_t k = 0; k < all.size(); ++k) {
      Mention& m = *all[k];
      int p = prefix(m.type);
      int found = -1;
      if (m.alias && m.type == RecordType::kOrganization) {
        for (int e = static_cast<int>(entities.size()) - 1; e >= 0 && found < 0; --e) {
          if (entities[e].id[0] == 'O' && entities[e].head == m.head) found = e;
        }
        if (found < 0) continue;  // a bare head with nothing named before: no mention
      } else if (m.alias && m.type == RecordType::kPerson) {
        for (int e = static_cast<int>(entities.size()) - 1; e >= 0 && found < 0; --e) {
          if (entities[e].id[0] == 'P' && entities[e].last == m.key) found = e;
        }
      }
      int* slot = nullptr;  // by_key's entry for m.key (-1 when new)
      if (found < 0) {
        slot = &by_key.Emplace(m.key, -1, static_cast<uint8_t>(p));
        found = *slot;
      }
      if (found < 0) {
        static const char kLetters[] = {'P', 'O', 'L'};
        Entity e{{kLetters[p]}, 1, &m.value, m.head, {}};
        e.id_size = static_cast<size_t>(std::to_chars(e.id + 1, e.id + sizeof e.id, ++counters[p]).ptr - e.id);
        size_t sp = m.key.rfind(' ');
        e.last = sp == std::string::npos ? std::string_view(m.key) : std::string_view(m.key).substr(sp + 1);
        entities.push_back(std::move(e));
        found = static_cast<int>(entities.size()) - 1;
        *slot = found;
      } else if (m.value.size() > entities[found].value->size() && !m.alias) {
        entities[found].value = &m.value;  // the fullest name written
      }
      entity_of[k] = found;
      ++entities[found].mentions;
    }
    out->reserve(out->size() + all.size());
    for (size_t k = 0; k < all.size(); ++k) {
      if (entity_of[k] < 0) continue;
      Mention& m = *all[k];
      Candidate& c = out->emplace_back();
      c.type = m.type;
      c.begin = m.begin;
      c.end = m.end;
      Entity& e = entities[entity_of[k]];
      // (the value is read no more after the entity's last mention)
      if (--e.mentions == 0) c.value = std::move(*e.value);
      else c.value = *e.value;
      // (append: the fields are new and empty, and appending is the lighter copy)
      c.canonical.append(e.id, e.id_size);
      if (!m.role.empty()) c.role.append(m.role);
      if (!m.parent.empty()) c.parent.append(m.parent);
      c.rule = m.rule;
    }
  }

  const DocView& v_;
  const Lexicons& lex_;
  const size_t n_;  // tokens
  const Token* tok_ = nullptr;   // v_'s tokens
  const char* lower_ = nullptr;  // v_'s lower-case text (the tokens' offsets point into it)
  const char* norm_ = nullptr;   // v_'s normalized text (the same offsets)
  std::vector<Mention> orgs_, places_, persons_;
  std::map<std::string_view, std::string> abbr_key_;  // (views of the document's text)
  mutable ViewMap<bool> place_names_{0};     // (views of the document's lower-case text)
  uint64_t place_name_sizes_ = 0;            // SizeBit of every name in place_names_
  bool role_before_ = false;  // the organisation being read follows a title (OrgName)
  std::unique_ptr<uint16_t[]> flags_;  // Flag bits per token (mutable through the pointer)
  // The per-token caches, left uninitialised (most tokens never need them): the flags tell
  // which entries hold an answer.
  std::unique_ptr<Lens[]> lens_;
  std::unique_ptr<uint16_t[]> before_;  // B(t, i + 1) for person titles, role titles, places
  std::unique_ptr<uint8_t[]> run_;      // NameRun(i, 4, true)
  // Where a mention may start and the capitals not taken, in order, each ended by n_ and UINT32_MAX.
  std::vector<uint32_t> starts_, caps_;
  // The words "người" (person, people), in order: a nationality may follow them (TitleBefore).
  static constexpr std::string_view kPersonWord = "người";
  std::vector<uint32_t> person_words_;
  // The organisations FindOrganizations found, as [begin, end) spans, and a bit (SetOrgBit) of
  // each begin and end: most tokens are turned away without a look at the spans.
  std::vector<std::pair<uint32_t, uint32_t>> org_spans_;
  uint64_t org_begin_bits_[kOrgBitWords] = {}, org_end_bits_[kOrgBitWords] = {};
};

}  // namespace

void ExtractEntities(const DocView& v, const std::vector<Candidate>& numeric, std::vector<Candidate>* out) {
  Finder(v, numeric).Run(out);
}

}  // namespace vnextract::internal
