#include "rules/lexicon.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "decode/legacy.h"
#include "decode/utf8.h"
#include "normalize/normalizer.h"
#include "segment/sentences.h"

namespace vnextract::internal {

namespace {

// NFC, lower case, single spaces: the form of NormalizedText::lower.
std::string Canonical(std::string_view s) {
  thread_local NormalizedText t;  // reused: thousands of entries are loaded at start-up
  Normalize(s, &t);
  return t.lower;
}

size_t CountTokens(std::string_view key) {
  size_t n = 1;
  for (size_t i = 0; i < key.size(); ++i) {
    char c = key[i];
    if (c == ' ') ++n;
    else if (c == '/' || c == '-' || c == '.' || c == '&') n += 2;
  }
  return n + 1;  // '°' and other non-ASCII punctuation: one more to be safe
}

struct Line {
  size_t number;
  std::string_view text;
};

std::vector<Line> ContentLines(std::string_view content) {
  std::vector<Line> lines;
  size_t number = 0;
  size_t pos = 0;
  while (pos <= content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view line = content.substr(pos, nl - pos);
    ++number;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (!line.empty() && line.front() != '#') lines.push_back({number, line});
    if (nl == content.size()) break;
    pos = nl + 1;
  }
  return lines;
}

// Tables whose payload is a canonical name: in a user's addition the payload may be left out,
// and the entry as written is its own canonical name.
bool PayloadOptional(std::string_view path) {
  return path == "entity/foreign_orgs.tsv" || path == "entity/cities.tsv" || path == "entity/provinces.tsv" ||
         path == "entity/countries.tsv" || path == "entity/people.tsv" || path == "legal_ref/issuers.tsv" ||
         path == "quantity/units.tsv";
}

class Loader {
 public:
  Loader(const DataSource& source, std::vector<std::string>* problems, std::vector<ListInfo>* lists)
      : source_(source), problems_(problems), lists_(lists) {}

  // A word list: one entry per line; or a table: key TAB payload. The built-in (or --rules) file,
  // then the user's additions to it. Every problem is noted; loading goes on.
  void Load(std::string_view path, bool table, PhraseTable* out, bool keep_case_payload = true) {
    auto file = source_.Read(path);
    if (!file) {
      problems_->push_back("missing rule file " + std::string(path));
      return;
    }
    LoadFile(path, *file, table, false, out, keep_case_payload);
    for (const DataSource::File& add : source_.Additions(path)) {
      LoadFile(path, add, table, PayloadOptional(path), out, keep_case_payload);
    }
  }

  // RE2 patterns, one per line, compiled into one set anchored at both ends.
  void LoadPatterns(std::string_view path, LazyPatternSet* out) {
    auto file = source_.Read(path);
    if (!file) {
      problems_->push_back("missing rule file " + std::string(path));
      return;
    }
    RE2::Options opts;
    opts.set_log_errors(false);
    auto set = std::make_unique<re2::RE2::Set>(opts, RE2::ANCHOR_BOTH);
    size_t n = 0;
    for (const Line& line : ContentLines(file->content)) {
      std::string error;
      if (set->Add(re2::StringPiece(line.text.data(), line.text.size()), &error) < 0) {
        problems_->push_back(file->origin + ":" + std::to_string(line.number) + ": bad RE2 pattern: " + error);
      }
      ++n;
    }
    lists_->push_back({std::string(path), file->origin, n});
    out->Reset(std::move(set));
  }

  void LoadLines(std::string_view path, std::vector<std::string>* out) {
    auto file = source_.Read(path);
    if (!file) {
      problems_->push_back("missing rule file " + std::string(path));
      return;
    }
    for (const Line& line : ContentLines(file->content)) out->emplace_back(line.text);
    lists_->push_back({std::string(path), file->origin, out->size()});
  }

 private:
  void LoadFile(std::string_view path, const DataSource::File& file, bool table, bool payload_optional,
                PhraseTable* out, bool keep_case_payload) {
    std::string_view unused;
    Status s = DecodeUtf8(file.content, &unused);
    if (!s.ok()) {
      problems_->push_back(file.origin + ": " + s.message());
      return;
    }
    size_t n = 0;
    for (const Line& line : ContentLines(file.content)) {
      std::string_view key = line.text;
      std::string payload;
      if (table) {
        size_t tab = key.find('\t');
        if (tab == std::string_view::npos && !payload_optional) {
          problems_->push_back(file.origin + ":" + std::to_string(line.number) + ": expected 'phrase<TAB>value'");
          continue;
        }
        if (tab == std::string_view::npos) {
          payload = std::string(key);
        } else {
          payload = std::string(key.substr(tab + 1));
          key = key.substr(0, tab);
        }
      } else if (key.find('\t') != std::string_view::npos) {
        key = key.substr(0, key.find('\t'));  // a word list: fields after a tab are comments
      }
      std::string canon = Canonical(key);
      if (canon.empty()) {
        problems_->push_back(file.origin + ":" + std::to_string(line.number) + ": empty entry");
        continue;
      }
      if (!keep_case_payload) payload = Canonical(payload);
      out->Add(std::move(canon), std::move(payload));
      ++n;
    }
    lists_->push_back({std::string(path), file.origin, n});
  }

