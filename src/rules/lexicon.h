// Word lists and small tables loaded from data/. Every key is stored in NFC lower case with
// single spaces, the form the tokenizer's `lower` text has, so a lookup is a substring compare.
#ifndef VNEXTRACT_RULES_LEXICON_H_
#define VNEXTRACT_RULES_LEXICON_H_

#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <re2/set.h>

#include "rules/data_source.h"
#include "rules/user_rules.h"
#include "vnextract/status.h"

namespace vnextract::internal {

class Segmenter;
struct LegacyTables;

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// Phrase → payload (empty payload for plain word lists). Lookups of spans that start or end with
// two bytes no key starts or ends with are answered from a bitmap without hashing, and the
// prefixes and suffixes of keys (cut where a token can end) let a search stop growing a span as
// soon as no key can contain it.
class PhraseTable {
 public:
  void Add(std::string key, std::string payload);
  // A key of the table `bit` stands for, in a table that merges several (see Lexicons::entity_all).
  void AddTagged(const std::string& key, uint16_t bit);

  // What a span is to the table: a key (with its payload), the start of a longer key, the end of
  // a longer key — one hash lookup answers all three.
  struct Entry {
    std::string payload;
    uint8_t kinds = 0;  // kKey | kPrefix | kSuffix
    uint16_t key_tables = 0;     // AddTagged: the tables whose key this is
    uint16_t prefix_tables = 0;  // AddTagged: the tables of which this starts a longer key
  };
  static constexpr uint8_t kKey = 1, kPrefix = 2, kSuffix = 4;
  // Inline, so that the common answer (no such span: one bit of the shape filter) costs a few
  // instructions at the call site; the hash and the table are out of line.
  [[gnu::always_inline]] const Entry* Lookup(std::string_view span) const {
    if (span.empty() || !Bit(shapes_, Shape(span))) return nullptr;
    return LookupHashed(span);
  }
  // The same for a span whose ShapeOf is known: a caller that asks several tables about one
  // span computes it once.
  static uint32_t ShapeOf(std::string_view nonempty_span) { return static_cast<uint32_t>(Shape(nonempty_span)); }
  [[gnu::always_inline]] const Entry* LookupShaped(std::string_view nonempty_span, uint32_t shape) const {
    if (!Bit(shapes_, shape)) return nullptr;
    return LookupHashed(nonempty_span);
  }
  const Entry* LookupHashed(std::string_view span) const;

  // The payload of `key`, or nullptr.
  const std::string* Find(std::string_view key) const {
    const Entry* e = Lookup(key);
    return e && (e->kinds & kKey) ? &e->payload : nullptr;
  }
  bool Contains(std::string_view key) const { return Find(key) != nullptr; }
  // Some key starts with `span` (cut at a token boundary) and is longer.
  bool IsPrefix(std::string_view span) const {
    const Entry* e = Lookup(span);
    return e && (e->kinds & kPrefix);
  }
  // Some key ends with `span` and is longer.
  bool IsSuffix(std::string_view span) const {
    const Entry* e = Lookup(span);
    return e && (e->kinds & kSuffix);
  }
  // The most tokens any key spans (words, and punctuation such as '/' in "km/h").
  size_t max_tokens() const { return max_tokens_; }
  template <typename F>
  void ForEachKey(F f) const {
    for (size_t k = 0; k < entries_.size(); ++k) {
      if (entries_[k].kinds & kKey) f(keys_[k]);
    }
  }

