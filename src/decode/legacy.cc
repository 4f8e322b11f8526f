// Decoding of the encodings Vietnamese text was kept in before UTF-8, and the guess of which one
// a file is in.
//
// UTF-16: with a byte-order mark, or little/big-endian guessed from which byte of the code
// units is mostly zero (ASCII letters and spaces). Decoded by hand so that an unpaired
// surrogate or a NUL can be reported at its byte offset.
//
// Windows-1258: ICU's converter, read once into a 256-entry table. It gives base letters with
// combining tone marks (U+0300 U+0301 U+0303 U+0309 U+0323); the pipeline composes them (NFC).
//
// TCVN3 (ABC) and VNI-Windows: font encodings, decoded with the tables in data/encoding/ by
// longest match over byte sequences (VNI writes "á" as 'a' + 0xF9); a byte no table line covers
// is read as Windows-1252. TCVN3 puts capitals with tone marks in C1 (0x80..0x9F), where files
// written with ABC fonts hold Windows-1252 punctuation instead (“ ” ‘ ’ … – — • ™): such a byte
// is read as the capital where its word, read with it, is one Vietnamese syllable in a plausible
// case ("HỌC", "Ủy"), or where it stands alone and is no common punctuation ("Ở"); otherwise as
// the punctuation ("“Hà Nội”", " – ", "Let’s", "Aeria™").
//
// VIQR (RFC 1456): ASCII with the marks written after the vowel. The rules implemented:
//   - vowel forms: a^ â, a( ă, e^ ê, o^ ô, o+ ơ, u+ ư (either case);
//   - tones, right after the vowel or its form: ' acute, ` grave, ? hook, ~ tilde, . dot below;
//     one per word;
//   - đ: "dd", "DD", "Dd" or "d-" at the start of a word; in an acronym (capitals, no vowel) DD
//     is Đ ("HDDND" → "HĐND", "GDDDT" → "GDĐT"; "ADD" stays);
//   - a backslash before a mark makes it literal ("ra\." is "ra."); the backslash is dropped;
//   - a word is decoded only when, with its marks, it is one well-formed Vietnamese syllable
//     (initial consonant, rhyme, tone on a vowel that may carry it, only sắc/nặng before c ch p
//     t), or, when it has a vowel form or đ, at least a run of Vietnamese vowel clusters in a
//     plausible case ("Đắk", "Krông", "ôxy"; not "DDoS"); otherwise it is left exactly as
//     written: "don't", "e.g.", "O'Neil", "C++", "x^2" stay;
//   - a final . ? ' is also punctuation, and is read as the tone only in text where at least one
//     word in five carries an unambiguous mark (a form, đ, a tone inside the word or a final ` ~);
//     elsewhere it stays punctuation ("I said no. See"). In such text: "'" and "?" are the tone
//     (questions are rare in news, and a title may end with "nhỏ"); "." is the tone when doubled
//     ("bi.." = "bị."; "..." after a word is an ellipsis), before , ; : ! ? ), before a closing
//     quote and , ; : . ! ?, or before a lower-case word or a number; before a capital or a
//     closing quote it is the tone unless the word is one that ends sentences far more often
//     than its dot-below form occurs (data/encoding/viqr_sentence_final.txt: "ra. Sau" but
//     "chi. Lan" = "chị Lan"); at the end of a line it is a full stop. A one-letter word never
//     takes "." as a tone ("A. Smith"), nor "X.Y." ("a.m."); "I'm" is English.
//
// Detection (DetectEncoding): a byte-order mark decides; then zero bytes (UTF-16 without BOM);
// then valid UTF-8: UTF-8 unless its words are mostly VIQR-marked syllables and it has (nearly)
// no Vietnamese letters of its own (pure ASCII: VIQR when one word in four, or in ten for longer
// text, carries an unambiguous mark); then text that is mostly UTF-8 (more good multi-byte
// sequences, at least twice as many as bad bytes) stays UTF-8 so that its error is reported; then
// windows-1258, TCVN3 and VNI each decode a 64 KiB sample, scored by the Vietnamese syllables
// with diacritics in the result (frequent ones count double; malformed words and foreign
// letters count against), the best score winning.
#include "decode/legacy.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "decode/utf8.h"

