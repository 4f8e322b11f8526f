#include "cli/documents.h"

#include <fcntl.h>
#include <simdjson.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "decode/utf8.h"
#include "input/html.h"

namespace vnextract::cli {

struct DocumentReader::Json {
  simdjson::dom::parser parser;
};

// Buffered reading of a file descriptor: chunks for texts read in parts, lines for JSON Lines
// (a line too long to keep is read past, not held), and as little read ahead as a streaming
// filter allows (a read returns what the pipe holds).
class ByteSource {
 public:
  ByteSource() = default;
  ByteSource(const ByteSource&) = delete;
  ByteSource& operator=(const ByteSource&) = delete;
  ~ByteSource() {
    if (own_ && fd_ >= 0) ::close(fd_);
  }

  // Opens `path`, or standard input when it is empty. With `regular_only` (a file found by a
  // directory walk) anything but a regular file is refused, without waiting for the writer of a
  // FIFO.
  bool Open(const std::string& path, bool regular_only, std::string* reason) {
    if (path.empty()) {
      fd_ = 0;
      own_ = false;
      return true;
    }
    int flags = O_RDONLY | O_CLOEXEC | (regular_only ? O_NONBLOCK : 0);
    int fd;
    do {
      fd = ::open(path.c_str(), flags);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) {
      *reason = std::string("cannot open: ") + std::strerror(errno);
      return false;
    }
    struct stat st;
    if (::fstat(fd, &st) == 0) {
      if (S_ISDIR(st.st_mode)) {
        ::close(fd);
        *reason = "is a directory";
        return false;
      }
      if (regular_only && !S_ISREG(st.st_mode)) {
        ::close(fd);
        *reason = "not a regular file";
        return false;
      }
      if (S_ISREG(st.st_mode) && st.st_size > 0) size_hint_ = static_cast<uint64_t>(st.st_size);
    }
    if (regular_only) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    fd_ = fd;
    own_ = true;
    return true;
  }

  // Buffers at least `n` bytes, fewer at the end of the input. False (and *reason) on a read error.
  bool Fill(size_t n, std::string* reason) {
    while (end_ - pos_ < n && !eof_) {
      if (pos_ > 0 && pos_ >= end_ - pos_) {  // move the rest to the front
        Compact();
      }
      // buf_ only grows (its new bytes cleared once): a resize for every read would clear 64 KB
      // each time. The room after the chunk is simdjson's padding (ReadLine). A file of known
      // size is read in chunks of its size (one more byte, at least 4 KB, to see its end): a
      // whole chunk for every short article would clear 64 KB per file.
      size_t chunk = kChunk;
      if (size_hint_ > 0) chunk = std::clamp<uint64_t>(size_hint_ > read_ ? size_hint_ - read_ + 1 : 1, 4096, kChunk);
      if (buf_.size() < end_ + chunk + kPadding) buf_.resize(end_ + chunk + kPadding);
      ssize_t got = ::read(fd_, buf_.data() + end_, chunk);
      int err = errno;
      if (got > 0) end_ += static_cast<size_t>(got), read_ += static_cast<uint64_t>(got);
      if (got < 0) {
        if (err == EINTR) continue;
        *reason = std::string("read error: ") + std::strerror(err);
        eof_ = true;
        return false;
      }
      if (got == 0) eof_ = true;
    }
    return true;
  }
  // Buffers more than is buffered now, unless at the end of the input (as soon as anything comes).
  bool FillMore(std::string* reason) { return Fill(buffered().size() + 1, reason); }

  std::string_view buffered() const { return std::string_view(buf_.data() + pos_, end_ - pos_); }
  bool at_end() const { return eof_ && pos_ == end_; }

  void Consume(size_t n) {
    pos_ += n;
    if (pos_ == end_) {
      pos_ = end_ = 0;
      if (buf_.size() > (size_t{4} << 20)) std::string().swap(buf_);  // after a long line
    }
  }