 private:
  // A first filter that needs no hash of the whole span: the length and the first, middle and
  // last bytes of every key, prefix and suffix, as one bit of 64K. Most words are no part of a
  // given table and differ from all its entries in one of these.
  static size_t Shape(std::string_view s) {
    size_t n = s.size();
    uint32_t x = static_cast<unsigned char>(s[0]) | static_cast<unsigned char>(s[n - 1]) << 8 |
                 static_cast<unsigned char>(s[n / 2]) << 16 | static_cast<uint32_t>(n) << 24;
    return (x * 0x9E3779B1u) >> 16;
  }
  // A 64K-bit Bloom filter over every key, prefix and suffix, with one cheap hash: most spans
  // that are none of them are turned away without touching the hash table. The hash reads the
  // span eight bytes at a time (spans are lookups of one to a few words: 2–40 bytes).
  static uint64_t Load64(const char* p) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
  }
  static uint32_t Load32(const char* p) {
    uint32_t w;
    std::memcpy(&w, p, 4);
    return w;
  }
  static uint32_t Fnv(std::string_view s) {
    const char* p = s.data();
    size_t n = s.size();
    uint64_t h = 0x9E3779B97F4A7C15ull ^ (n * 0xFF51AFD7ED558CCDull);
    for (; n > 8; n -= 8, p += 8) h = (h ^ Load64(p)) * 0xC4CEB9FE1A85EC53ull, h ^= h >> 31;
    uint64_t w;
    if (n >= 4) w = Load32(p) | uint64_t{Load32(p + n - 4)} << 32;  // the last 4–8 bytes (may overlap)
    else if (n > 0) w = static_cast<unsigned char>(p[0]) | static_cast<unsigned char>(p[n / 2]) << 8 | static_cast<unsigned char>(p[n - 1]) << 16;
    else w = 0;
    h = (h ^ w) * 0xFF51AFD7ED558CCDull;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ull;
    return static_cast<uint32_t>(h >> 32);
  }
  // Open addressing with linear probing over a power-of-two table: one cache line per probe
  // instead of a chain of nodes. A slot holds the key's hash, length and place in arena_, so
  // that a probe reads the slot and the key's bytes and nothing else. Returns the slot holding
  // `s`, or -1.
  struct Slot {
    uint32_t hash = 0;
    int32_t entry = -1;  // index into entries_ and keys_; -1 when empty
    uint32_t key_at = 0;  // the key is arena_[key_at, key_at + key_size)
    uint32_t key_size = 0;
  };
  // a[0, n) == b[0, n), inline for the keys of up to 16 bytes (most words and short phrases):
  // two loads from each end, which overlap when n < 16.
  static bool SameBytes(const char* a, const char* b, size_t n) {
    if (n >= 8) {
      if (n > 16) return std::memcmp(a, b, n) == 0;
      return Load64(a) == Load64(b) && Load64(a + n - 8) == Load64(b + n - 8);
    }
    if (n >= 4) return Load32(a) == Load32(b) && Load32(a + n - 4) == Load32(b + n - 4);
    for (size_t i = 0; i < n; ++i) {
      if (a[i] != b[i]) return false;
    }
    return true;
  }
  int32_t FindSlot(std::string_view s, uint32_t h) const {
    if (slots_.empty()) return -1;
    size_t mask = slots_.size() - 1;
    for (size_t p = h & mask;; p = (p + 1) & mask) {
      const Slot& slot = slots_[p];
      if (slot.entry < 0) return -1;
      if (slot.hash == h && slot.key_size == s.size() && SameBytes(arena_.data() + slot.key_at, s.data(), s.size())) {
        return static_cast<int32_t>(p);
      }
    }
  }
  // The entry of `s` (whose Fnv is h), added when new.
  Entry& Upsert(std::string_view s, uint32_t h);
  static bool Bit(const std::vector<uint64_t>& bits, size_t k) { return (bits[k >> 6] >> (k & 63)) & 1; }
  static void SetBit(std::vector<uint64_t>& bits, size_t k) { bits[k >> 6] |= uint64_t{1} << (k & 63); }
  // Upsert(s) with `kind` set, s in the filters; returns the entry.
  Entry& Mark(std::string_view s, uint8_t kind);
  // Calls f(prefix, suffix) for every place a token can end inside `key`.
  template <typename F>
  static void ForEachCut(const std::string& key, F f);

  std::vector<Slot> slots_;
  std::vector<Entry> entries_;
  std::vector<std::string> keys_;
  std::string arena_;  // every key, one after another (Slot::key_at)
  std::vector<uint64_t> bloom_ = std::vector<uint64_t>(1024);
  std::vector<uint64_t> shapes_ = std::vector<uint64_t>(1024);  // bit Shape(s) of every key, prefix, suffix
  size_t max_tokens_ = 0;
};

// An RE2::Set compiled when it is first used, once, by whichever thread gets there first.
// Compiling the code shapes (\p{L} classes in UTF-8) costs ~15 ms — half of the start-up of a
// process — and a process given one short article may never need it. The patterns are parsed
// (and their errors reported) when the rules are loaded; only the compilation waits.
class LazyPatternSet {
 public:
  // Before the first use: the parsed patterns, not yet compiled.
  void Reset(std::unique_ptr<re2::RE2::Set> set) { set_ = std::move(set); }
  // The compiled set. A set that will not compile (RE2's memory budget) matches nothing.
  const re2::RE2::Set* operator->() const {
    std::call_once(once_, [this] { compiled_ = set_ && set_->Compile(); });
    return compiled_ ? set_.get() : &Empty();  // (also when no set was given: missing rule file)
  }

 private:
  static const re2::RE2::Set& Empty();
  std::unique_ptr<re2::RE2::Set> set_;
  mutable std::once_flag once_;
  mutable bool compiled_ = false;
};

// A rule or word-list file as loaded, for `vnextract rules list`.
struct ListInfo {
  std::string path;    // the data/ path it is, or adds to ("entity/foreign_orgs.tsv")
  std::string origin;  // "built-in:entity/foreign_orgs.tsv" or the file on disk
  size_t entries = 0;
};

struct Lexicons {
  Lexicons();
  ~Lexicons();