namespace vnextract::internal {

namespace {

using Letter = LegacyTables::Letter;

std::string At(size_t offset, const std::string& reason) { return reason + " at byte " + std::to_string(offset); }

std::string Hex(unsigned char b) {
  const char* digits = "0123456789ABCDEF";
  return std::string("0x") + digits[b >> 4] + digits[b & 15];
}

// Windows-1252 in 0x80..0x9F (0: undefined); the rest of its upper half is Latin-1.
constexpr char32_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

char32_t Cp1252(unsigned char b) { return b >= 0x80 && b < 0xA0 ? kCp1252High[b - 0x80] : b; }

// TCVN3 bytes in C1 whose Windows-1252 meaning is common punctuation: read as that even alone
// between blanks (" – "). The other C1 bytes with a Windows-1252 meaning (™ Š ‹ …) are the
// capital when alone ("Ở"); inside a word, every one of them is settled by the word (see top).
bool IsStrongPunctuationByte(unsigned char b) {
  return b == 0x80 || b == 0x82 || b == 0x84 || b == 0x85 || (b >= 0x91 && b <= 0x97);
}

void AppendUtf32(std::u32string_view s, std::string* out) {
  for (char32_t c : s) AppendUtf8(c, out);
}

// ---------------------------------------------------------------------------------------------
// Letters and syllables

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiVowel(char c) {
  char l = static_cast<char>(c | 0x20);
  return l == 'a' || l == 'e' || l == 'i' || l == 'o' || l == 'u' || l == 'y';
}

// The letter c is, or nullptr-like (base 0) when it is no Latin letter Vietnamese writes.
Letter LetterOf(char32_t c, const LegacyTables& t) {
  if (c < 0x80) {
    char ch = static_cast<char>(c);
    if (!IsAsciiLetter(ch)) return {};
    Letter l;
    l.base = static_cast<char>(ch | 0x20);
    l.upper = ch < 'a';
    return l;
  }
  auto it = t.letters.find(c);
  return it == t.letters.end() ? Letter{} : it->second;
}

bool IsVowel(const Letter& l) { return l.form != LegacyTables::kStroke && IsAsciiVowel(l.base); }

// The rhymes of Vietnamese: vowel cluster (toneless, lower case), the finals it takes ("-" for
// none), and on which vowel of the cluster the tone may sit without and with a final (bit i:
// the i-th vowel). "oa", "oe", "uy" take it on either vowel when open (hòa / hoà).
struct RhymeSpec {
  const char* cluster;
  const char* finals;
  uint8_t open_mask;
  uint8_t closed_mask;
};
constexpr RhymeSpec kRhymes[] = {
    {"a", "- c ch m n ng nh p t", 1, 1}, {"ă", "c m n ng p t", 1, 1},   {"â", "c m n ng p t", 1, 1},
    {"e", "- c m n ng p t", 1, 1},       {"ê", "- ch m n nh p t", 1, 1}, {"i", "- ch m n nh p t", 1, 1},
    {"o", "- c m n ng p t", 1, 1},       {"ô", "- c m n ng p t", 1, 1},  {"ơ", "- m n p t", 1, 1},
    {"u", "- c m n ng p t", 1, 1},       {"ư", "- c m n ng t", 1, 1},    {"y", "- ch n nh t", 1, 1},
    {"ai", "-", 1, 1},                   {"ao", "-", 1, 1},              {"au", "-", 1, 1},
    {"ay", "-", 1, 1},                   {"âu", "-", 1, 1},              {"ây", "-", 1, 1},
    {"eo", "-", 1, 1},                   {"êu", "-", 1, 1},              {"ia", "-", 1, 1},
    {"iu", "-", 1, 1},                   {"iê", "c m n ng p t", 2, 2},   {"iêu", "-", 2, 2},
    {"yê", "m n ng t", 2, 2},            {"yêu", "-", 2, 2},             {"oa", "- c ch m n ng nh p t", 3, 2},
    {"oă", "c m n ng t", 2, 2},          {"oai", "-", 2, 2},             {"oay", "-", 2, 2},
    {"oao", "-", 2, 2},                  {"oe", "- n t", 3, 2},          {"oeo", "-", 2, 2},
    {"oo", "c ng", 2, 2},                {"oi", "-", 1, 1},              {"ôi", "-", 1, 1},
    {"ơi", "-", 1, 1},                   {"ua", "-", 1, 1},              {"uâ", "n ng t", 2, 2},
    {"uây", "-", 2, 2},                  {"uê", "- ch nh", 2, 2},        {"ui", "-", 1, 1},
    {"uô", "c m n ng t", 2, 2},          {"uôi", "-", 2, 2},             {"uơ", "-", 2, 2},
    {"uy", "- ch n nh t", 3, 2},         {"uya", "-", 2, 2},             {"uyu", "-", 2, 2},
    {"uyê", "n t", 4, 4},                {"ưa", "-", 1, 1},              {"ưi", "-", 1, 1},
    {"ưu", "-", 1, 1},                   {"ươ", "c m n ng p t", 2, 2},   {"ươi", "-", 2, 2},
    {"ươu", "-", 2, 2},
};

const RhymeSpec* FindRhyme(std::string_view cluster) {
  for (const RhymeSpec& r : kRhymes) {
    if (cluster == r.cluster) return &r;
  }
  return nullptr;
}

bool FinalAllowed(const RhymeSpec& r, std::string_view final_consonant) {
  std::string_view f = final_consonant.empty() ? std::string_view("-") : final_consonant;
  std::string_view list = r.finals;
  while (!list.empty()) {
    size_t sp = list.find(' ');
    if (list.substr(0, sp) == f) return true;
    if (sp == std::string_view::npos) break;
    list.remove_prefix(sp + 1);
  }
  return false;
}

constexpr std::string_view kInitials[] = {"",  "b",  "c", "ch", "d",  "đ",  "g",  "gh", "gi", "h",
                                          "k", "kh", "l", "m",  "n",  "ng", "ngh", "nh", "p", "ph",
                                          "qu", "r", "s", "t",  "th", "tr", "v",  "x"};

// Toneless lower-case spelling of a vowel letter.
void AppendToneless(const Letter& l, std::string* out) {
  switch (l.form) {
    case LegacyTables::kCircumflex:
      *out += l.base == 'a' ? "â" : l.base == 'e' ? "ê" : "ô";
      break;
    case LegacyTables::kBreve:
      *out += "ă";
      break;
    case LegacyTables::kHorn:
      *out += l.base == 'o' ? "ơ" : "ư";
      break;
    default:
      out->push_back(l.base);
  }
}

// Checks the rhyme letters[0..n) after `initial`.
bool ValidRhyme(const Letter* s, size_t n, std::string_view initial) {
  size_t v = 0;
  while (v < n && IsVowel(s[v])) ++v;
  if (v == 0) return false;
  std::string cluster, final_consonant;
  int tone_at = -1;
  uint8_t tone = 0;
  for (size_t k = 0; k < v; ++k) {
    AppendToneless(s[k], &cluster);
    if (s[k].tone) {
      if (tone_at >= 0) return false;
      tone_at = static_cast<int>(k);
      tone = s[k].tone;
    }
  }
  for (size_t k = v; k < n; ++k) {
    if (IsVowel(s[k]) || s[k].form == LegacyTables::kStroke) return false;
    final_consonant.push_back(s[k].base);
  }
  const RhymeSpec* r = FindRhyme(cluster);
  if (!r || !FinalAllowed(*r, final_consonant)) return false;
  bool stop = final_consonant == "c" || final_consonant == "ch" || final_consonant == "p" || final_consonant == "t";
  if (stop && tone != LegacyTables::kAcute && tone != LegacyTables::kDot) return false;
  if (tone_at >= 0 && !(((final_consonant.empty() ? r->open_mask : r->closed_mask) >> tone_at) & 1)) return false;
  // Spelling: k gh ngh before e ê i y only; c g ng never before them (g + i is "gi").
  char first = s[0].base;
  bool front = (first == 'e' || first == 'i' || first == 'y') && s[0].form != LegacyTables::kHorn;
  if ((initial == "k" || initial == "gh" || initial == "ngh") && !front) return false;
  if ((initial == "c" || initial == "ng") && front) return false;
  if (initial == "g" && first == 'e') return false;
  return true;
}

// True when letters[0..n) spell one Vietnamese syllable (any case, any tone placement Vietnamese
// allows).
bool ValidSyllable(const Letter* s, size_t n) {
  if (n == 0 || n > 8) return false;
  size_t k = 0;
  std::string initial;
  while (k < n && !IsVowel(s[k])) {
    if (s[k].form == LegacyTables::kStroke) initial += "đ";
    else initial.push_back(s[k].base);
    ++k;
  }
  if (k == n) return false;
  if (initial == "q") {
    if (s[k].base != 'u' || s[k].form || s[k].tone || k + 1 == n || !IsVowel(s[k + 1])) return false;
    return ValidRhyme(s + k + 1, n - k - 1, "qu");
  }
  if (std::find(std::begin(kInitials), std::end(kInitials), initial) == std::end(kInitials)) return false;
  if (initial == "g" && s[k].base == 'i' && !s[k].form && k + 1 < n && IsVowel(s[k + 1])) {
    if (!s[k].tone && ValidRhyme(s + k + 1, n - k - 1, "gi")) return true;
  }
  return ValidRhyme(s + k, n - k, initial);
}

// Case as names and headlines write it: all lower, all upper, or a capital then lower case.
bool PlausibleCase(const Letter* s, size_t n) {
  size_t upper = 0;
  for (size_t k = 0; k < n; ++k) upper += s[k].upper;
  return upper == 0 || upper == n || (upper == 1 && s[0].upper);
}

// A looser test for VIQR words with a vowel form (^ ( +) or đ, which English never writes: loan
// words and names outside Vietnamese spelling ("Đắk Lắk", "Krông", "ôxy", "ôtô", "Đray"), in a
// plausible case (so "DDoS" stays). Each vowel group is
// a Vietnamese vowel cluster, at most one tone on a vowel that may carry it, consonant groups of
// at most four letters.
bool LooseWord(const Letter* s, size_t n) {
  if (!PlausibleCase(s, n) || std::none_of(s, s + n, IsVowel)) return false;
  size_t tones = 0;
  for (size_t k = 0; k < n;) {
    size_t start = k;
    if (!IsVowel(s[k])) {
      while (k < n && !IsVowel(s[k])) ++k;
      if (k - start > 4) return false;
      continue;
    }
    std::string cluster;
    int tone_at = -1;
    while (k < n && IsVowel(s[k])) {
      AppendToneless(s[k], &cluster);
      if (s[k].tone) {
        ++tones;
        tone_at = static_cast<int>(k - start);
      }
      ++k;
    }
    const RhymeSpec* r = FindRhyme(cluster);
    if (!r || (tone_at >= 0 && !(((r->open_mask | r->closed_mask) >> tone_at) & 1))) return false;
  }
  return tones <= 1;
}

// Diacritic-bearing syllables frequent in any Vietnamese news text, NFC lower case.
constexpr std::string_view kFrequent[] = {
    "của", "và", "các", "được", "người", "những", "đã", "năm", "có", "là", "một", "cho",
    "với", "để", "này", "đến", "tại", "từ", "cũng", "về", "nhiều", "đó", "sẽ", "trên",
    "sau", "việc", "đồng", "triệu", "tỷ", "ngày", "tháng", "số", "khi", "theo"};

// ---------------------------------------------------------------------------------------------
// Tables

Status ParseTable(const DataSource& source, const char* path, LegacyTables::ByteTable* table) {
  auto file = source.Read(path);
  if (!file) return Status::InvalidRules(std::string("missing rule file ") + path);
  std::string_view content = file->content;
  std::string_view unused;
  Status s = DecodeUtf8(content, &unused);
  if (!s.ok()) return Status::InvalidRules(file->origin + ": " + s.message());
  size_t number = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view line = content.substr(pos, nl - pos);
    pos = nl + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    auto fail = [&](const std::string& why) {
      return Status::InvalidRules(file->origin + ":" + std::to_string(number) + ": " + why);
    };
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) return fail("expected 'HEX BYTES<TAB>character'");
    std::string_view hex = line.substr(0, tab), ch = line.substr(tab + 1);
    LegacyTables::Sequence seq;
    for (size_t i = 0; i < hex.size();) {
      auto digit = [](char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
      };
      if (i + 2 > hex.size() || digit(hex[i]) < 0 || digit(hex[i + 1]) < 0 ||
          (i + 2 < hex.size() && hex[i + 2] != ' ')) {
        return fail("bad byte list '" + std::string(hex) + "' (two hex digits per byte, one space between)");
      }
      seq.bytes.push_back(static_cast<char>(digit(hex[i]) * 16 + digit(hex[i + 1])));
      i += 3;
    }
    if (seq.bytes.empty() || seq.bytes.size() > 4) return fail("expected one to four bytes");
    if (seq.bytes[0] == 0) return fail("a sequence cannot start with byte 00");
    size_t i = 0;
    if (ch.empty()) return fail("missing character");
    seq.cp = NextCodePoint(ch, &i);
    if (i != ch.size()) return fail("expected exactly one character after the tab");
    for (uint16_t k : table->by_first[static_cast<unsigned char>(seq.bytes[0])]) {
      if (table->entries[k].bytes == seq.bytes) return fail("duplicate byte sequence " + std::string(hex));
    }
    if (table->entries.size() >= 0xFFFF) return fail("too many lines");
    table->by_first[static_cast<unsigned char>(seq.bytes[0])].push_back(static_cast<uint16_t>(table->entries.size()));
    table->entries.push_back(std::move(seq));
  }
  for (auto& list : table->by_first) {
    std::stable_sort(list.begin(), list.end(), [&](uint16_t a, uint16_t b) {
      return table->entries[a].bytes.size() > table->entries[b].bytes.size();
    });
  }
  return Status::Ok();
}