  const DataSource& source_;
  std::vector<std::string>* problems_;
  std::vector<ListInfo>* lists_;
};

}  // namespace

const re2::RE2::Set& LazyPatternSet::Empty() {
  static const re2::RE2::Set* empty = [] {
    auto* set = new re2::RE2::Set(RE2::Options(), RE2::ANCHOR_BOTH);
    set->Compile();
    return set;
  }();
  return *empty;
}

const PhraseTable::Entry* PhraseTable::LookupHashed(std::string_view span) const {
  uint32_t h = Fnv(span);
  if (!((bloom_[(h >> 6) & 1023] >> (h & 63)) & 1)) return nullptr;
  int32_t slot = FindSlot(span, h);
  return slot < 0 ? nullptr : &entries_[static_cast<size_t>(slots_[static_cast<size_t>(slot)].entry)];
}

PhraseTable::Entry& PhraseTable::Upsert(std::string_view s, uint32_t h) {
  if (int32_t slot = FindSlot(s, h); slot >= 0) return entries_[static_cast<size_t>(slots_[static_cast<size_t>(slot)].entry)];
  // Keep the table at most half full.
  if ((entries_.size() + 1) * 2 > slots_.size()) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<size_t>(64, old.size() * 2), Slot{});
    size_t mask = slots_.size() - 1;
    for (const Slot& o : old) {
      if (o.entry < 0) continue;
      size_t p = o.hash & mask;
      while (slots_[p].entry >= 0) p = (p + 1) & mask;
      slots_[p] = o;
    }
  }
  size_t mask = slots_.size() - 1;
  size_t p = h & mask;
  while (slots_[p].entry >= 0) p = (p + 1) & mask;
  slots_[p] = Slot{h, static_cast<int32_t>(entries_.size()), static_cast<uint32_t>(arena_.size()),
                   static_cast<uint32_t>(s.size())};
  arena_.append(s);
  entries_.emplace_back();
  keys_.emplace_back(s);
  return entries_.back();
}

PhraseTable::Entry& PhraseTable::Mark(std::string_view s, uint8_t kind) {
  const uint32_t h = Fnv(s);
  Entry& e = Upsert(s, h);
  e.kinds |= kind;
  bloom_[(h >> 6) & 1023] |= uint64_t{1} << (h & 63);
  if (!s.empty()) SetBit(shapes_, Shape(s));  // (Lookup turns the empty span away first)
  return e;
}

template <typename F>
void PhraseTable::ForEachCut(const std::string& key, F f) {
  // Where a token can end inside a key: at a blank, or next to ASCII punctuation ("km/h",
  // "đô-la", "tp.") or a degree sign ("°c").
  auto punct = [](char c) { return c == '/' || c == '-' || c == '.' || c == '&' || c == ':' || c == '$'; };
  auto boundary = [&](size_t p) {
    if (key[p] == ' ' || punct(key[p]) || punct(key[p - 1])) return true;
    if (key.compare(p, 2, "\xC2\xB0") == 0) return true;                // before °
    return p >= 2 && key.compare(p - 2, 2, "\xC2\xB0") == 0;             // after °
  };
  for (size_t p = 1; p < key.size(); ++p) {
    if (!boundary(p)) continue;
    std::string_view left(key.data(), p), right(key.data() + p, key.size() - p);
    while (!left.empty() && left.back() == ' ') left.remove_suffix(1);
    while (!right.empty() && right.front() == ' ') right.remove_prefix(1);
    f(left, right);
  }
}

void PhraseTable::Add(std::string key, std::string payload) {
  max_tokens_ = std::max(max_tokens_, CountTokens(key));
  ForEachCut(key, [&](std::string_view left, std::string_view right) {
    if (!left.empty()) Mark(left, kPrefix);
    if (!right.empty()) Mark(right, kSuffix);
  });
  Mark(key, kKey).payload = std::move(payload);
}

