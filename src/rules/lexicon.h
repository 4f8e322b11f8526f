// Word lists and small tables loaded from data/. Every key is stored in NFC lower case with
// single spaces, the form the tokenizer's `lower` text has, so a lookup is a substring compare.
#ifndef VNEXTRACT_RULES_LEXICON_H_
#define VNEXTRACT_RULES_LEXICON_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rules/data_source.h"
#include "vnextract/status.h"

namespace vnextract::internal {

class Segmenter;

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// Phrase → payload (empty payload for plain word lists).
class PhraseTable {
 public:
  void Add(std::string key, std::string payload);
  // The payload of `key`, or nullptr.
  const std::string* Find(std::string_view key) const {
    auto it = map_.find(key);
    return it == map_.end() ? nullptr : &it->second;
  }
  bool Contains(std::string_view key) const { return map_.find(key) != map_.end(); }
  // The most tokens any key spans (words, and punctuation such as '/' in "km/h").
  size_t max_tokens() const { return max_tokens_; }
  size_t size() const { return map_.size(); }

 private:
  std::unordered_map<std::string, std::string, StringHash, std::equal_to<>> map_;
  size_t max_tokens_ = 0;
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
  // money/
  PhraseTable currencies;       // đồng → VND, USD → USD, …
  PhraseTable currency_prefixes;  // $ → USD
  // quantity/
  PhraseTable units;            // ha → ha, mét vuông → m2, …
  PhraseTable per_units;        // kg, tháng, người …: what may follow '/' in a rate
  // count/
  PhraseTable nouns;            // multi-syllable counted nouns
  PhraseTable not_nouns;        // syllables that never start a counted noun
  // date/ and time/
  PhraseTable day_words;        // ngày, sáng, chiều, hôm …: make a following d/m a date
  PhraseTable year_words;       // năm, SN, sinh năm: make a following year a date
  PhraseTable parts_of_day;     // sáng → am, chiều → pm, …
  PhraseTable time_words;       // lúc, vào lúc: make "N giờ" a time
  // legal_ref/
  PhraseTable legal_kinds;      // nghị quyết → Nghị quyết
  PhraseTable code_prefixes;    // nq → Nghị quyết (first part of a document code, lower case)
  // segment/
  std::vector<std::string> abbreviations;  // "TP.", "ThS.", … (case as written)

  std::unique_ptr<Segmenter> segmenter;
};

// Loads every table from `source`. The message of a failure is "FILE:LINE: reason".
Status LoadLexicons(const DataSource& source, Lexicons* out);

}  // namespace vnextract::internal

#endif  // VNEXTRACT_RULES_LEXICON_H_