Status LoadWordList(const DataSource& source, const char* path, std::unordered_set<std::string>* out) {
  auto file = source.Read(path);
  if (!file) return Status::InvalidRules(std::string("missing rule file ") + path);
  std::string_view unused;
  Status s = DecodeUtf8(file->content, &unused);
  if (!s.ok()) return Status::InvalidRules(file->origin + ": " + s.message());
  std::string_view content = file->content;
  size_t number = 0;
  for (size_t pos = 0; pos < content.size();) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view line = content.substr(pos, nl - pos);
    pos = nl + 1;
    ++number;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    if (line.find(' ') != std::string_view::npos || line.find('\t') != std::string_view::npos) {
      return Status::InvalidRules(file->origin + ":" + std::to_string(number) + ": expected one word");
    }
    out->emplace(line);
  }
  return Status::Ok();
}

void BuildLetters(LegacyTables* t) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  struct Base {
    char base;
    uint8_t form;
    char16_t mark;
  };
  const Base bases[] = {{'a', LegacyTables::kNoForm, 0},      {'a', LegacyTables::kBreve, 0x0306},
                        {'a', LegacyTables::kCircumflex, 0x0302}, {'e', LegacyTables::kNoForm, 0},
                        {'e', LegacyTables::kCircumflex, 0x0302}, {'i', LegacyTables::kNoForm, 0},
                        {'o', LegacyTables::kNoForm, 0},      {'o', LegacyTables::kCircumflex, 0x0302},
                        {'o', LegacyTables::kHorn, 0x031B},   {'u', LegacyTables::kNoForm, 0},
                        {'u', LegacyTables::kHorn, 0x031B},   {'y', LegacyTables::kNoForm, 0}};
  const char16_t tones[] = {0, 0x0301, 0x0300, 0x0309, 0x0303, 0x0323};
  for (const Base& b : bases) {
    for (uint8_t tone = 0; tone < 6; ++tone) {
      for (bool upper : {false, true}) {
        icu::UnicodeString s(static_cast<char16_t>(upper ? b.base - 32 : b.base));
        if (b.mark) s.append(b.mark);
        if (tone) s.append(tones[tone]);
        icu::UnicodeString composed = U_SUCCESS(err) ? nfc->normalize(s, err) : s;
        if (U_FAILURE(err) || composed.countChar32() != 1) continue;
        char32_t cp = static_cast<char32_t>(composed.char32At(0));
        Letter l{b.base, b.form, tone, upper};
        if (cp >= 0x80) t->letters[cp] = l;
        t->compose[LegacyTables::PackLetter(l)] = cp;
      }
    }
  }
  for (bool upper : {false, true}) {
    Letter d{'d', LegacyTables::kStroke, LegacyTables::kNoTone, upper};
    char32_t cp = upper ? 0x0110 : 0x0111;
    t->letters[cp] = d;
    t->compose[LegacyTables::PackLetter(d)] = cp;
  }
}

