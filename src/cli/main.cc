// vnextract: the command line over the library. Subcommands:
//   vnextract extract [options] [PATH…]    records of every fact, as CSV/TSV/JSON/JSON Lines
//   vnextract normalize [options] [PATH…]  decoded, cleaned NFC text (or JSON Lines with metadata)
//   vnextract tokenize [options] [PATH…]   tokens with their kind and offsets (for rule authors)
//   vnextract eval --gold …                precision and recall against gold records
// Exit status: 0 all inputs read; 1 some input failed (the others were still processed) or the
// output could not be written; 2 usage error (bad option, unknown type, unreadable rules
// directory); killed by SIGPIPE (141 in a shell) when the reader of the output goes away.
#include <boost/program_options.hpp>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "cli/documents.h"
#include "cli/eval.h"
#include "cli/output.h"
#include "cli/pipeline.h"
#include "cli/rules_cmd.h"
#include "cli/summary.h"
#include "cli/walk.h"
#include "normalize/normalizer.h"
#include "vnextract/extractor.h"
#include "vnextract/writer.h"

namespace po = boost::program_options;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitInputFailed = 1;
constexpr int kExitUsage = 2;

const char kUsage[] = R"(vnextract — facts from Vietnamese news text

Usage:
  vnextract extract [options] [PATH...]
  vnextract normalize [options] [PATH...]
  vnextract tokenize [options] [PATH...]
  vnextract eval --gold FILE|DIR [--errors] [--min-f1 X] [PATH...]
  vnextract rules check|list [--rules DIR] [--add-rules PATH]... [PATH...]
  vnextract --help | --version

PATH is a file, a directory (walked recursively for *.txt, *.html, *.htm, *.jsonl,
*.json; --glob to choose) or '-' for standard input; no PATH reads standard input.
Text, HTML pages and JSON Lines (one document per line) are read, in UTF-8, UTF-16,
Windows-1258, TCVN3, VNI or VIQR (--encoding, guessed by default).
)";

const char kExamples[] = R"(
Examples:
  vnextract extract examples/bao-cao-so-khoa-hoc.txt
  vnextract extract -f jsonl -t money,count articles/ > facts.jsonl
  cat article.txt | vnextract extract -f json --no-context -
  vnextract extract --bom -o facts.csv articles/      # CSV that Excel opens in UTF-8
  vnextract extract -t date,period --date 2023-10-06 article.txt
  vnextract extract -j 8 --summary -o summary.csv archive.jsonl
  crawler | vnextract extract -f jsonl --keep-fields url   # a streaming filter
  vnextract normalize --encoding tcvn3 old-article.txt
  vnextract extract --add-rules my-rules/ -t project_code,money articles/
  vnextract rules check my-rules/
  vnextract tokenize article.txt

Exit status: 0 every input was read; 1 some input failed (each is reported on
stderr as 'vnextract: FILE: reason' or 'vnextract: FILE:LINE: reason' and the
others are still processed), or the output could not be written (-o leaves no
file then); 2 usage error. When the reader of the output goes away
(vnextract ... | head), vnextract ends quietly by SIGPIPE, like cat: 141 in a shell.
)";

void Error(const std::string& name, const std::string& reason) {
  std::cerr << "vnextract: " << name << ": " << reason << "\n";
}

int UsageError(const std::string& msg) {
  std::cerr << "vnextract: " << msg << "\nTry 'vnextract --help'.\n";
  return kExitUsage;
}

