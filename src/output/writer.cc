#include "vnextract/writer.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <string>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace vnextract {

namespace {

constexpr std::string_view kColumns[] = {"doc",       "type",        "text",   "value",  "value_to", "unit",
                                         "qualifier", "numerator",   "denominator", "role", "parent",
                                         "canonical", "resolved",    "note",   "kind",   "number",   "year",
                                         "issuer_code", "issuer",    "issued", "start",       "end",    "sentence", "rule",   "context"};
constexpr size_t kColumnCount = sizeof(kColumns) / sizeof(kColumns[0]);

// Column `col` of `r`; numbers are written into `num`.
std::string_view Field(const Record& r, size_t col, char (&num)[24]) {
  auto number = [&](uint64_t x) { return std::string_view(num, static_cast<size_t>(std::to_chars(num, num + sizeof num, x).ptr - num)); };
  switch (col) {
    case 0: return r.doc;
    case 1: return TypeName(r);
    case 2: return r.text;
    case 3: return r.value;
    case 4: return r.value_to;
    case 5: return r.unit;
    case 6: return r.qualifier;
    case 7: return r.numerator;
    case 8: return r.denominator;
    case 9: return r.role;
    case 10: return r.parent;
    case 11: return r.canonical;
    case 12: return r.resolved;
    case 13: return r.note;
    case 14: return r.kind;
    case 15: return r.number;
    case 16: return r.year;
    case 17: return r.issuer_code;
    case 18: return r.issuer;
    case 19: return r.issued;
    case 20: return number(r.start);
    case 21: return number(r.end);
    case 22: return number(r.sentence);
    case 23: return r.rule;
    case 24: return r.context;
  }
  return {};
}

// Fields are appended to one buffer per record, written in one call: a stream call per field
// costs more than the field.
void CsvField(std::string* out, std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
    out->append(s);
    return;
  }
  out->push_back('"');
  size_t from = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '"') continue;
    out->append(s.substr(from, i + 1 - from));
    out->push_back('"');  // doubled
    from = i + 1;
  }
  out->append(s.substr(from));
  out->push_back('"');
}

void TsvField(std::string* out, std::string_view s) {
  size_t from = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\t' && s[i] != '\n' && s[i] != '\r') continue;
    out->append(s.substr(from, i - from));
    out->push_back(' ');
    from = i + 1;
  }
  out->append(s.substr(from));
}

inline bool NeedsEscape(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return u < 0x20 || u == '"' || u == '\\';
}

// Whether any byte of `w` (4 or 8 bytes) needs an escape (bit tricks from "Bit Twiddling
// Hacks": some byte b has b < n when (w - n) & ~w has a top bit set; exact for the word).
template <typename Word>
inline bool WordNeedsEscape(Word w) {
  constexpr Word kOnes = static_cast<Word>(0x0101010101010101ULL), kHigh = kOnes * 0x80;
  Word quote = w ^ (kOnes * '"'), backslash = w ^ (kOnes * '\\');
  return ((((w - kOnes * 0x20) & ~w) | ((quote - kOnes) & ~quote) | ((backslash - kOnes) & ~backslash)) & kHigh) != 0;
}

template <typename Word>
inline bool WordNeedsEscapeAt(const char* p) {
  Word w;
  std::memcpy(&w, p, sizeof w);
  return WordNeedsEscape(w);
}

inline bool BlockNeedsEscapeAt(const char* p) {
  using U8x16 = unsigned char __attribute__((vector_size(16)));
  U8x16 v;
  std::memcpy(&v, p, 16);
  U8x16 bad = (v < 0x20) | (v == '"') | (v == '\\');  // 0xFF where a byte needs an escape
#ifdef __SSE2__
  return _mm_movemask_epi8(reinterpret_cast<__m128i>(bad)) != 0;
#else
  uint64_t half[2];
  std::memcpy(half, &bad, 16);
  return (half[0] | half[1]) != 0;
#endif
}

