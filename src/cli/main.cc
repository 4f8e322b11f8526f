// vnextract: the command line over the library. Subcommands:
//   vnextract extract [options] [PATH…]   records of every fact, as CSV/TSV/JSON/JSON Lines
//   vnextract tokenize [PATH…]            tokens with their kind and offsets (for rule authors)
// Exit status: 0 all inputs read; 1 some input failed (the others were still processed);
// 2 usage error (bad option, unknown type, unreadable rules directory).
#include <boost/program_options.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "cli/eval.h"
#include "cli/walk.h"
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
  vnextract tokenize [options] [PATH...]
  vnextract eval --gold FILE|DIR [--errors] [--min-f1 X] [PATH...]
  vnextract --help | --version

PATH is a file, a directory (walked recursively for *.txt) or '-' for standard
input; no PATH reads standard input.
)";

const char kExamples[] = R"(
Examples:
  vnextract extract examples/bao-cao-so-khoa-hoc.txt
  vnextract extract -f jsonl -t money,count articles/ > facts.jsonl
  cat article.txt | vnextract extract -f json --no-context -
  vnextract extract --bom -o facts.csv articles/      # CSV that Excel opens in UTF-8
  vnextract extract -t date,period --date 2023-10-06 article.txt
  vnextract tokenize article.txt

Exit status: 0 every input was read; 1 some input failed (each is reported on
stderr as 'vnextract: FILE: reason' and the others are still processed);
2 usage error.
)";

void Error(const std::string& name, const std::string& reason) {
  std::cerr << "vnextract: " << name << ": " << reason << "\n";
}

int UsageError(const std::string& msg) {
  std::cerr << "vnextract: " << msg << "\nTry 'vnextract --help'.\n";
  return kExitUsage;
}

// Reads a whole file (or stdin when path is empty).
bool ReadAll(const std::string& path, std::string* out, std::string* reason) {
  if (path.empty()) {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    *out = ss.str();
    return true;
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    *reason = "is a directory";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *reason = std::string("cannot open: ") + std::strerror(errno);
    return false;
  }
  out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) {
    *reason = "read error";
    return false;
  }
  return true;
}

struct Common {
  std::vector<std::string> paths;
  std::string rules_dir;
};

// Output to stdout, or to a file written beside its final name and renamed into place only
// when complete, so a failed run never leaves a half-written file that looks finished.
class Output {
 public:
  bool Open(const std::string& path) {
    path_ = path;
    if (path.empty()) return true;
    tmp_ = path + ".tmp-vnextract";
    file_.open(tmp_, std::ios::binary | std::ios::trunc);
    return static_cast<bool>(file_);
  }
  std::ostream& stream() { return path_.empty() ? std::cout : file_; }
  // Flushes and moves the file into place. False (and the reason) on failure.
  bool Close(std::string* reason) {
    std::ostream& s = stream();
    s.flush();
    if (!s) {
      *reason = "write error";
      if (!path_.empty()) std::remove(tmp_.c_str());
      return false;
    }
    if (path_.empty()) return true;
    file_.close();
    if (!file_ || std::rename(tmp_.c_str(), path_.c_str()) != 0) {
      *reason = std::string("cannot write: ") + std::strerror(errno);
      std::remove(tmp_.c_str());
      return false;
    }
    return true;
  }

 private:
  std::string path_, tmp_;
  std::ofstream file_;
};