void BuildWindows1258(LegacyTables* t) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter* conv = ucnv_open("windows-1258", &err);
  if (U_FAILURE(err) || !conv) return;
  ucnv_setToUCallBack(conv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  for (int b = 1; b < 256; ++b) {
    err = U_ZERO_ERROR;
    ucnv_reset(conv);
    char in = static_cast<char>(b);
    UChar buf[4];
    int32_t n = ucnv_toUChars(conv, buf, 4, &in, 1, &err);
    if (U_SUCCESS(err) && n == 1 && !(buf[0] >= 0x80 && buf[0] < 0xA0)) t->windows1258[static_cast<size_t>(b)] = buf[0];
  }
  ucnv_close(conv);
  t->windows1258_ok = true;
}

// ---------------------------------------------------------------------------------------------
// Decoders

Status DecodeUtf16(std::string_view bytes, std::string* out) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t n = bytes.size();
  size_t i = 0;
  bool big = false;
  if (n >= 2 && p[0] == 0xFF && p[1] == 0xFE) {
    i = 2;
  } else if (n >= 2 && p[0] == 0xFE && p[1] == 0xFF) {
    big = true;
    i = 2;
  } else {
    size_t zero_even = 0, zero_odd = 0;
    for (size_t k = 0; k + 1 < std::min<size_t>(n, 8192); k += 2) {
      zero_even += p[k] == 0;
      zero_odd += p[k + 1] == 0;
    }
    big = zero_even > zero_odd;
  }
  out->clear();
  out->reserve(n);
  auto unit = [&](size_t k) -> char32_t {
    return big ? (char32_t{p[k]} << 8 | p[k + 1]) : (char32_t{p[k + 1]} << 8 | p[k]);
  };
  while (i < n) {
    if (i + 1 >= n) return Status::InvalidInput(At(i, "invalid UTF-16 (odd number of bytes)"));
    char32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF) {
      if (i + 3 >= n) return Status::InvalidInput(At(i, "invalid UTF-16 (unpaired surrogate)"));
      char32_t lo = unit(i + 2);
      if (lo < 0xDC00 || lo > 0xDFFF) return Status::InvalidInput(At(i, "invalid UTF-16 (unpaired surrogate)"));
      AppendUtf8(0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00), out);
      i += 4;
      continue;
    }
    if (u >= 0xDC00 && u <= 0xDFFF) return Status::InvalidInput(At(i, "invalid UTF-16 (unpaired surrogate)"));
    if (u == 0) return Status::InvalidInput(At(i, "binary data (NUL character)"));
    AppendUtf8(u, out);
    i += 2;
  }
  return Status::Ok();
}

Status DecodeWindows1258(std::string_view bytes, const LegacyTables& t, std::string* out) {
  if (!t.windows1258_ok) return Status::InvalidInput("windows-1258 is not available in this ICU build");
  out->clear();
  out->reserve(bytes.size() + bytes.size() / 4);
  for (size_t i = 0; i < bytes.size(); ++i) {
    auto b = static_cast<unsigned char>(bytes[i]);
    if (b == 0) return Status::InvalidInput(At(i, "binary data (NUL byte)"));
    char32_t c = b < 0x80 ? b : t.windows1258[b];
    if (c == 0) return Status::InvalidInput(At(i, "invalid windows-1258 (undefined byte " + Hex(b) + ")"));
    AppendUtf8(c, out);
  }
  return Status::Ok();
}

// Longest-match decoding through a font table; *out in UTF-32. For TCVN3 (`c1_context`), the
// capitals in C1 that are also Windows-1252 punctuation are settled by their neighbours.
Status DecodeFont(std::string_view bytes, const LegacyTables::ByteTable& table, const char* name, bool c1_context,
                  const LegacyTables& t, std::u32string* out) {
  out->clear();
  out->reserve(bytes.size());
  struct Ambiguous {
    size_t at;        // index in *out
    char32_t cp1252;  // the other reading
    bool strong;      // common punctuation
  };
  std::vector<Ambiguous> ambiguous;
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t n = bytes.size();
  for (size_t i = 0; i < n;) {
    unsigned char b = p[i];
    if (b == 0) return Status::InvalidInput(At(i, "binary data (NUL byte)"));
    const LegacyTables::Sequence* hit = nullptr;
    for (uint16_t k : table.by_first[b]) {
      const LegacyTables::Sequence& s = table.entries[k];
      if (s.bytes.size() <= n - i && std::memcmp(s.bytes.data(), p + i, s.bytes.size()) == 0) {
        hit = &s;
        break;
      }
    }
    if (hit) {
      if (c1_context && hit->bytes.size() == 1 && b >= 0x80 && b < 0xA0 && Cp1252(b) != 0) {
        ambiguous.push_back({out->size(), Cp1252(b), IsStrongPunctuationByte(b)});
      }
      out->push_back(hit->cp);
      i += hit->bytes.size();
      continue;
    }
    char32_t c = Cp1252(b);
    if (c == 0) return Status::InvalidInput(At(i, std::string("invalid ") + name + " (undefined byte " + Hex(b) + ")"));
    out->push_back(c);
    ++i;
  }
  // A capital read from C1 stays one when its word, read with it, is one well-formed syllable
  // in a plausible case, or when it stands alone and is no common punctuation; otherwise the
  // byte at an edge of the word is the punctuation (and the rest is looked at again), and one
  // inside a word that is no syllable ("Let’s") too.
  auto is_letter = [&](size_t k) { return LetterOf((*out)[k], t).base != 0; };
  for (size_t a = 0; a < ambiguous.size();) {
    size_t from = ambiguous[a].at, to = from + 1;
    if (!is_letter(from)) {  // already settled
      ++a;
      continue;
    }
    while (from > 0 && is_letter(from - 1)) --from;
    while (to < out->size() && is_letter(to)) ++to;
    size_t last = a;  // the ambiguous bytes of this word: a..last
    while (last + 1 < ambiguous.size() && ambiguous[last + 1].at < to) ++last;
    auto settle = [&](size_t q) { (*out)[ambiguous[q].at] = ambiguous[q].cp1252; };
    while (from < to) {
      std::vector<Letter> word;
      for (size_t k = from; k < to; ++k) word.push_back(LetterOf((*out)[k], t));
      if (to - from >= 2 && ValidSyllable(word.data(), word.size()) && PlausibleCase(word.data(), word.size())) break;
      size_t edge = SIZE_MAX;
      for (size_t q = a; q <= last; ++q) {  // common punctuation first
        if (is_letter(ambiguous[q].at) && (ambiguous[q].at == from || ambiguous[q].at + 1 == to) &&
            (edge == SIZE_MAX || (ambiguous[q].strong && !ambiguous[edge].strong))) {
          edge = q;
        }
      }
      if (to - from == 1 && (edge == SIZE_MAX || !ambiguous[edge].strong)) break;  // "Ở" alone
      if (edge == SIZE_MAX) {
        for (size_t q = a; q <= last; ++q) {
          if (ambiguous[q].at > from && ambiguous[q].at + 1 < to) settle(q);
        }
        break;
      }
      settle(edge);
      if (ambiguous[edge].at == from) ++from;
      else --to;
    }
    a = last + 1;
  }
  return Status::Ok();
}