void PhraseTable::AddTagged(const std::string& key, uint16_t bit) {
  max_tokens_ = std::max(max_tokens_, CountTokens(key));
  ForEachCut(key, [&](std::string_view left, std::string_view) {
    if (left.empty()) return;
    Mark(left, kPrefix).prefix_tables |= bit;
  });
  Mark(key, kKey).key_tables |= bit;
}

Lexicons::Lexicons() = default;
Lexicons::~Lexicons() = default;

Status LoadLexicons(const DataSource& source, Lexicons* out) {
  std::vector<std::string> problems;
  Loader l(source, &problems, &out->lists);
  struct Entry {
    const char* path;
    bool table;
    PhraseTable* target;
  };
  const Entry entries[] = {
      {"numbers/number_words.tsv", true, &out->number_words},
      {"numbers/scale_words.tsv", true, &out->scale_words},
      {"common/qualifiers.tsv", true, &out->qualifiers},
      {"common/ordinal_markers.txt", false, &out->ordinal_markers},
      {"common/not_ordinal_markers.txt", false, &out->not_ordinal_markers},
      {"common/range_words.txt", false, &out->range_words},
      {"common/comparatives.txt", false, &out->comparatives},
      {"money/currencies.tsv", true, &out->currencies},
      {"money/currency_prefixes.tsv", true, &out->currency_prefixes},
      {"money/weak_currencies.txt", false, &out->weak_currencies},
      {"quantity/units.tsv", true, &out->units},
      {"quantity/per_units.tsv", true, &out->per_units},
      {"count/nouns.txt", false, &out->nouns},
      {"count/not_nouns.txt", false, &out->not_nouns},
      {"date/day_words.txt", false, &out->day_words},
      {"date/year_words.txt", false, &out->year_words},
      {"date/not_year_words.txt", false, &out->not_year_words},
      {"time/parts_of_day.tsv", true, &out->parts_of_day},
      {"time/time_words.txt", false, &out->time_words},
      {"date/weekdays.tsv", true, &out->weekdays},
      {"date/relative.tsv", true, &out->relative_dates},
      {"period/words.txt", false, &out->period_words},
      {"legal_ref/kinds.tsv", true, &out->legal_kinds},
      {"legal_ref/code_prefixes.tsv", true, &out->code_prefixes},
      {"legal_ref/issuers.tsv", true, &out->issuers},
  };
  for (const Entry& e : entries) l.Load(e.path, e.table, e.target);
  const Entry entity_entries[] = {
      {"entity/surnames.txt", false, &out->surnames},
      {"entity/person_titles.txt", false, &out->person_titles},
      {"entity/role_titles.txt", false, &out->role_titles},
      {"entity/org_heads.txt", false, &out->org_heads},
      {"entity/place_words.txt", false, &out->place_words},
      {"entity/provinces.tsv", true, &out->places},
      {"entity/cities.tsv", true, &out->places},
      {"entity/countries.tsv", true, &out->places},
      {"entity/foreign_orgs.tsv", true, &out->known_orgs},
      {"entity/people.tsv", true, &out->known_people},
      {"entity/acronyms.tsv", true, &out->acronyms},
      {"entity/name_stops.txt", false, &out->name_stops},
      {"entity/not_org_heads.txt", false, &out->not_org_heads},
      {"entity/not_places.txt", false, &out->not_places},
      {"entity/not_place_before.txt", false, &out->not_place_before},
  };
  for (const Entry& e : entity_entries) l.Load(e.path, e.table, e.target);
  const PhraseTable* tagged[] = {&out->known_orgs, &out->name_stops, &out->not_org_heads, &out->org_heads,
                                 &out->person_titles, &out->place_words, &out->places, &out->role_titles};
  for (size_t t = 0; t < 8; ++t) {
    tagged[t]->ForEachKey([&](const std::string& key) { out->entity_all.AddTagged(key, static_cast<uint16_t>(1u << t)); });
  }
  l.LoadLines("segment/abbreviations.txt", &out->abbreviations);
  l.LoadPatterns("legal_ref/code_patterns.txt", &out->code_patterns);
  l.LoadLines("rules.tsv", &out->builtin_rules);
  if (!problems.empty()) {
    std::string all;
    for (const std::string& p : problems) all += (all.empty() ? "" : "\n") + p;
    return Status::InvalidRules(all);
  }
  out->segmenter = std::make_unique<Segmenter>(out->abbreviations);
  return LoadLegacyTables(source, &out->legacy);
}

}  // namespace vnextract::internal