  enum class Line { kLine, kTooLong, kEnd, kError };
  // The next line without its '\n' in *line (the last one may lack it), and its length in
  // *length. A line longer than `max` is read past without being kept: kTooLong, *line empty.
  // *line points into the buffer, valid until the next call, and is followed by kPadding
  // readable bytes (what simdjson reads past the end of its input).
  Line ReadLine(std::string_view* line, size_t max, uint64_t* length, std::string* reason) {
    if (pos_ == 0 && end_ == 0 && buf_.size() > (size_t{4} << 20)) std::string().swap(buf_);  // after a long line
    uint64_t dropped = 0;  // bytes of a too-long line already read past
    size_t scanned = 0;    // bytes of the buffer known to hold no '\n'
    while (true) {
      std::string_view avail = buffered();
      size_t nl = avail.find('\n', scanned);
      if (nl == std::string_view::npos && eof_) {
        if (avail.empty() && dropped == 0) return Line::kEnd;
        nl = avail.size();
      }
      if (nl != std::string_view::npos) {
        *length = dropped + nl;
        bool too_long = dropped > 0 || nl > max;
        *line = too_long ? std::string_view() : avail.substr(0, nl);
        // (the memory stays: a long line's buffer is let go at the next call)
        pos_ += std::min(nl + 1, avail.size());
        if (pos_ == end_) pos_ = end_ = 0;
        return too_long ? Line::kTooLong : Line::kLine;
      }
      if (avail.size() > max) {  // too long to keep: read past it
        dropped += avail.size();
        Consume(avail.size());
        scanned = 0;
      } else {
        scanned = avail.size();
        if (scanned > (size_t{1} << 20) && buf_.capacity() < max + 2 * kChunk) {
          // A long line: room for the longest one at once, rather than doubling (and copying) the
          // buffer up to twice that.
          Compact();
          buf_.reserve(max + 2 * kChunk + kPadding);
        }
      }
      if (!FillMore(reason)) return Line::kError;
    }
  }

  // Bytes after the buffered ones that may be read (not their values): simdjson's padding.
  static constexpr size_t kPadding = simdjson::SIMDJSON_PADDING;

 private:
  // Moves the buffered bytes to the front of buf_.
  void Compact() {
    std::copy(buf_.begin() + static_cast<std::ptrdiff_t>(pos_), buf_.begin() + static_cast<std::ptrdiff_t>(end_), buf_.begin());
    end_ -= pos_;
    pos_ = 0;
  }