// ---------------------------------------------------------------------------------------------
// VIQR

struct ViqrCounts {
  size_t words = 0;   // ASCII words
  size_t strong = 0;  // of them, decoded with a mark no English text has (a vowel form, đ, a
                      // tone inside the word, or a final ` or ~)
};

bool IsToneChar(char c) { return c == '\'' || c == '`' || c == '?' || c == '~' || c == '.'; }
bool IsMarkChar(char c) { return IsToneChar(c) || c == '^' || c == '(' || c == '+' || c == '-'; }
uint8_t ToneOf(char c) {
  switch (c) {
    case '\'': return LegacyTables::kAcute;
    case '`': return LegacyTables::kGrave;
    case '?': return LegacyTables::kHook;
    case '~': return LegacyTables::kTilde;
    default: return LegacyTables::kDot;
  }
}
// Whether the character that ends just before s[at] (or starts at s[at]) is part of a word: an
// ASCII letter or digit, or a non-ASCII letter or combining mark.
bool IsWordChar(char32_t c) {
  if (c < 0x80) return IsAsciiLetter(static_cast<char>(c)) || (c >= '0' && c <= '9');
  return u_isalpha(static_cast<UChar32>(c)) || u_getCombiningClass(static_cast<UChar32>(c)) > 0;
}
bool WordCharBefore(std::string_view s, size_t at) {
  if (at == 0) return false;
  size_t k = at - 1;
  while (k > 0 && !IsLeadByte(static_cast<unsigned char>(s[k]))) --k;
  return IsWordChar(NextCodePoint(s, &k));
}
bool WordCharAt(std::string_view s, size_t at) {
  if (at >= s.size()) return false;
  return IsWordChar(NextCodePoint(s, &at));
}

// Appends a word left as written; in an acronym (capitals, no vowel) DD is Đ ("HDDND", "CDD",
// "DD."; not "ADD"), and in a run of three D the pair is the last two ("GDDDT" = GDĐT).
void AppendRaw(std::string_view raw, std::string* out) {
  bool caps = raw.size() >= 2 && std::all_of(raw.begin(), raw.end(), [](char ch) {
                return ch >= 'A' && ch <= 'Z' && !IsAsciiVowel(ch);
              });
  if (!caps || raw.find("DD") == std::string_view::npos) {
    out->append(raw);
    return;
  }
  for (size_t k = 0; k < raw.size();) {
    size_t run = 0;
    while (k + run < raw.size() && raw[k + run] == 'D') ++run;
    if (run == 0) {
      out->push_back(raw[k++]);
      continue;
    }
    if (run % 2) out->push_back('D');
    for (size_t q = 0; q < run / 2; ++q) out->append("\xC4\x90");
    k += run;
  }
}

// Whether the ambiguous final mark s[at] (after a vowel) is a tone; see the top of the file.
// `sentence_final`: the word is one that ends sentences far more often than its dot-below form
// occurs (data/encoding/viqr_sentence_final.txt).
bool FinalMarkIsTone(std::string_view s, size_t at, size_t letters, bool sentence_final) {
  char c = s[at];
  if (c == '\'' || c == '?') return true;  // questions are rare in news; a title may end with "nhỏ"
  size_t run = 0;
  while (at + run < s.size() && s[at + run] == c) ++run;
  if (run >= 2) return run % 2 == 0;
  size_t k = at + 1;
  auto line_end = [&](size_t q) { return q >= s.size() || s[q] == '\n' || s[q] == '\r'; };
  auto closing = [&](size_t q) { return q < s.size() && (s[q] == '"' || s[q] == '\'' || s[q] == ')' || s[q] == ']'); };
  if (letters == 1 || line_end(k)) return false;
  if (s[k] == ',' || s[k] == ';' || s[k] == ':' || s[k] == '!' || s[k] == '?' || s[k] == ')') return true;
  if (closing(k)) {  // 'ho.", ' is "họ", ; 'ra." ' is ra."
    while (closing(k)) ++k;
    if (k < s.size() && s[k] != 0 && std::strchr(",;:.!?", s[k])) return true;
    return !sentence_final;
  }
  if (s[k] != ' ' && s[k] != '\t') return false;
  // After blanks and opening quotes, brackets or dashes: the next word decides.
  char32_t next = 0;
  while (k < s.size()) {
    size_t q = k;
    next = NextCodePoint(s, &q);
    if (next != ' ' && next != '\t' && next != '"' && next != '\'' && next != '(' && next != '[' && next != '-' &&
        next != 0x201C && next != 0x2018 && next != 0xAB && next != 0x2013) {
      break;
    }
    k = q;
  }
  if (line_end(k)) return false;
  if (u_isdigit(static_cast<UChar32>(next)) || u_islower(static_cast<UChar32>(next))) return true;
  if (u_isupper(static_cast<UChar32>(next))) return !sentence_final;
  return false;
}