  // numbers/
  PhraseTable number_words;     // một → 1 … chín → 9, mười → 10, mươi, trăm, linh, …: see file
  PhraseTable scale_words;      // trăm → 2, nghìn → 3, triệu → 6, tỷ → 9 (power of ten)
  // common/
  PhraseTable qualifiers;       // khoảng → approx, hơn → over, …
  PhraseTable ordinal_markers;  // thứ, hạng, top, …: a number after them is a label, not a count
  PhraseTable not_ordinal_markers;  // tổng số, trong số: override ordinal_markers
  PhraseTable range_words;      // đến, tới: joins the ends of a range
  PhraseTable comparatives;     // cao, thấp: "cao hơn 5%" is a difference, not "over 5%"
  // money/
  PhraseTable currencies;       // đồng → VND, USD → USD, …
  PhraseTable currency_prefixes;  // $ → USD
  PhraseTable weak_currencies;  // bảng, đô: a currency only after a scale word or ≥ 1000
  // quantity/
  PhraseTable units;            // ha → ha, mét vuông → m2, …
  PhraseTable per_units;        // kg, tháng, người …: what may follow '/' in a rate
  // count/
  PhraseTable nouns;            // multi-syllable counted nouns
  PhraseTable not_nouns;        // syllables that never start a counted noun
  // date/ and time/
  PhraseTable day_words;        // ngày, sáng, chiều, hôm …: make a following d/m a date
  PhraseTable year_words;       // năm, SN, sinh năm: make a following year a date
  PhraseTable not_year_words;   // số, phòng: four digits after them are a label, not a year
  PhraseTable parts_of_day;     // sáng → am, chiều → pm, …
  PhraseTable time_words;       // lúc, vào lúc: make "N giờ" a time
  PhraseTable weekdays;         // thứ hai → 1 … chủ nhật → 7
  PhraseTable relative_dates;   // hôm qua → day:-1, năm ngoái → year:-1, …
  PhraseTable period_words;     // giai đoạn, nhiệm kỳ, năm học: join a year range's text
  // legal_ref/
  PhraseTable legal_kinds;      // nghị quyết → Nghị quyết
  PhraseTable code_prefixes;    // nq → Nghị quyết (first part of a document code, lower case)
  PhraseTable issuers;          // thủ tướng chính phủ → Thủ tướng Chính phủ (after "của")
  LazyPatternSet code_patterns;  // shapes of document codes (anchored both ends)
  // entity/
  PhraseTable surnames;         // nguyễn, trần, bế …
  PhraseTable person_titles;    // ông, bà, đồng chí, giám đốc …: announce a person
  PhraseTable role_titles;      // giám đốc, chủ tịch …: the titles that go into `role`
  PhraseTable org_heads;        // sở, bộ, công ty tnhh, ubnd …: start an organisation's name
  PhraseTable place_words;      // tỉnh, huyện, xã, tp. …: start a place's name
  PhraseTable places;           // provinces, cities, countries → canonical name
  PhraseTable known_orgs;       // who, moderna, chính phủ … → canonical name
  PhraseTable known_people;     // people named in a user's list (entity/people.tsv) → canonical name
  PhraseTable acronyms;         // ubnd → Ủy ban nhân dân, kh&cn → Khoa học và Công nghệ
  PhraseTable not_place_before;  // tư tưởng: a place name after it is no place
  PhraseTable not_places;       // nhật ký, pháp luật: words that begin with a place name
  PhraseTable not_org_heads;    // khoa học, hội nghị: nouns that begin with a head word
  // The eight entity tables merged, each entry tagged with the tables it belongs to, so that one
  // walk from a token answers all of them. Bit order: known_orgs, name_stops, not_org_heads,
  // org_heads, person_titles, place_words, places, role_titles (entities.cc's Finder::Table).
  PhraseTable entity_all;
  PhraseTable name_stops;       // lower-case words that end an organisation's name (cho, là, thuộc…)
  // segment/
  std::vector<std::string> abbreviations;  // "TP.", "ThS.", … (case as written)

  std::unique_ptr<Segmenter> segmenter;
  // Every file loaded, built-in and user, in load order.
  std::vector<ListInfo> lists;
  // rules.tsv: the built-in rule ids, "id<TAB>type<TAB>source<TAB>what it matches".
  std::vector<std::string> builtin_rules;
  // Pattern rules from the user's JSON Lines files (user_rules.h), and one set of all their
  // patterns to find in one pass which of them match a document at all.
  std::vector<UserPattern> user_patterns;
  std::unique_ptr<re2::RE2::Set> user_set;
  // encoding/: TCVN3 and VNI tables, for inputs in legacy encodings (decode/legacy.h)
  std::unique_ptr<LegacyTables> legacy;
};

// Loads every table from `source`. The message of a failure is "FILE:LINE: reason".
Status LoadLexicons(const DataSource& source, Lexicons* out);

}  // namespace vnextract::internal

#endif  // VNEXTRACT_RULES_LEXICON_H_