  static constexpr size_t kChunk = 64 * 1024;
  int fd_ = -1;
  bool own_ = false;
  std::string buf_;  // [pos_, end_) is what was read and not consumed; its size only grows
  size_t pos_ = 0;
  size_t end_ = 0;
  bool eof_ = false;
  uint64_t size_hint_ = 0;  // a regular file's size when opened (0: not known)
  uint64_t read_ = 0;       // bytes read so far
};

namespace {

bool EndsWith(const std::string& s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    char c = s[s.size() - suffix.size() + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != suffix[i]) return false;
  }
  return true;
}

// ASCII case-insensitive search of `needle` (lower case) in `hay`.
bool ContainsNoCase(std::string_view hay, std::string_view needle) {
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    size_t k = 0;
    while (k < needle.size()) {
      char c = hay[i + k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      if (c != needle[k]) break;
      ++k;
    }
    if (k == needle.size()) return true;
  }
  return false;
}

// A date field's value as a reference date: "2023-10-06", "2023-10-06T08:00:00+07:00",
// "20231006".
std::optional<CivilDate> DateOf(std::string_view s) {
  if (s.size() >= 10 && s[4] == '-' && s[7] == '-') return ParseIsoDate(s.substr(0, 10));
  if (s.size() == 8) return ParseIsoDate(s);
  return std::nullopt;
}

bool StartsWithBom(std::string_view s) { return s.substr(0, 3) == "\xEF\xBB\xBF"; }

uint64_t CodePoints(std::string_view s) {
  uint64_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// UTF-16 without a byte-order mark is big-endian when more even bytes are zero (as decode/legacy.cc
// decides).
bool Utf16BigEndian(std::string_view b) {
  if (b.size() >= 2 && static_cast<unsigned char>(b[0]) == 0xFE && static_cast<unsigned char>(b[1]) == 0xFF) return true;
  if (b.size() >= 2 && static_cast<unsigned char>(b[0]) == 0xFF && static_cast<unsigned char>(b[1]) == 0xFE) return false;
  size_t zero_even = 0, zero_odd = 0;
  for (size_t k = 0; k + 1 < std::min<size_t>(b.size(), 8192); k += 2) {
    zero_even += b[k] == 0;
    zero_odd += b[k + 1] == 0;
  }
  return zero_even > zero_odd;
}

}  // namespace

size_t PartBytes() {
  static const size_t bytes = [] {
    const char* env = std::getenv("VNEXTRACT_PART_BYTES");
    if (env != nullptr && *env != '\0') {
      char* end = nullptr;
      unsigned long long v = std::strtoull(env, &end, 10);
      if (end != nullptr && *end == '\0' && v >= 64) return static_cast<size_t>(v);
    }
    return size_t{128} << 10;
  }();
  return bytes;
}

size_t FindCut(std::string_view bytes, size_t limit, Encoding encoding, bool big_endian, char* kind) {
  const size_t w = encoding == Encoding::kUtf16 ? 2 : 1;  // bytes per code unit
  limit = std::min(limit, bytes.size()) / w * w;
  auto unit = [&](size_t i) -> uint32_t {  // the code unit at byte i
    auto b = [&](size_t k) { return static_cast<uint32_t>(static_cast<unsigned char>(bytes[k])); };
    if (w == 1) return b(i);
    return big_endian ? (b(i) << 8 | b(i + 1)) : (b(i + 1) << 8 | b(i));
  };
  const size_t half = limit / 2 / w * w;
  // After the last line break in the second half.
  for (size_t i = limit; i >= half + w; i -= w) {
    if (unit(i - w) == '\n') {
      *kind = '\n';
      return i;
    }
  }
  // After the last sentence end there: ". ", "! ", "? ", not after a capital ("TP. Hà Nội").
  for (size_t i = limit; i >= half + 3 * w; i -= w) {
    uint32_t end = unit(i - 2 * w), blank = unit(i - w), before = unit(i - 3 * w);
    if ((end == '.' || end == '!' || end == '?') && (blank == ' ' || blank == '\t') && !(before >= 'A' && before <= 'Z')) {
      *kind = '.';
      return i;
    }
  }
  // After the last blank there.
  for (size_t i = limit; i >= half + w && i >= 2 * w; i -= w) {
    uint32_t u = unit(i - w);
    if (u == ' ' || u == '\t' || u == '\r' || u == '\n') {
      *kind = u == '\n' ? '\n' : ' ';
      return i;
    }
  }
  // At the last character boundary.
  *kind = 0;
  size_t p = limit;
  if (encoding == Encoding::kUtf16) {
    if (p >= 2 && p < bytes.size() && unit(p) >= 0xDC00 && unit(p) <= 0xDFFF) p -= 2;  // not between surrogates
  } else if (encoding == Encoding::kUtf8 || encoding == Encoding::kViqr || encoding == Encoding::kAuto) {
    while (p > 0 && limit - p < 3 && p < bytes.size() && (static_cast<unsigned char>(bytes[p]) & 0xC0) == 0x80) --p;
  }
  return p > 0 ? p : limit;
}

std::string ShiftByteOffset(const std::string& message, int64_t delta) {
  static const std::string kAt = " at byte ";
  size_t at = message.rfind(kAt);
  if (at == std::string::npos || delta == 0) return message;
  size_t b = at + kAt.size(), e = b;
  while (e < message.size() && message[e] >= '0' && message[e] <= '9') ++e;
  if (e == b || e != message.size()) return message;
  int64_t n = static_cast<int64_t>(std::strtoull(message.c_str() + b, nullptr, 10)) + delta;
  return message.substr(0, b) + std::to_string(n < 0 ? 0 : n);
}

InputFormat GuessFormat(const std::string& path, std::string_view head) {
  if (EndsWith(path, ".html") || EndsWith(path, ".htm") || EndsWith(path, ".xhtml")) return InputFormat::kHtml;
  if (EndsWith(path, ".jsonl") || EndsWith(path, ".ndjson") || EndsWith(path, ".json")) return InputFormat::kJsonLines;
  if (EndsWith(path, ".txt")) return InputFormat::kText;
  size_t i = 0;
  if (head.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < head.size() && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) ++i;
  std::string_view rest = head.substr(i);
  if (!rest.empty() && rest[0] == '{') return InputFormat::kJsonLines;
  if (!rest.empty() && rest[0] == '<' &&
      (ContainsNoCase(rest.substr(0, 1024), "<html") || ContainsNoCase(rest.substr(0, 1024), "<!doctype html") ||
       ContainsNoCase(rest.substr(0, 1024), "<body") || ContainsNoCase(rest.substr(0, 1024), "<p"))) {
    return InputFormat::kHtml;
  }
  return InputFormat::kText;
}

DocumentReader::DocumentReader(std::vector<Input> inputs, ReadOptions options, const Extractor& extractor)
    : inputs_(std::move(inputs)),
      options_(std::move(options)),
      extractor_(extractor),
      part_bytes_(PartBytes()),
      json_(std::make_unique<Json>()) {}

DocumentReader::~DocumentReader() = default;

void DocumentReader::SetText(std::string text, Document* doc) {
  if (text.size() <= part_bytes_) {
    doc->text = std::move(text);
    return;
  }
  // Too long to extract at once: cut in memory.
  template_ = std::move(*doc);
  template_.text.clear();
  template_.chain = std::make_shared<PartChain>();
  memory_text_ = std::move(text);
  memory_pos_ = 0;
  next_part_ = 0;
  next_cp_base_ = 0;
  next_cut_ = 0;
  memory_active_ = true;
  NextMemoryPart(doc);
}

void DocumentReader::PlacePart(Document* doc) {
  bool bom = StartsWithBom(doc->text);
  uint64_t cps = CodePoints(doc->text);
  if (doc->part == 0) {  // offsets count from after a byte-order mark
    doc->cp_base = 0;
    next_cp_base_ = cps - (bom ? 1 : 0);
  } else {  // Extract skips a leading U+FEFF, which the whole document's offsets count
    doc->cp_base = next_cp_base_ + (bom ? 1 : 0);
    next_cp_base_ += cps;
  }
}

bool DocumentReader::NextMemoryPart(Document* doc) {
  std::string_view rest = std::string_view(memory_text_).substr(memory_pos_);
  bool last = rest.size() <= part_bytes_;
  char kind = 0;
  size_t take = last ? rest.size() : FindCut(rest, part_bytes_, Encoding::kUtf8, false, &kind);
  *doc = template_;
  doc->text.assign(rest.substr(0, take));
  doc->bytes = take;
  doc->part = next_part_++;
  doc->last_part = last;
  doc->cut = next_cut_;
  doc->cut_after = kind;
  next_cut_ = kind;
  PlacePart(doc);
  memory_pos_ += take;
  if (last) {
    memory_active_ = false;
    std::string().swap(memory_text_);
    template_ = Document();
  }
  return true;
}

void DocumentReader::FromBytes(const Input& in, std::string bytes, InputFormat format, Document* doc) {
  doc->id = in.name;
  doc->where = in.name;
  doc->bytes = bytes.size();
  Encoding chosen = Encoding::kUtf8;
  std::string why;
  std::string utf8;
  Status s = extractor_.Decode(bytes, options_.encoding, &utf8, &chosen, &why);
  doc->encoding = std::string(EncodingName(chosen));
  doc->encoding_why = why;
  if (!s.ok()) {
    doc->failed = true;
    doc->error = s.message();
    return;
  }
  if (format == InputFormat::kHtml) {
    std::string().swap(bytes);
    internal::HtmlPage page;
    s = internal::ExtractHtml(utf8, &page);
    if (!s.ok()) {
      doc->failed = true;
      doc->error = s.message();
      return;
    }
    std::string().swap(utf8);
    doc->title = page.title;
    doc->date = page.published;
    doc->author = page.author;
    doc->reference = DateOf(page.published);
    doc->fields = {{"title", page.title}, {"date", page.published}, {"author", page.author}};
    SetText(std::move(page.text), doc);
    return;
  }
  SetText(std::move(utf8), doc);
}

void DocumentReader::CloseSource() {
  source_.reset();
  source_input_ = nullptr;
  mode_ = Mode::kNone;
}

bool DocumentReader::Next(Document* doc) {
  *doc = Document();
  while (true) {
    if (memory_active_) return NextMemoryPart(doc);
    if (mode_ == Mode::kJsonLines) {
      if (NextJsonLine(doc)) return true;
      CloseSource();
      continue;
    }
    if (mode_ == Mode::kTextParts) {
      if (NextTextPart(doc)) return true;
      CloseSource();
      continue;
    }
    if (next_input_ >= inputs_.size()) return false;
    if (OpenNext(doc)) return true;  // a whole document (or a failure) from one input
  }
}

bool DocumentReader::OpenNext(Document* doc) {
  const Input& in = inputs_[next_input_++];
  auto fail = [&](const std::string& reason) {
    doc->id = doc->where = in.name;
    doc->failed = true;
    doc->error = reason;
    return true;
  };
  auto source = std::make_unique<ByteSource>();
  std::string reason;
  if (!source->Open(in.path, in.regular_only, &reason)) return fail(reason);
  InputFormat format = options_.format;
  if (format == InputFormat::kAuto) {
    if (in.path.empty()) {
      // Standard input: JSON Lines when it starts with '{'. Wait for no more than the first
      // byte that is no blank, so that a streaming filter gets its first line's records before
      // it writes the second.
      while (true) {
        std::string_view b = source->buffered();
        size_t i = StartsWithBom(b) ? 3 : 0;
        while (i < b.size() && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) ++i;
        if (i < b.size() || source->at_end() || b.size() >= 4096) break;
        if (!source->FillMore(&reason)) return fail(reason);
      }
      std::string_view b = source->buffered();
      size_t i = StartsWithBom(b) ? 3 : 0;
      while (i < b.size() && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) ++i;
      if (i < b.size() && b[i] == '{') format = InputFormat::kJsonLines;
    } else {
      format = GuessFormat(in.path, "");
      if (format == InputFormat::kText && !EndsWith(in.path, ".txt")) format = InputFormat::kAuto;
    }
    if (format == InputFormat::kAuto) {  // by content
      if (!source->Fill(4096, &reason)) return fail(reason);
      format = GuessFormat(in.path.empty() ? std::string() : in.path, source->buffered().substr(0, 4096));
    }
  }
  if (format == InputFormat::kJsonLines) {
    source_ = std::move(source);
    source_input_ = &in;
    mode_ = Mode::kJsonLines;
    line_no_ = 0;
    return false;
  }
  if (format == InputFormat::kHtml) {
    // The HTML parser needs the whole page.
    if (!source->Fill(kMaxHtmlBytes + 1, &reason)) return fail(reason);
    if (source->buffered().size() > kMaxHtmlBytes) {
      uint64_t total = 0;
      while (!source->at_end()) {
        total += source->buffered().size();
        source->Consume(source->buffered().size());
        if (!source->FillMore(&reason)) return fail(reason);
      }
      return fail("HTML page too large (" + std::to_string(total) + " bytes, limit " + std::to_string(kMaxHtmlBytes) + ")");
    }
    FromBytes(in, std::string(source->buffered()), format, doc);
    return true;
  }
  // Text: whole when it is short, else in parts as it is read.
  if (!source->Fill(part_bytes_ + 1, &reason)) return fail(reason);
  std::string_view head = source->buffered();
  if (head.size() <= part_bytes_) {
    FromBytes(in, std::string(head), format, doc);
    return true;
  }
  // The encoding: given, or guessed from the first part (cut after a blank, so that no
  // character is cut in two).
  template_ = Document();
  template_.id = template_.where = in.name;
  text_encoding_ = options_.encoding;
  std::string why = "given";
  if (text_encoding_ == Encoding::kAuto) {
    std::string_view sample = head.substr(0, part_bytes_);
    size_t blank = sample.find_last_of(" \n");
    if (blank != std::string_view::npos && blank > sample.size() / 2) sample = sample.substr(0, blank + 1);
    std::string ignored;
    Encoding chosen = Encoding::kUtf8;
    extractor_.Decode(sample, Encoding::kAuto, &ignored, &chosen, &why);
    text_encoding_ = chosen;
  }
  big_endian_ = text_encoding_ == Encoding::kUtf16 && Utf16BigEndian(head);
  utf16_bom_ = big_endian_ ? "\xFE\xFF" : "\xFF\xFE";
  template_.encoding = std::string(EncodingName(text_encoding_));
  template_.encoding_why = why;
  template_.chain = std::make_shared<PartChain>();
  source_ = std::move(source);
  source_input_ = &in;
  mode_ = Mode::kTextParts;
  byte_base_ = 0;
  next_part_ = 0;
  next_cp_base_ = 0;
  next_cut_ = 0;
  text_done_ = false;
  return NextTextPart(doc);
}

bool DocumentReader::NextTextPart(Document* doc) {
  if (text_done_) return false;
  ByteSource& src = *source_;
  *doc = template_;
  std::string reason;
  auto fail = [&](const std::string& why) {
    doc->failed = true;
    doc->error = why;
    doc->part = next_part_;
    doc->last_part = true;
    text_done_ = true;
    return true;
  };
  if (!src.Fill(part_bytes_ + 1, &reason)) return fail(reason);
  std::string_view avail = src.buffered();
  bool last = avail.size() <= part_bytes_;  // the input ends within this part
  char kind = 0;
  size_t take = last ? avail.size() : FindCut(avail, part_bytes_, text_encoding_, big_endian_, &kind);
  std::string bytes;
  size_t prefix = 0;
  if (next_part_ > 0 && text_encoding_ == Encoding::kUtf16) {  // the byte order of the first part
    bytes = utf16_bom_;
    prefix = bytes.size();
  }
  bytes.append(avail.substr(0, take));
  src.Consume(take);
  doc->bytes = take;
  std::string utf8;
  Status s = extractor_.Decode(bytes, text_encoding_, &utf8);
  if (!s.ok()) {
    return fail(ShiftByteOffset(s.message(), static_cast<int64_t>(byte_base_) - static_cast<int64_t>(prefix)));
  }
  // In UTF-8 (and VIQR, which is UTF-8) a later part starting with EF BB BF holds a U+FEFF of the
  // document that the decoder took for a byte-order mark: put it back. In the 8-bit encodings
  // those bytes are three letters, already decoded.
  if (next_part_ > 0 && StartsWithBom(bytes) && !StartsWithBom(utf8) &&
      (text_encoding_ == Encoding::kUtf8 || text_encoding_ == Encoding::kViqr)) {
    utf8.insert(0, "\xEF\xBB\xBF");
  }
  byte_base_ += take;
  doc->text = std::move(utf8);
  doc->part = next_part_++;
  doc->last_part = last;
  doc->cut = next_cut_;
  doc->cut_after = kind;
  next_cut_ = kind;
  PlacePart(doc);
  if (last) text_done_ = true;
  return true;
}

bool DocumentReader::NextJsonLine(Document* doc) {
  std::string_view line;  // in the source's buffer, with simdjson's padding after it
  std::string reason;
  uint64_t length = 0;
  while (true) {
    ByteSource::Line got = source_->ReadLine(&line, kMaxJsonLineBytes, &length, &reason);
    if (got == ByteSource::Line::kEnd) return false;
    const Input& in = *source_input_;
    if (got == ByteSource::Line::kError) {
      doc->id = doc->where = in.name;
      doc->failed = true;
      doc->error = reason;
      CloseSource();
      return true;
    }
    ++line_no_;
    doc->where = in.name + ":" + std::to_string(line_no_);
    doc->id = doc->where;
    doc->line = line_no_;
    doc->bytes = length + 1;
    if (got == ByteSource::Line::kTooLong) {
      doc->failed = true;
      doc->error = "line too long (" + std::to_string(length) + " bytes, limit " + std::to_string(kMaxJsonLineBytes) + ")";
      return true;
    }
    size_t b = 0;
    while (b < line.size() && (line[b] == ' ' || line[b] == '\t' || line[b] == '\r')) ++b;
    if (b == line.size()) {  // blank lines are no documents
      *doc = Document();
      continue;
    }
    bool big = line.size() > (size_t{1} << 20);
    simdjson::dom::element root;
    simdjson::error_code err = json_->parser.parse(line.data(), line.size(), false).get(root);
    if (err) {
      doc->failed = true;
      doc->error = std::string("invalid JSON: ") + simdjson::error_message(err);
      if (big) json_ = std::make_unique<Json>();  // let go of the parser's buffers
      return true;
    }
    simdjson::dom::object obj;
    if (root.get_object().get(obj)) {
      doc->failed = true;
      doc->error = "not a JSON object";
      return true;
    }
    bool has_text = false;
    std::string text_bytes;
    for (auto field : obj) {
      std::string key(field.key);
      std::string value;
      std::string_view sv;
      if (field.value.get_string().get(sv) == simdjson::SUCCESS) value.assign(sv);
      else value = simdjson::minify(field.value);
      if (key == options_.text_field) {
        if (!field.value.is_string()) {
          doc->failed = true;
          doc->error = "field '" + key + "' is not a string";
          return true;
        }
        text_bytes = std::move(value);
        has_text = true;
        continue;
      }
      if (key == options_.id_field && !value.empty()) doc->id = value;
      if (key == options_.date_field) {
        doc->date = value;
        doc->reference = DateOf(value);
      }
      if (key == "title") doc->title = value;
      if (key == "author") doc->author = value;
      doc->fields.emplace_back(std::move(key), std::move(value));
    }
    if (big) json_ = std::make_unique<Json>();  // let go of the parser's buffers
    if (!has_text) {
      doc->failed = true;
      doc->error = "no field '" + options_.text_field + "'";
      return true;
    }
    // The text field is decoded JSON: UTF-8 by definition, but it may hold HTML. It is checked
    // as Extractor::Decode checks UTF-8 (DecodeUtf8, which also drops a byte-order mark), and
    // kept without a copy when it has no byte-order mark.
    std::string_view checked;
    Status s = internal::DecodeUtf8(text_bytes, &checked);
    if (!s.ok()) {
      doc->failed = true;
      doc->error = "field '" + options_.text_field + "': " + s.message();
      return true;
    }
    std::string utf8;
    if (checked.size() == text_bytes.size()) utf8 = std::move(text_bytes);
    else utf8.assign(checked);
    std::string().swap(text_bytes);
    doc->encoding = "utf-8";
    if (options_.format != InputFormat::kText && GuessFormat("", std::string_view(utf8).substr(0, 1024)) == InputFormat::kHtml) {
      if (utf8.size() > kMaxHtmlBytes) {
        doc->failed = true;
        doc->error = "field '" + options_.text_field + "': HTML page too large (" + std::to_string(utf8.size()) +
                     " bytes, limit " + std::to_string(kMaxHtmlBytes) + ")";
        return true;
      }
      internal::HtmlPage page;
      if (internal::ExtractHtml(utf8, &page).ok()) {
        utf8 = std::move(page.text);
        if (doc->title.empty()) doc->title = page.title;
        if (doc->date.empty() && !page.published.empty()) {
          doc->date = page.published;
          doc->reference = DateOf(page.published);
        }
        if (doc->author.empty()) doc->author = page.author;
      }
    }
    SetText(std::move(utf8), doc);
    return true;
  }
}

}  // namespace vnextract::cli