void AppendLetters(const std::vector<Letter>& word, const LegacyTables& t, std::string* out) {
  for (const Letter& l : word) {
    auto it = t.compose.find(LegacyTables::PackLetter(l));
    if (it != t.compose.end()) AppendUtf8(it->second, out);
    else out->push_back(l.upper ? static_cast<char>(l.base - 32) : l.base);
  }
}

// Decodes VIQR in `s` (valid UTF-8; non-ASCII passes through). Without `resolve`, a final
// . ? ' after a plain vowel is always punctuation (for text that hardly looks like VIQR).
void DecodeViqrPass(std::string_view s, const LegacyTables& t, bool resolve, std::string* out, ViqrCounts* counts) {
  out->clear();
  out->reserve(s.size());
  size_t n = s.size();
  size_t i = 0;
  std::vector<Letter> word;
  while (i < n) {
    char c = s[i];
    if (c == '\\' && i + 1 < n && IsMarkChar(s[i + 1])) {
      out->push_back(s[i + 1]);
      i += 2;
      continue;
    }
    if (!IsAsciiLetter(c) || WordCharBefore(s, i)) {
      out->push_back(c);
      ++i;
      continue;
    }
    // A word candidate: letters, each vowel with an optional form mark and one tone mark.
    word.clear();
    size_t j = i;
    bool dd = false, form = false;
    size_t tone_at = SIZE_MAX;
    if ((c == 'd' || c == 'D') && j + 1 < n &&
        ((s[j + 1] == 'd' && c == 'd') || (s[j + 1] == 'D' && c == 'D') || (s[j + 1] == 'd' && c == 'D') ||
         (s[j + 1] == '-' && j + 2 < n && IsAsciiVowel(s[j + 2])))) {
      word.push_back(Letter{'d', LegacyTables::kStroke, LegacyTables::kNoTone, c == 'D'});
      dd = true;
      j += 2;
    }
    while (j < n && IsAsciiLetter(s[j])) {
      Letter l = LetterOf(static_cast<unsigned char>(s[j]), t);
      ++j;
      if (IsVowel(l) && j < n) {
        char m = s[j];
        if ((m == '^' && (l.base == 'a' || l.base == 'e' || l.base == 'o')) || (m == '(' && l.base == 'a') ||
            (m == '+' && (l.base == 'o' || l.base == 'u'))) {
          l.form = m == '^' ? LegacyTables::kCircumflex : m == '(' ? LegacyTables::kBreve : LegacyTables::kHorn;
          form = true;
          ++j;
        }
        if (j < n && IsToneChar(s[j]) && tone_at == SIZE_MAX) {
          l.tone = ToneOf(s[j]);
          tone_at = j++;
        }
      }
      word.push_back(l);
      if (tone_at + 1 == j && (j >= n || !IsAsciiLetter(s[j]))) break;
    }
    bool whole = !WordCharAt(s, j) && !(j < n && s[j] == '\\' && j + 1 < n && IsAsciiLetter(s[j + 1]));
    std::string_view raw = s.substr(i, j - i);
    ++counts->words;
    if (!whole) {
      out->append(raw);
      i = j;
      continue;
    }
    if (!dd && !form && tone_at == SIZE_MAX) {
      AppendRaw(raw, out);
      i = j;
      continue;
    }
    bool final_tone = tone_at != SIZE_MAX && tone_at + 1 == j;
    auto acceptable = [&]() {
      return ValidSyllable(word.data(), word.size()) || ((form || dd) && LooseWord(word.data(), word.size()));
    };
    bool valid = acceptable();
    // "a.m.", "e.g.": a vowel, a dot, one letter, a dot. "I'm": English.
    if (valid && tone_at != SIZE_MAX && !final_tone && word.size() == 2 && tone_at == i + 1 &&
        ((s[tone_at] == '.' && j < n && s[j] == '.') || (s[i] == 'I' && s[tone_at] == '\'' && s[j - 1] == 'm'))) {
      valid = false;
    }
    bool keep_tone = true;
    if (final_tone && valid && !resolve && word.back().form == LegacyTables::kNoForm &&
        (s[tone_at] == '.' || s[tone_at] == '?' || s[tone_at] == '\'')) {
      keep_tone = false;
    } else if (final_tone && valid &&
               (s[tone_at] == '.' || s[tone_at] == '?' ||
                (s[tone_at] == '\'' && word.back().form == LegacyTables::kNoForm))) {
      std::string lower;
      for (size_t k = 0; k < word.size(); ++k) {
        Letter l = word[k];
        l.upper = false;
        if (k + 1 == word.size()) l.tone = LegacyTables::kNoTone;
        auto it = t.compose.find(LegacyTables::PackLetter(l));
        if (it != t.compose.end()) AppendUtf8(it->second, &lower);
        else lower.push_back(l.base);
      }
      keep_tone = FinalMarkIsTone(s, tone_at, word.size(), t.viqr_sentence_final.count(lower) > 0);
    }
    if (final_tone && (!valid || !keep_tone)) {
      // Read the final mark as punctuation; the word before it may still be marked.
      word.back().tone = LegacyTables::kNoTone;
      j = tone_at;
      raw = s.substr(i, j - i);
      if (!(dd || form) || !acceptable()) {
        AppendRaw(raw, out);
        i = j;
        continue;
      }
      tone_at = SIZE_MAX;
      valid = true;
    }
    if (!valid) {
      // A mark inside a word that is no syllable may be punctuation between two words
      // ("A.Ba?o" is "A." and "Bảo"): leave the part up to it as written and look again after.
      if (tone_at != SIZE_MAX) j = tone_at + 1;
      AppendRaw(s.substr(i, j - i), out);
      i = j;
      continue;
    }
    bool strong = dd || form || (tone_at != SIZE_MAX && (!final_tone || s[tone_at] == '`' || s[tone_at] == '~'));
    counts->strong += strong;
    AppendLetters(word, t, out);
    i = j;
  }
}

// The ambiguous final marks are read by context only in text where at least one word in five
// carries an unambiguous VIQR mark; elsewhere ("I said no. See") they stay punctuation.
void DecodeViqr(std::string_view s, const LegacyTables& t, std::string* out, ViqrCounts* counts) {
  DecodeViqrPass(s, t, false, out, counts);
  if (counts->strong > 0 && counts->strong * 5 >= counts->words) {
    *counts = {};
    DecodeViqrPass(s, t, true, out, counts);
  }
}

bool LooksLikeViqr(const ViqrCounts& c) {
  return (c.strong >= 1 && c.strong * 4 >= c.words) || (c.strong >= 3 && c.strong * 10 >= c.words);
}

// ---------------------------------------------------------------------------------------------
// Scoring a decoding as Vietnamese