int RunExtract(const std::vector<std::string>& args, bool tokenize_only) {
  po::options_description opts(tokenize_only ? "tokenize options" : "extract options");
  std::string format = "csv", types, output, rules_dir, date;
  opts.add_options()
      ("help,h", "show this help")
      ("format,f", po::value(&format), "output format: csv (default), tsv, json, jsonl")
      ("types,t", po::value(&types), "comma-separated record types to write (default: all): "
                                     "money,count,ratio,percent,quantity,date,time,period,legal_ref,number,"
                                     "person,organization,location")
      ("date", po::value(&date), "reference date YYYY-MM-DD for dates without a year and relative dates "
                                 "(default: each document's own date, see docs/records.md)")
      ("output,o", po::value(&output), "write to FILE instead of standard output")
      ("bom", "start CSV/TSV output with a UTF-8 byte-order mark, for Excel")
      ("rules", po::value(&rules_dir), "rules directory whose files replace the built-in ones of the same name")
      ("no-context", "leave out the context column (the sentence)");
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
  std::optional<vnextract::OutputFormat> fmt = vnextract::ParseOutputFormat(format);
  if (!fmt) return UsageError("unknown format '" + format + "' (csv, tsv, json, jsonl)");
  bool bom = vm.count("bom") > 0;
  if (bom && fmt != vnextract::OutputFormat::kCsv && fmt != vnextract::OutputFormat::kTsv) {
    return UsageError("--bom applies to csv and tsv output only");
  }
  vnextract::ExtractOptions xopts;
  xopts.context = vm.count("no-context") == 0;
  if (!date.empty()) {
    xopts.reference_date = vnextract::ParseIsoDate(date);
    if (!xopts.reference_date) return UsageError("--date '" + date + "' is not a date YYYY-MM-DD");
  }
  if (!types.empty()) {
    xopts.types.reset();
    std::stringstream ss(types);
    std::string t;
    while (std::getline(ss, t, ',')) {
      std::optional<vnextract::RecordType> rt = vnextract::ParseRecordType(t);
      if (!rt) return UsageError("unknown type '" + t + "' in --types");
      xopts.types.set(static_cast<size_t>(*rt));
    }
  }
  vnextract::Rules rules = vnextract::Rules::Builtin();
  if (!rules_dir.empty()) {
    vnextract::Result<vnextract::Rules> r = vnextract::Rules::FromDirectory(rules_dir);
    if (!r.ok()) return UsageError(r.status().message());
    rules = r.value();
  }
  vnextract::Extractor extractor(rules);

  if (paths.empty()) paths.push_back("-");
  std::vector<vnextract::cli::WalkError> walk_errors;
  std::vector<vnextract::cli::Input> inputs = vnextract::cli::ExpandInputs(paths, &walk_errors);
  int status = kExitOk;
  for (const auto& e : walk_errors) {
    Error(e.name, e.reason);
    status = kExitInputFailed;
  }

  Output out;
  if (!out.Open(output)) {
    Error(output, std::string("cannot write: ") + std::strerror(errno));
    return kExitInputFailed;
  }
  std::ostream& os = out.stream();
  vnextract::RecordWriter writer(os, *fmt, {xopts.context, bom});
  if (!tokenize_only) writer.Begin();
  std::string bytes;
  std::vector<vnextract::Record> records;
  std::vector<vnextract::TokenInfo> tokens;
  for (const auto& in : inputs) {
    std::string reason;
    if (!ReadAll(in.path, &bytes, &reason)) {
      Error(in.name, reason);
      status = kExitInputFailed;
      continue;
    }
    if (tokenize_only) {
      tokens.clear();
      vnextract::Status s = extractor.Tokenize(bytes, &tokens);
      if (!s.ok()) {
        Error(in.name, s.message());
        status = kExitInputFailed;
        continue;
      }
      for (const auto& t : tokens) {
        os << in.name << '\t' << t.sentence << '\t' << t.start << '\t' << t.end << '\t' << t.kind << '\t' << t.text
           << '\n';
      }
      continue;
    }
    records.clear();
    vnextract::Status s = extractor.Extract(bytes, in.name, xopts, &records);
    if (!s.ok()) {
      Error(in.name, s.message());
      status = kExitInputFailed;
      continue;
    }
    for (const auto& r : records) writer.Write(r);
  }
  if (!tokenize_only) writer.End();
  std::string reason;
  if (!out.Close(&reason)) {
    Error(output.empty() ? "-" : output, reason);
    return kExitInputFailed;
  }
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
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
    if (cmd == "extract") return RunExtract(args, false);
    if (cmd == "tokenize") return RunExtract(args, true);
    if (cmd == "eval") return vnextract::cli::RunEval(args);
  } catch (const std::exception& e) {
    std::cerr << "vnextract: internal error: " << e.what() << "\n";
    return kExitInputFailed;
  }
  return UsageError("unknown command '" + cmd + "' (extract, tokenize, eval)");
}