// The index of the first byte at or after `from` that needs an escape, s.size() if none. Most
// text needs none: it is scanned 16 bytes at a time (GCC vector extensions: SSE2 on x86-64),
// and its last bytes with one more load that overlaps bytes before them (short strings: two
// overlapping words). Where some byte needs an escape, a byte loop finds it.
size_t CleanPrefix(std::string_view s, size_t from) {
  const char* d = s.data();
  size_t n = s.size(), i = from;
  if (n >= 16) {
    while (i + 16 <= n && !BlockNeedsEscapeAt(d + i)) i += 16;
    if (i + 16 > n && !BlockNeedsEscapeAt(d + n - 16)) return n;
  } else if (n >= 8) {
    if (!WordNeedsEscapeAt<uint64_t>(d) && !WordNeedsEscapeAt<uint64_t>(d + n - 8)) return n;
  } else if (n >= 4) {
    if (!WordNeedsEscapeAt<uint32_t>(d) && !WordNeedsEscapeAt<uint32_t>(d + n - 4)) return n;
  }
  while (i < n && !NeedsEscape(d[i])) ++i;
  return i;
}

// The most bytes a JSON string of `n` bytes takes: the quotes, every byte written as \u00XX.
constexpr size_t JsonRoom(size_t n) { return 6 * n + 2; }

// Writes `s` as a JSON string at p, which has JsonRoom(s.size()) bytes, and returns its end.
// s[0, clean) is known to need no escape (0 when not known).
char* PutJsonString(char* p, std::string_view s, size_t clean) {
  *p++ = '"';
  const char* d = s.data();
  size_t from = 0, i = clean;
  for (;;) {
    i = CleanPrefix(s, i);
    std::memcpy(p, d + from, i - from);
    p += i - from;
    if (i == s.size()) break;
    unsigned char u = static_cast<unsigned char>(d[i]);
    *p++ = '\\';
    switch (u) {
      case '"': *p++ = '"'; break;
      case '\\': *p++ = '\\'; break;
      case '\n': *p++ = 'n'; break;
      case '\r': *p++ = 'r'; break;
      case '\t': *p++ = 't'; break;
      default: {
        static const char kHex[] = "0123456789abcdef";
        const char esc[5] = {'u', '0', '0', kHex[u >> 4], kHex[u & 15]};
        std::memcpy(p, esc, 5);
        p += 5;
      }
    }
    from = ++i;
  }
  *p++ = '"';
  return p;
}

// Appends `s` as a JSON string: exactly as much room as it takes when it needs no escape.
void JsonString(std::string* out, std::string_view s) {
  size_t clean = CleanPrefix(s, 0);
  if (clean == s.size()) {  // nearly always: no room to clear and cut
    out->reserve(out->size() + s.size() + 2);
    out->push_back('"');
    out->append(s);
    out->push_back('"');
    return;
  }
  size_t start = out->size();
  out->resize(start + clean + JsonRoom(s.size() - clean));
  char* end = PutJsonString(out->data() + start, s, clean);
  out->resize(static_cast<size_t>(end - out->data()));
}

// A number or null: values are exact decimals written as JSON numbers.
void JsonNumber(std::string* out, std::string_view s) {
  if (s.empty()) out->append("null");
  else out->append(s);
}

// Writers of the parts of a JSON record at p, which has room for them; each returns the end.
template <size_t N>
inline char* Put(char* p, const char (&literal)[N]) {
  std::memcpy(p, literal, N - 1);
  return p + N - 1;
}

inline char* Put(char* p, std::string_view s) {
  std::memcpy(p, s.data(), s.size());
  return p + s.size();
}