struct Score {
  size_t syllables = 0;  // well-formed syllables with a diacritic
  size_t frequent = 0;   // of them, frequent ones
  size_t bad = 0;        // words with a diacritic that are no syllable, or with foreign letters
  long Value() const { return static_cast<long>(syllables + frequent) - static_cast<long>(bad); }
};

Score ScoreText(std::u32string_view decoded, const LegacyTables& t) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  std::string utf8;
  AppendUtf32(decoded, &utf8);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
  if (U_SUCCESS(err)) u = nfc->normalize(u, err);
  Score score;
  std::vector<Letter> word;
  bool foreign = false, marked = false;
  std::string lower;
  auto flush = [&]() {
    if (!word.empty() || foreign) {
      if (foreign) {
        ++score.bad;
      } else if (marked) {
        if (ValidSyllable(word.data(), word.size())) {
          ++score.syllables;
          lower.clear();
          for (Letter& l : word) l.upper = false;
          AppendLetters(word, t, &lower);
          if (std::find(std::begin(kFrequent), std::end(kFrequent), lower) != std::end(kFrequent)) ++score.frequent;
        } else {
          ++score.bad;
        }
      }
    }
    word.clear();
    foreign = marked = false;
  };
  for (int32_t k = 0; k < u.length();) {
    UChar32 c = u.char32At(k);
    k += U16_LENGTH(c);
    Letter l = LetterOf(static_cast<char32_t>(c), t);
    if (l.base) {
      word.push_back(l);
      marked |= l.form != LegacyTables::kNoForm || l.tone != LegacyTables::kNoTone;
    } else if (u_isalpha(c) || u_getCombiningClass(c) > 0) {
      foreign = true;
    } else {
      flush();
    }
  }
  flush();
  return score;
}

}  // namespace

Status LoadLegacyTables(const DataSource& source, std::unique_ptr<LegacyTables>* out) {
  auto t = std::make_unique<LegacyTables>();
  Status s = ParseTable(source, "encoding/tcvn3.tsv", &t->tcvn3);
  if (!s.ok()) return s;
  s = ParseTable(source, "encoding/vni.tsv", &t->vni);
  if (!s.ok()) return s;
  s = LoadWordList(source, "encoding/viqr_sentence_final.txt", &t->viqr_sentence_final);
  if (!s.ok()) return s;
  BuildLetters(t.get());
  BuildWindows1258(t.get());
  *out = std::move(t);
  return Status::Ok();
}

Status ConvertToUtf8(std::string_view bytes, Encoding enc, const LegacyTables& tables, std::string* out) {
  switch (enc) {
    case Encoding::kAuto: {
      std::string why;
      return ConvertToUtf8(bytes, DetectEncoding(bytes, tables, &why), tables, out);
    }
    case Encoding::kUtf8: {
      std::string_view text;
      Status s = DecodeUtf8(bytes, &text);
      if (!s.ok()) return s;
      out->assign(text);
      return Status::Ok();
    }
    case Encoding::kUtf16:
      return DecodeUtf16(bytes, out);
    case Encoding::kWindows1258:
      return DecodeWindows1258(bytes, tables, out);
    case Encoding::kTcvn3:
    case Encoding::kVni: {
      std::u32string decoded;
      bool tcvn3 = enc == Encoding::kTcvn3;
      Status s = DecodeFont(bytes, tcvn3 ? tables.tcvn3 : tables.vni, tcvn3 ? "tcvn3" : "vni", tcvn3, tables, &decoded);
      if (!s.ok()) return s;
      out->clear();
      AppendUtf32(decoded, out);
      return Status::Ok();
    }
    case Encoding::kViqr: {
      std::string_view text;
      Status s = DecodeUtf8(bytes, &text);
      if (!s.ok()) return s;
      ViqrCounts counts;
      DecodeViqr(text, tables, out, &counts);
      return Status::Ok();
    }
  }
  return Status::InvalidInput("unknown encoding");
}

namespace {

using V16 = unsigned char __attribute__((vector_size(16)));

// Counts per byte lane of V16 masks (0xFF lanes), 255 chunks at a time: `add` subtracts a mask
// (0xFF is -1), `flush` adds the lanes into *even and *odd (the lanes of even and odd offsets).
struct LaneCounts {
  V16 acc = {};
  int chunks = 0;
  void add(V16 mask, size_t* even, size_t* odd) {
    acc -= mask;
    if (++chunks == 255) flush(even, odd);
  }
  void flush(size_t* even, size_t* odd) {
    unsigned char lane[16];
    std::memcpy(lane, &acc, 16);
    for (int k = 0; k < 16; k += 2) {
      *even += lane[k];
      *odd += lane[k + 1];
    }
    acc = V16{};
    chunks = 0;
  }
};

// The zero bytes of p[0, n) (n even) at even offsets and at odd ones, sixteen bytes at a time.
void ZeroBytes(const unsigned char* p, size_t n, size_t* even, size_t* odd) {
  LaneCounts zeros;
  size_t k = 0;
  for (; k + 16 <= n; k += 16) {
    V16 v;
    std::memcpy(&v, p + k, 16);
    zeros.add(v == 0, even, odd);
  }
  zeros.flush(even, odd);
  for (; k + 2 <= n; k += 2) {
    *even += p[k] == 0;
    *odd += p[k + 1] == 0;
  }
}

}  // namespace

ViqrMarkCount CountViqrMarks(std::string_view bytes) {
  const auto* b = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  ViqrMarkCount count;
  size_t k = 0;
  LaneCounts marks, leads;
  for (; k + 17 <= n; k += 16) {
    V16 a, next;
    std::memcpy(&a, b + k, 16);
    std::memcpy(&next, b + k + 1, 16);
    // (a mark character is never a 'd': one count per lane at most)
    V16 mark = (a == '\'') | (a == '`') | (a == '?') | (a == '~') | (a == '.') | (a == '^') | (a == '(') |
               (a == '+') | (a == '-') | (((a | 0x20) == 'd') & ((next | 0x20) == 'd'));
    marks.add(mark, &count.marks, &count.marks);
    leads.add(a >= 0xC0, &count.leads, &count.leads);
  }
  marks.flush(&count.marks, &count.marks);
  leads.flush(&count.leads, &count.leads);
  auto is_d = [](unsigned char c) { return (c | 0x20) == 'd'; };
  for (; k < n; ++k) {
    count.marks += IsMarkChar(static_cast<char>(b[k])) + (k + 1 < n && is_d(b[k]) && is_d(b[k + 1]));
    count.leads += b[k] >= 0xC0;
  }
  return count;
}