// A progress line on stderr (documents, MB, MB/s, ETA), redrawn at most ten times a second.
class Progress {
 public:
  Progress(bool on, uint64_t total_bytes) : on_(on), total_(total_bytes), start_(Clock::now()), last_(start_) {}
  void Add(uint64_t bytes, bool document_end = true) {
    docs_ += document_end ? 1 : 0;
    bytes_ += bytes;
    if (!on_) return;
    Clock::time_point now = Clock::now();
    if (now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    Draw(now);
  }
  void Finish() {
    if (!on_) return;
    Draw(Clock::now());
    std::cerr << "\n";
  }

 private:
  using Clock = std::chrono::steady_clock;
  void Draw(Clock::time_point now) {
    double secs = std::chrono::duration<double>(now - start_).count();
    double mb = static_cast<double>(bytes_) / 1e6;
    double rate = secs > 0 ? mb / secs : 0;
    char line[160];
    if (total_ > 0 && rate > 0) {
      double left = static_cast<double>(total_ > bytes_ ? total_ - bytes_ : 0) / 1e6 / rate;
      std::snprintf(line, sizeof line, "\r%llu documents, %.1f/%.1f MB, %.1f MB/s, ETA %.0fs   ",
                    static_cast<unsigned long long>(docs_), mb, static_cast<double>(total_) / 1e6, rate, left);
    } else {
      std::snprintf(line, sizeof line, "\r%llu documents, %.1f MB, %.1f MB/s   ", static_cast<unsigned long long>(docs_),
                    mb, rate);
    }
    std::cerr << line << std::flush;
  }
  bool on_;
  uint64_t total_;
  uint64_t docs_ = 0, bytes_ = 0;
  Clock::time_point start_, last_;
};

std::vector<std::string> SplitList(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string t;
  while (std::getline(ss, t, ',')) {
    if (!t.empty()) out.push_back(t);
  }
  return out;
}

// A name fit for a file under --emit-text DIR: the document id with its directories kept and
// nothing that climbs out of DIR.
std::string EmitName(const std::string& id) {
  std::string out;
  for (char c : id) out.push_back(c == ':' || c == '\\' ? '_' : c);
  while (out.rfind("../", 0) == 0 || out.rfind("/", 0) == 0) out.erase(0, out[0] == '/' ? 1 : 3);
  for (size_t p; (p = out.find("/../")) != std::string::npos;) out.replace(p, 4, "/");
  if (out.empty() || out == "-") out = "stdin";
  return out + ".txt";
}

enum class Command { kExtract, kTokenize, kNormalize };

int Run(const std::vector<std::string>& args, Command cmd) {
  po::options_description opts(cmd == Command::kExtract    ? "extract options"
                               : cmd == Command::kNormalize ? "normalize options"
                                                            : "tokenize options");
  std::string format = cmd == Command::kNormalize ? "text" : "csv";
  std::string types, output, rules_dir, date, input_format = "auto", encoding = "auto", glob = vnextract::cli::kDefaultGlobs;
  std::string text_field = "text", id_field = "id", date_field = "date", keep_fields, errors_file, emit_dir;
  std::vector<std::string> add_rules;
  int jobs = static_cast<int>(std::thread::hardware_concurrency());
  if (jobs < 1) jobs = 1;
  opts.add_options()
      ("help,h", "show this help")
      ("format,f", po::value(&format), cmd == Command::kNormalize ? "output format: text (default), jsonl"
                                                                 : "output format: csv (default), tsv, json, jsonl")
      ("output,o", po::value(&output), "write to FILE instead of standard output")
      ("input-format", po::value(&input_format), "auto (default: by extension and content), text, html, jsonl")
      ("encoding", po::value(&encoding), "auto (default), utf-8, utf-16, windows-1258, tcvn3, vni, viqr")
      ("text-field", po::value(&text_field), "JSON Lines: the field holding the text (default: text)")
      ("id-field", po::value(&id_field), "JSON Lines: the field naming the document (default: id)")
      ("date-field", po::value(&date_field), "JSON Lines: the field holding the document's date (default: date)")
      ("glob", po::value(&glob), "comma-separated file-name patterns taken when walking a directory "
                                 "(default: *.txt,*.html,*.htm,*.jsonl,*.json)")
      ("jobs,j", po::value(&jobs), "documents processed in parallel (default: all cores); the output is the same for every N")
      ("errors", po::value(&errors_file), "also write every failed input as a JSON Lines line to FILE")
      ("quiet,q", "no progress line on stderr")
      ("verbose,v", "say on stderr how each input was read, and the counts at the end")
      ("rules", po::value(&rules_dir), "rules directory whose files replace the built-in ones of the same name")
      ("add-rules", po::value(&add_rules), "a rule file or directory that adds to the rules: word lists, "
                                           "pattern rules (*.jsonl); repeatable (README, \"Your own rules\")");
  if (cmd == Command::kExtract) {
    opts.add_options()
        ("types,t", po::value(&types), "comma-separated record types to write (default: all): "
                                       "money,count,ratio,percent,quantity,date,time,period,legal_ref,number,"
                                       "person,organization,location, or a type of your pattern rules")
        ("bom", "start CSV/TSV output with a UTF-8 byte-order mark, for Excel")
        ("no-context", "leave out the context column (the sentence)")
        ("date", po::value(&date), "reference date YYYY-MM-DD for dates without a year and relative dates "
                                   "(default: each document's own date, see docs/records.md)")
        ("keep-fields", po::value(&keep_fields), "comma-separated metadata fields (JSON Lines fields; title, date, "
                                                 "author of HTML pages) carried into every record as columns")
        ("summary", "one row per document (counts per type, money totals) instead of one per fact")
        ("emit-text", po::value(&emit_dir), "also save the text extracted from each input under DIR "
                                            "(record offsets count its characters)");
  }
  po::options_description hidden;
  std::vector<std::string> paths;
  hidden.add_options()("path", po::value(&paths));
  po::options_description all;
  all.add(opts).add(hidden);
  po::positional_options_description pos;
  pos.add("path", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return UsageError(e.what());
  }
  if (vm.count("help")) {
    std::cout << kUsage << "\n" << opts << kExamples;
    return kExitOk;
  }
  bool quiet = vm.count("quiet") > 0, verbose = vm.count("verbose") > 0;
  bool summary = vm.count("summary") > 0;
  std::optional<vnextract::OutputFormat> fmt;
  bool text_out = false;
  if (cmd == Command::kNormalize) {
    if (format != "text" && format != "jsonl") return UsageError("unknown format '" + format + "' (text, jsonl)");
    text_out = format == "text";
    fmt = vnextract::OutputFormat::kJsonLines;
  } else {
    fmt = vnextract::ParseOutputFormat(format);
    if (!fmt) return UsageError("unknown format '" + format + "' (csv, tsv, json, jsonl)");
  }
  bool bom = vm.count("bom") > 0;
  if (bom && fmt != vnextract::OutputFormat::kCsv && fmt != vnextract::OutputFormat::kTsv) {
    return UsageError("--bom applies to csv and tsv output only");
  }
  if (jobs < 1) return UsageError("--jobs must be at least 1");
  vnextract::cli::ReadOptions read;
  std::optional<vnextract::InputFormat> in_fmt = vnextract::ParseInputFormat(input_format);
  if (!in_fmt) return UsageError("unknown input format '" + input_format + "' (auto, text, html, jsonl)");
  read.format = *in_fmt;
  std::optional<vnextract::Encoding> enc = vnextract::ParseEncoding(encoding);
  if (!enc) return UsageError("unknown encoding '" + encoding + "' (auto, utf-8, utf-16, windows-1258, tcvn3, vni, viqr)");
  read.encoding = *enc;
  read.text_field = text_field;
  read.id_field = id_field;
  read.date_field = date_field;
  vnextract::ExtractOptions xopts;
  xopts.context = vm.count("no-context") == 0;
  if (!date.empty()) {
    xopts.reference_date = vnextract::ParseIsoDate(date);
    if (!xopts.reference_date) return UsageError("--date '" + date + "' is not a date YYYY-MM-DD");
  }
  vnextract::Rules rules = vnextract::Rules::Builtin();
  if (!vnextract::cli::LoadRules(rules_dir, add_rules, &rules)) return kExitUsage;
  if (!types.empty()) {
    xopts.types.reset();
    std::vector<std::string> custom = rules.CustomTypes();
    for (const std::string& t : SplitList(types)) {
      std::optional<vnextract::RecordType> rt = vnextract::ParseRecordType(t);
      if (rt && *rt != vnextract::RecordType::kCustom) {
        xopts.types.set(static_cast<size_t>(*rt));
      } else if (std::find(custom.begin(), custom.end(), t) != custom.end()) {
        xopts.types.set(static_cast<size_t>(vnextract::RecordType::kCustom));
        xopts.custom_types.push_back(t);
      } else {
        return UsageError("unknown type '" + t + "' in --types");
      }
    }
  }
  std::vector<std::string> kept = SplitList(keep_fields);
  for (const std::string& k : kept) {
    const auto& cols = summary ? vnextract::cli::SummaryColumns({}) : vnextract::RecordColumns();
    if (std::find(cols.begin(), cols.end(), k) != cols.end()) {
      return UsageError("--keep-fields: '" + k + "' is the name of an output column");
    }
  }
  vnextract::Extractor extractor(rules);

  if (paths.empty()) paths.push_back("-");
  std::vector<vnextract::cli::WalkError> walk_errors, walk_skipped;
  std::vector<vnextract::cli::Input> inputs = vnextract::cli::ExpandInputs(paths, glob, &walk_errors, &walk_skipped);
  int status = kExitOk;
  std::ofstream errors_out;
  if (!errors_file.empty()) {
    errors_out.open(errors_file, std::ios::binary | std::ios::trunc);
    if (!errors_out) return UsageError("--errors: cannot write " + errors_file + ": " + std::strerror(errno));
  }
  uint64_t failed = 0, read_docs = 0, written_records = 0;
  auto report_failure = [&](const std::string& where, const std::string& doc, uint64_t line, const std::string& reason) {
    Error(where, reason);
    status = kExitInputFailed;
    ++failed;
    if (errors_out.is_open()) {
      std::string row;
      vnextract::FormatRow(vnextract::OutputFormat::kJsonLines, {"doc", "line", "reason"},
                           {doc, line ? std::to_string(line) : "", reason}, {false, true, false}, &row);
      errors_out << row;
    }
  };
  for (const auto& e : walk_errors) report_failure(e.name, e.name, 0, e.reason);
  if (verbose) {
    for (const auto& e : walk_skipped) Error(e.name, e.reason);
  }

  vnextract::cli::Output out;
  std::string open_error;
  if (!out.Open(output, &open_error)) {
    Error(output, open_error);
    return kExitInputFailed;
  }
  std::ostream& os = out.stream();
  vnextract::WriterOptions wopts{xopts.context, bom, kept};
  if (cmd == Command::kExtract) {
    if (summary) os << vnextract::FormatHeader(*fmt, vnextract::cli::SummaryColumns(kept), bom);
    else vnextract::RecordWriter(os, *fmt, wopts).Begin();
  }
  bool json_array = cmd == Command::kExtract && *fmt == vnextract::OutputFormat::kJson;
  bool first_object = true;
  bool from_stdin = std::find(paths.begin(), paths.end(), "-") != paths.end();
  uint64_t total = 0;
  for (const auto& in : inputs) total += in.size;
  Progress progress(!quiet && isatty(STDERR_FILENO) && !verbose, total);

  // A document longer than the part size comes in parts (documents.h): each is extracted on its
  // own, then, in its turn, its records are moved to the numbering of the whole document.
  vnextract::cli::Work work = [&](vnextract::cli::Document& doc, vnextract::cli::Result* r) {
    r->where = doc.where;
    r->doc = doc.id;
    r->line = doc.line;
    r->bytes = doc.bytes;
    r->document_end = doc.last_part;
    vnextract::cli::PartChain* chain = doc.chain.get();
    if (verbose && doc.part == 0 && !doc.encoding.empty()) {
      r->note = "read as " + doc.encoding + (doc.encoding_why.empty() || doc.encoding_why == "given" ? "" : " (" + doc.encoding_why + ")");
    }
    // A failure ends the document: the parts after it write nothing.
    auto fail = [&](const std::string& error) {
      r->failed = true;
      r->document_end = true;
      r->error = error;
      r->out.clear();
      r->records = 0;
    };
    // The part's turn: after the parts before it are written (a whole document has it at once).
    auto take_turn = [&] {
      if (chain == nullptr) return true;
      chain->WaitTurn(doc.part);
      if (chain->failed) {
        r->dropped = true;
        chain->EndTurn(doc.part);
        return false;
      }
      return true;
    };
    auto end_turn = [&] {
      if (chain == nullptr) return;
      if (r->failed) chain->failed = true;
      chain->EndTurn(doc.part);
    };
    if (doc.failed) {
      if (chain != nullptr && doc.part == 0) chain->SetReference(std::nullopt);
      if (!take_turn()) return;
      fail(doc.error);
      end_turn();
      return;
    }
    // The text offsets count, saved under --emit-text DIR (in turn: the parts of a document are
    // appended in order).
    auto emit_text = [&] {
      if (emit_dir.empty()) return true;
      std::filesystem::path p = std::filesystem::path(emit_dir) / EmitName(doc.id);
      std::error_code ec;
      std::filesystem::create_directories(p.parent_path(), ec);
      std::ofstream f(p, std::ios::binary | (doc.part == 0 ? std::ios::trunc : std::ios::app));
      f << doc.text;
      if (!f) {
        fail("--emit-text: cannot write " + p.string());
        return false;
      }
      return true;
    };
    if (cmd == Command::kNormalize) {
      vnextract::internal::NormalizedText norm;
      std::string_view text = doc.text;
      if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
      vnextract::internal::Normalize(text, &norm);
      if (!take_turn()) return;
      if (!emit_text()) return end_turn();
      std::string joined;  // the text of this part, joined to the parts before it
      if (chain == nullptr) {
        joined = std::move(norm.norm);
      } else {
        char cut = doc.cut == '.' ? ' ' : doc.cut;
        if (cut == '\n' || chain->pending_cut == '\n') chain->pending_cut = '\n';
        else if (cut == ' ') chain->pending_cut = ' ';
        if (!norm.norm.empty()) {
          if (chain->any_text && chain->pending_cut != 0) joined.push_back(chain->pending_cut);
          joined += norm.norm;
          chain->any_text = true;
          chain->pending_cut = 0;
        }
      }
      bool first = chain == nullptr || doc.part == 0, last = doc.last_part;
      bool any = chain == nullptr ? !joined.empty() : chain->any_text;
      end_turn();
      if (text_out) {
        r->out = std::move(joined);
        if (last && any && (r->out.empty() || r->out.back() != '\n')) r->out.push_back('\n');
      } else if (first && last) {
        std::vector<std::string> names = {"id", "title", "date", "author", "encoding", "text"};
        vnextract::FormatRow(vnextract::OutputFormat::kJsonLines, names,
                             {doc.id, doc.title, doc.date, doc.author, doc.encoding, joined},
                             std::vector<bool>(names.size(), false), &r->out);
      } else {  // one JSON object written in pieces: its head, the text's pieces, its tail
        std::string piece;
        vnextract::FormatRow(vnextract::OutputFormat::kJsonLines, {"text"}, {joined}, {false}, &piece);
        std::string_view escaped = std::string_view(piece).substr(9, piece.size() - 12);  // {"text":" … "}\n
        if (first) {
          std::vector<std::string> names = {"id", "title", "date", "author", "encoding", "text"};
          vnextract::FormatRow(vnextract::OutputFormat::kJsonLines, names,
                               {doc.id, doc.title, doc.date, doc.author, doc.encoding, ""},
                               std::vector<bool>(names.size(), false), &r->out);
          r->out.resize(r->out.size() - 3);  // "}\n and the closing quote
        }
        r->out += escaped;
        if (last) r->out += "\"}\n";
      }
      return;
    }
    if (cmd == Command::kTokenize) {
      std::vector<vnextract::TokenInfo> tokens;
      vnextract::Status s = extractor.Tokenize(doc.text, &tokens);
      uint64_t sentences = chain != nullptr && s.ok() ? vnextract::cli::CountSentences(rules, doc.text) : 0;
      if (!take_turn()) return;
      if (!s.ok()) {
        fail(s.message());
        return end_turn();
      }
      if (!emit_text()) return end_turn();
      if (chain != nullptr) vnextract::cli::RenumberTokens(doc, sentences, &tokens);
      end_turn();
      std::ostringstream ts;
      for (const auto& t : tokens) {
        ts << doc.id << '\t' << t.sentence << '\t' << t.start << '\t' << t.end << '\t' << t.kind << '\t' << t.text << '\n';
      }
      r->out = ts.str();
      return;
    }
    vnextract::ExtractOptions o = xopts;
    if (!o.reference_date && doc.reference) o.reference_date = doc.reference;
    // The dates of every part resolve against the reference date of the whole document: the
    // one the first part was resolved against (--date, metadata, its header or its dateline).
    if (chain != nullptr && doc.part > 0 && !o.reference_date) o.reference_date = chain->WaitReference();
    // Each worker's records of the last document: this one's are written into their strings.
    thread_local vnextract::RecordBatch records;
    records.Clear();
    vnextract::ExtractInfo info;
    vnextract::Status s = extractor.Extract(doc.text, doc.id, o, &records, &info);
    if (chain != nullptr && doc.part == 0) chain->SetReference(s.ok() ? info.reference_date : o.reference_date);
    // --summary's `date`: the metadata's, else the date the document was resolved against (its
    // header or its dateline).
    if (doc.date.empty() && s.ok() && info.reference_date) {
      char iso[16];
      std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", info.reference_date->year, info.reference_date->month,
                    info.reference_date->day);
      doc.date = iso;
    }
    uint64_t sentences = 0;
    if (chain != nullptr && s.ok()) {
      sentences = info.sentences;
      vnextract::cli::DropCutRecords(doc, &records);
    }
    if (!take_turn()) return;
    if (!s.ok()) {
      fail(s.message());
      return end_turn();
    }
    if (!emit_text()) return end_turn();
    if (chain != nullptr) {
      vnextract::cli::Renumber(doc, sentences, &records);
      if (summary) {
        vnextract::cli::AddToSummary(records, chain);
        if (doc.last_part) {
          vnextract::cli::FormatChainSummary(doc, *chain, kept, *fmt, &r->out);
          r->records = 1;
        }
      }
    }
    end_turn();
    if (summary) {
      if (chain == nullptr) {
        vnextract::cli::FormatSummary(doc, records, kept, *fmt, &r->out);
        r->records = 1;
      }
      return;
    }
    std::vector<std::string> extra;
    for (const std::string& k : kept) {
      std::string v;
      for (const auto& [name, value] : doc.fields) {
        if (name == k) v = value;
      }
      extra.push_back(v);
    }
    // Formats only, writes nothing. One per worker, kept from document to document: its buffers
    // (the last context, escaped, and room for a record) keep their memory.
    thread_local std::unique_ptr<vnextract::RecordWriter> worker_writer;
    thread_local const vnextract::WriterOptions* worker_writer_options = nullptr;
    if (worker_writer == nullptr || worker_writer_options != &wopts) {
      worker_writer = std::make_unique<vnextract::RecordWriter>(std::cout, *fmt, wopts);
      worker_writer_options = &wopts;
    }
    vnextract::RecordWriter& fmt_writer = *worker_writer;
    // A JSON Lines record is ~600 bytes; Format asks for a few hundred more than it writes.
    if (!records.empty()) r->out.reserve(r->out.size() + records.size() * 700 + 4096);
    for (size_t k = 0; k < records.size(); ++k) {
      if (!extra.empty()) records[k].extra = extra;
      if (json_array && k > 0) r->out += ",\n";
      fmt_writer.Format(records[k], &r->out);
    }
    r->records = records.size();
  };
  vnextract::cli::Emit emit = [&](vnextract::cli::Result& r) {
    if (r.dropped) return true;  // a part after a failed one
    read_docs += r.document_end ? 1 : 0;
    progress.Add(r.bytes, r.document_end);
    if (verbose && !r.note.empty()) Error(r.where, r.note);
    if (r.failed) {
      report_failure(r.where, r.doc, r.line, r.error);
      return true;
    }
    if (!r.out.empty()) {
      if (json_array) {
        os << (first_object ? "\n" : ",\n");
        first_object = false;
      }
      os.write(r.out.data(), static_cast<std::streamsize>(r.out.size()));
      written_records += r.records;
    }
    if (from_stdin) os.flush();  // a streaming filter: each document's records as soon as they are done
    return !out.failed();  // a full disk: stop reading
  };
  vnextract::cli::DocumentReader reader(inputs, read, extractor);
  vnextract::cli::RunPipeline(reader, jobs, work, emit);
  progress.Finish();
  if (json_array && !out.failed()) os << (first_object ? "]\n" : "\n]\n");
  std::string reason;
  if (!out.Close(&reason)) {  // the temporary file is gone: nothing looks finished
    Error(out.name(), reason);
    return kExitInputFailed;
  }
  if (verbose) {
    std::cerr << "vnextract: " << read_docs << " documents read, " << failed << " failed, " << written_records
              << (summary ? " summary rows" : cmd == Command::kExtract ? " records" : " outputs") << " written\n";
  }
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  // The reader thread reads std::cin while the emitter thread writes std::cout: untie them, or
  // every read from stdin would flush std::cout from the reader thread, racing the emitter.
  std::cin.tie(nullptr);
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << kUsage << "\nRun 'vnextract extract --help' for the options.\n" << kExamples;
    return args.empty() ? kExitUsage : kExitOk;
  }
  if (args[0] == "--version" || args[0] == "-V") {
    std::cout << "vnextract " << VNEXTRACT_VERSION << " (record schema " << vnextract::kSchemaVersion << ")\n";
    return kExitOk;
  }
  std::string cmd = args[0];
  args.erase(args.begin());
  try {
    if (cmd == "extract") return Run(args, Command::kExtract);
    if (cmd == "tokenize") return Run(args, Command::kTokenize);
    if (cmd == "normalize") return Run(args, Command::kNormalize);
    if (cmd == "eval") return vnextract::cli::RunEval(args);
    if (cmd == "rules") return vnextract::cli::RunRules(args);
  } catch (const std::exception& e) {
    std::cerr << "vnextract: internal error: " << e.what() << "\n";
    return kExitInputFailed;
  }
  return UsageError("unknown command '" + cmd + "' (extract, normalize, tokenize, eval, rules)");
}