// PutString of a string that is not empty. Most fields are short and need no escape: up to 32
// bytes, they are checked and copied with two overlapping loads and stores of 16, 8, 4 or 1
// bytes.
char* PutFilledString(char* p, std::string_view s) {
  const char* d = s.data();
  size_t n = s.size();
  char* q = p + 1;
  if (n >= 16) {
    if (n > 32 || BlockNeedsEscapeAt(d) || BlockNeedsEscapeAt(d + n - 16)) return PutJsonString(p, s, 0);
    std::memcpy(q, d, 16);
    std::memcpy(q + n - 16, d + n - 16, 16);
  } else if (n >= 8) {
    if (WordNeedsEscapeAt<uint64_t>(d) || WordNeedsEscapeAt<uint64_t>(d + n - 8)) return PutJsonString(p, s, 0);
    std::memcpy(q, d, 8);
    std::memcpy(q + n - 8, d + n - 8, 8);
  } else if (n >= 4) {
    if (WordNeedsEscapeAt<uint32_t>(d) || WordNeedsEscapeAt<uint32_t>(d + n - 4)) return PutJsonString(p, s, 0);
    std::memcpy(q, d, 4);
    std::memcpy(q + n - 4, d + n - 4, 4);
  } else {  // 1 to 3 bytes: the first, the middle and the last
    if (NeedsEscape(d[0]) || NeedsEscape(d[n / 2]) || NeedsEscape(d[n - 1])) return PutJsonString(p, s, 0);
    q[0] = d[0];
    q[n / 2] = d[n / 2];
    q[n - 1] = d[n - 1];
  }
  p[0] = '"';
  q[n] = '"';
  return q + n + 1;
}

// Room: JsonRoom(s.size()). Most fields are empty: that case is inlined.
inline char* PutString(char* p, std::string_view s) {
  if (!s.empty()) return PutFilledString(p, s);
  p[0] = '"';
  p[1] = '"';
  return p + 2;
}

// Room: s.size() + 4.
inline char* PutNumber(char* p, std::string_view s) { return s.empty() ? Put(p, "null") : Put(p, s); }

// Room: 20.
inline char* PutUint(char* p, uint64_t x) { return std::to_chars(p, p + 20, x).ptr; }

// Runs of fields that are empty in most records, keys and values: written as one piece when
// every field of the run is empty.
constexpr char kEmptyParts[] = ",\"numerator\":null,\"denominator\":null,\"role\":\"\",\"parent\":\"\"";
constexpr char kEmptyExtra[] =
    ",\"resolved\":\"\",\"note\":\"\",\"kind\":\"\",\"number\":\"\",\"year\":\"\",\"issuer_code\":\"\","
    "\"issuer\":\"\",\"issued\":\"\"";

// numerator … parent, when one of them is not empty.
char* PutParts(char* p, const Record& r) {
  p = Put(p, ",\"numerator\":");
  p = PutNumber(p, r.numerator);
  p = Put(p, ",\"denominator\":");
  p = PutNumber(p, r.denominator);
  p = Put(p, ",\"role\":");
  p = PutString(p, r.role);
  p = Put(p, ",\"parent\":");
  return PutString(p, r.parent);
}

// resolved … issued, when one of them is not empty.
char* PutExtraParts(char* p, const Record& r) {
  p = Put(p, ",\"resolved\":");
  p = PutString(p, r.resolved);
  p = Put(p, ",\"note\":");
  p = PutString(p, r.note);
  p = Put(p, ",\"kind\":");
  p = PutString(p, r.kind);
  p = Put(p, ",\"number\":");
  p = PutString(p, r.number);
  p = Put(p, ",\"year\":");
  p = PutString(p, r.year);
  p = Put(p, ",\"issuer_code\":");
  p = PutString(p, r.issuer_code);
  p = Put(p, ",\"issuer\":");
  p = PutString(p, r.issuer);
  p = Put(p, ",\"issued\":");
  return PutString(p, r.issued);
}

// The room of a record's JSON object besides its strings' JsonRoom(n) - 2 (and its extra
// keys): every key with its quotes, colon and comma, the quotes of every string, "null" for the
// four fields that may be one, three numbers, the braces and the line end.
constexpr size_t JsonFixedRoom() {
  size_t room = 0;
  for (std::string_view name : kColumns) room += name.size() + 4 + 2;
  return room + 4 * 4 + 3 * 20 + 3;
}

}  // namespace

std::optional<OutputFormat> ParseOutputFormat(std::string_view name) {
  if (name == "csv") return OutputFormat::kCsv;
  if (name == "tsv") return OutputFormat::kTsv;
  if (name == "json") return OutputFormat::kJson;
  if (name == "jsonl" || name == "ndjson") return OutputFormat::kJsonLines;
  return std::nullopt;
}