Encoding DetectEncoding(std::string_view bytes, const LegacyTables& tables, std::string* why) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t n = bytes.size();
  if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
    *why = "UTF-8 byte-order mark";
    return Encoding::kUtf8;
  }
  if (n >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF))) {
    *why = p[0] == 0xFF ? "UTF-16 byte-order mark (little-endian)" : "UTF-16 byte-order mark (big-endian)";
    return Encoding::kUtf16;
  }
  // UTF-16 without BOM: ASCII letters and spaces leave one byte of most code units zero.
  size_t zero_even = 0, zero_odd = 0, units = std::min<size_t>(n, 8192) / 2;
  ZeroBytes(p, 2 * units, &zero_even, &zero_odd);
  size_t most = std::max(zero_even, zero_odd), least = std::min(zero_even, zero_odd);
  if (units >= 1 && most * 4 >= units && least * 8 <= most) {
    *why = "UTF-16 without byte-order mark (" + std::string(zero_even > zero_odd ? "big" : "little") + "-endian: " +
           std::to_string(most) + " of " + std::to_string(units) + " code units have a zero byte)";
    return Encoding::kUtf16;
  }
  std::string_view text;
  if (DecodeUtf8(bytes, &text).ok()) {
    // A sample, cut at a character boundary, is enough to see VIQR.
    std::string_view sample = text.substr(0, std::min<size_t>(text.size(), 65536));
    while (sample.size() < text.size() && !sample.empty() &&
           !IsLeadByte(static_cast<unsigned char>(text[sample.size()]))) {
      sample.remove_suffix(1);
    }
    // VIQR needs at least ten marked words for each Vietnamese letter written in Unicode (see
    // below), and a marked word takes at least one of its mark characters or a "dd"/"d-": that
    // bound, counted in one pass over the bytes, settles ordinary UTF-8 text without decoding it
    // as VIQR (the readers call this for every file, on one thread).
    const ViqrMarkCount counted = CountViqrMarks(sample);
    const size_t marks = counted.marks, non_ascii = counted.leads;
    size_t vietnamese = 0;
    for (size_t k = 0; k < sample.size();) {
      if (static_cast<unsigned char>(sample[k]) < 0x80) {
        ++k;
        continue;
      }
      vietnamese += tables.letters.count(NextCodePoint(sample, &k));
      if (vietnamese * 10 > marks) break;  // too many for VIQR: the count needs go no further
    }
    if (non_ascii > 0 && (marks < 3 || vietnamese * 10 > marks)) {
      *why = "valid UTF-8";
      return Encoding::kUtf8;
    }
    ViqrCounts counts;
    std::string decoded;
    DecodeViqrPass(sample, tables, false, &decoded, &counts);
    std::string stats =
        std::to_string(counts.strong) + " VIQR-marked syllables in " + std::to_string(counts.words) + " words";
    if (non_ascii == 0) {
      if (LooksLikeViqr(counts)) {
        *why = "ASCII with " + stats;
        return Encoding::kViqr;
      }
      *why = "ASCII (" + stats + ")";
      return Encoding::kUtf8;
    }
    if (counts.strong >= 3 && counts.strong * 10 >= counts.words && vietnamese * 10 <= counts.strong) {
      *why = "valid UTF-8 with " + stats + " and " + std::to_string(vietnamese) + " Vietnamese letters";
      return Encoding::kViqr;
    }
    *why = "valid UTF-8";
    return Encoding::kUtf8;
  }
  // Not UTF-8. Mostly UTF-8 all the same (a few bad bytes among good sequences)? Then it is read
  // as UTF-8, so that the error names the bad byte.
  size_t good = 0, bad = 0;
  for (size_t k = 0; k < n;) {
    unsigned char c = p[k];
    if (c < 0x80) {
      ++k;
      continue;
    }
    size_t len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    bool ok = len > 0 && k + len <= n;
    for (size_t q = 1; ok && q < len; ++q) ok = (p[k + q] & 0xC0) == 0x80;
    if (ok) {
      ++good;
      k += len;
    } else {
      ++bad;
      ++k;
    }
  }
  if (good >= 2 * bad && good >= 1) {  // legacy text has next to no valid sequence and many bad ones
    *why = "mostly UTF-8 (" + std::to_string(bad) + " invalid bytes among " + std::to_string(good) + " sequences)";
    return Encoding::kUtf8;
  }
  if (std::memchr(bytes.data(), 0, n) != nullptr) {
    *why = "binary data (NUL bytes), read as UTF-8 to report it";
    return Encoding::kUtf8;
  }
  // Decode a sample each way and count Vietnamese syllables.
  std::string_view sample = bytes.substr(0, std::min<size_t>(n, 65536));
  struct Candidate {
    Encoding enc;
    const char* name;
    Score score;
    bool ok;
  };
  Candidate cands[3] = {{Encoding::kWindows1258, "windows-1258", {}, false},
                        {Encoding::kTcvn3, "tcvn3", {}, false},
                        {Encoding::kVni, "vni", {}, false}};
  std::u32string decoded;
  for (Candidate& c : cands) {
    Status s;
    if (c.enc == Encoding::kWindows1258) {
      decoded.clear();
      if (tables.windows1258_ok) {
        for (unsigned char b : sample) decoded.push_back(b < 0x80 ? char32_t{b} : tables.windows1258[b]);
        // undefined bytes (0) are no letters: the score does not see them
      }
      s = tables.windows1258_ok ? Status::Ok() : Status::InvalidInput("no windows-1258");
    } else {
      bool tcvn3 = c.enc == Encoding::kTcvn3;
      s = DecodeFont(sample, tcvn3 ? tables.tcvn3 : tables.vni, c.name, tcvn3, tables, &decoded);
    }
    c.ok = s.ok();
    if (c.ok) c.score = ScoreText(decoded, tables);
  }
  // Best score wins; on a tie the order above (windows-1258, tcvn3, vni) decides: where the
  // scores tie, the letters are mostly Latin-1 ones that read the same in all three.
  Candidate* best = &cands[0];
  bool any = false;
  for (Candidate& c : cands) any |= c.ok && c.score.syllables > 0;
  if (any) {
    best = nullptr;
    for (Candidate& c : cands) {
      if (c.ok && (!best || c.score.Value() > best->score.Value())) best = &c;
    }
  }
  std::string others;
  for (const Candidate& c : cands) {
    if (&c == best) continue;
    others += others.empty() ? "" : ", ";
    others += std::string(c.name) + " " + (c.ok ? std::to_string(c.score.syllables) : std::string("invalid"));
  }
  *why = std::string(best->name) + ": " + std::to_string(best->score.syllables) + " Vietnamese syllables (" + others +
         ")";
  return best->enc;
}

}  // namespace vnextract::internal