RecordWriter::RecordWriter(std::ostream& out, OutputFormat format, WriterOptions options)
    : out_(out), format_(format), options_(options) {}

std::string FormatHeader(OutputFormat format, const std::vector<std::string>& names, bool bom) {
  std::string out;
  if (format != OutputFormat::kCsv && format != OutputFormat::kTsv) return out;
  if (bom) out += "\xEF\xBB\xBF";
  for (size_t c = 0; c < names.size(); ++c) {
    if (c) out.push_back(format == OutputFormat::kCsv ? ',' : '\t');
    if (format == OutputFormat::kCsv) CsvField(&out, names[c]);
    else TsvField(&out, names[c]);
  }
  out += format == OutputFormat::kCsv ? "\r\n" : "\n";
  return out;
}

void FormatRow(OutputFormat format, const std::vector<std::string>& names, const std::vector<std::string>& values,
               const std::vector<bool>& numeric, std::string* out) {
  if (format == OutputFormat::kCsv || format == OutputFormat::kTsv) {
    for (size_t c = 0; c < values.size(); ++c) {
      if (c) out->push_back(format == OutputFormat::kCsv ? ',' : '\t');
      if (format == OutputFormat::kCsv) CsvField(out, values[c]);
      else TsvField(out, values[c]);
    }
    out->append(format == OutputFormat::kCsv ? "\r\n" : "\n");
    return;
  }
  out->push_back('{');
  for (size_t c = 0; c < values.size() && c < names.size(); ++c) {
    if (c) out->push_back(',');
    JsonString(out, names[c]);
    out->push_back(':');
    if (c < numeric.size() && numeric[c]) JsonNumber(out, values[c]);
    else JsonString(out, values[c]);
  }
  out->push_back('}');
  if (format == OutputFormat::kJsonLines) out->push_back('\n');
}

const std::vector<std::string>& RecordColumns() {
  static const std::vector<std::string> kNames(std::begin(kColumns), std::end(kColumns));
  return kNames;
}

void RecordWriter::Begin() {
  size_t cols = options_.context ? kColumnCount : kColumnCount - 1;
  switch (format_) {
    case OutputFormat::kCsv:
    case OutputFormat::kTsv: {
      if (options_.bom) out_ << "\xEF\xBB\xBF";
      const char* sep = format_ == OutputFormat::kCsv ? "," : "\t";
      std::string header;
      for (size_t c = 0; c < cols; ++c) {
        if (c) header += sep;
        header += kColumns[c];
      }
      for (const std::string& name : options_.extra_columns) {
        header += sep;
        if (format_ == OutputFormat::kCsv) CsvField(&header, name);
        else TsvField(&header, name);
      }
      out_ << header << (format_ == OutputFormat::kCsv ? "\r\n" : "\n");
      break;
    }
    case OutputFormat::kJson:
      out_ << "[";
      break;
    case OutputFormat::kJsonLines:
      break;
  }
}

void RecordWriter::Write(const Record& r) {
  buf_.clear();
  if (format_ == OutputFormat::kJson) buf_.append(first_ ? "\n" : ",\n");
  first_ = false;
  Format(r, &buf_);
  out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
}

void RecordWriter::Format(const Record& r, std::string* out) {
  if (format_ == OutputFormat::kCsv || format_ == OutputFormat::kTsv) {
    FormatTableRow(r, out);
    return;
  }
  std::string_view context;  // escaped, with its quotes
  if (options_.context) {
    if (r.context != last_context_ || last_context_escaped_.empty()) {
      last_context_ = r.context;
      last_context_escaped_.clear();
      JsonString(&last_context_escaped_, r.context);
    }
    context = last_context_escaped_;
  }
  std::string_view type = TypeName(r);
  size_t strings = r.doc.size() + type.size() + r.text.size() + r.value.size() + r.value_to.size() + r.unit.size() +
                   r.qualifier.size() + r.numerator.size() + r.denominator.size() + r.role.size() + r.parent.size() +
                   r.canonical.size() + r.resolved.size() + r.note.size() + r.kind.size() + r.number.size() +
                   r.year.size() + r.issuer_code.size() + r.issuer.size() + r.issued.size() + r.rule.size();
  size_t room = JsonFixedRoom() + 6 * strings + context.size();
  for (size_t k = 0; k < options_.extra_columns.size(); ++k) {
    room += 2 + JsonRoom(options_.extra_columns[k].size()) + JsonRoom(k < r.extra.size() ? r.extra[k].size() : 0);
  }
  // The object is written into scratch_, room enough for it (no growth check per field; grown,
  // and cleared, only when a record needs more than any before), then appended: a resize of
  // *out would clear the whole room each time.
  if (scratch_.size() < room) scratch_.resize(std::max(room, 2 * scratch_.size()));
  char* const begin = scratch_.data();
  char* p = begin;
  bool numeric = HasNumericValue(r.type);
  p = Put(p, "{\"doc\":");
  p = PutString(p, r.doc);
  p = Put(p, ",\"type\":\"");
  p = Put(p, type);
  p = Put(p, "\",\"text\":");
  p = PutString(p, r.text);
  p = Put(p, ",\"value\":");
  p = numeric ? PutNumber(p, r.value) : PutString(p, r.value);
  p = Put(p, ",\"value_to\":");
  p = numeric || r.value_to.empty() ? PutNumber(p, r.value_to) : PutString(p, r.value_to);
  p = Put(p, ",\"unit\":");
  p = PutString(p, r.unit);
  p = Put(p, ",\"qualifier\":");
  p = PutString(p, r.qualifier);
  if ((r.numerator.size() | r.denominator.size() | r.role.size() | r.parent.size()) == 0) p = Put(p, kEmptyParts);
  else p = PutParts(p, r);
  p = Put(p, ",\"canonical\":");
  p = PutString(p, r.canonical);
  if ((r.resolved.size() | r.note.size() | r.kind.size() | r.number.size() | r.year.size() | r.issuer_code.size() |
       r.issuer.size() | r.issued.size()) == 0) {
    p = Put(p, kEmptyExtra);
  } else {
    p = PutExtraParts(p, r);
  }
  p = Put(p, ",\"start\":");
  p = PutUint(p, r.start);
  p = Put(p, ",\"end\":");
  p = PutUint(p, r.end);
  p = Put(p, ",\"sentence\":");
  p = PutUint(p, r.sentence);
  p = Put(p, ",\"rule\":");
  p = PutString(p, r.rule);
  if (options_.context) {
    p = Put(p, ",\"context\":");
    p = Put(p, context);
  }
  for (size_t k = 0; k < options_.extra_columns.size(); ++k) {
    *p++ = ',';
    p = PutString(p, options_.extra_columns[k]);
    *p++ = ':';
    p = PutString(p, k < r.extra.size() ? std::string_view(r.extra[k]) : std::string_view());
  }
  *p++ = '}';
  if (format_ == OutputFormat::kJsonLines) *p++ = '\n';
  out->append(begin, static_cast<size_t>(p - begin));
}

void RecordWriter::FormatTableRow(const Record& r, std::string* out) const {
  bool csv = format_ == OutputFormat::kCsv;
  size_t cols = options_.context ? kColumnCount : kColumnCount - 1;
  char num[24];
  for (size_t c = 0; c < cols; ++c) {
    if (c) out->push_back(csv ? ',' : '\t');
    if (csv) CsvField(out, Field(r, c, num));
    else TsvField(out, Field(r, c, num));
  }
  for (size_t k = 0; k < options_.extra_columns.size(); ++k) {
    out->push_back(csv ? ',' : '\t');
    std::string_view v = k < r.extra.size() ? std::string_view(r.extra[k]) : std::string_view();
    if (csv) CsvField(out, v);
    else TsvField(out, v);
  }
  out->append(csv ? "\r\n" : "\n");
}

void RecordWriter::End() {
  if (format_ == OutputFormat::kJson) out_ << (first_ ? "]\n" : "\n]\n");
}

}  // namespace vnextract
