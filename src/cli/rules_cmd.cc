#include "cli/rules_cmd.h"

#include <boost/program_options.hpp>

#include <iostream>

#include "vnextract/writer.h"

namespace vnextract::cli {

namespace po = boost::program_options;

namespace {

constexpr int kExitOk = 0, kExitFailed = 1, kExitUsage = 2;

const char kRulesUsage[] = R"(Usage:
  vnextract rules check [--rules DIR] [PATH...]
  vnextract rules list  [--rules DIR] [--add-rules PATH]... [-f tsv|jsonl]

check   validates rule files and directories (the PATHs are what --add-rules would take) and
        reports every problem at once, one per line as FILE:LINE: reason; exit 1 when there
        is any.
list    prints the active rules: built-in rules, the user's pattern rules and every word list,
        with their ids, types and where they come from (a record's `rule` field is an id).
)";

}  // namespace

bool LoadRules(const std::string& dir, const std::vector<std::string>& additions, Rules* rules) {
  if (dir.empty() && additions.empty()) {
    *rules = Rules::Builtin();
    return true;
  }
  Result<Rules> r = Rules::Load(RulesOptions{dir, additions});
  if (r.ok()) {
    *rules = r.value();
    return true;
  }
  std::string message = r.status().message();
  size_t pos = 0;
  while (pos < message.size()) {
    size_t nl = message.find('\n', pos);
    if (nl == std::string::npos) nl = message.size();
    std::cerr << "vnextract: " << message.substr(pos, nl - pos) << "\n";
    pos = nl + 1;
  }
  return false;
}

int RunRules(const std::vector<std::string>& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::cout << kRulesUsage;
    return args.empty() ? kExitUsage : kExitOk;
  }
  std::string sub = args[0];
  if (sub != "check" && sub != "list") {
    std::cerr << "vnextract: unknown rules command '" << sub << "' (check, list)\nTry 'vnextract rules --help'.\n";
    return kExitUsage;
  }
  std::string dir, format = "tsv";
  std::vector<std::string> additions, paths;
  po::options_description opts("rules options");
  opts.add_options()
      ("help,h", "show this help")
      ("rules", po::value(&dir), "rules directory whose files replace the built-in ones")
      ("add-rules", po::value(&additions), "a rule file or directory adding to the rules (repeatable)")
      ("format,f", po::value(&format), "list: tsv (default) or jsonl");
  po::options_description hidden;
  hidden.add_options()("path", po::value(&paths));
  po::options_description all;
  all.add(opts).add(hidden);
  po::positional_options_description pos;
  pos.add("path", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(std::vector<std::string>(args.begin() + 1, args.end()))
                  .options(all).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "vnextract: " << e.what() << "\nTry 'vnextract rules --help'.\n";
    return kExitUsage;
  }
  if (vm.count("help")) {
    std::cout << kRulesUsage << "\n" << opts;
    return kExitOk;
  }
  if (sub == "check") {
    additions.insert(additions.end(), paths.begin(), paths.end());
    if (additions.empty() && dir.empty()) {
      std::cerr << "vnextract: rules check: give the rule files or directories to check\n";
      return kExitUsage;
    }
    std::vector<std::string> problems = Rules::Check(RulesOptions{dir, additions});
    for (const std::string& p : problems) std::cerr << "vnextract: " << p << "\n";
    if (!problems.empty()) {
      std::cerr << "vnextract: " << problems.size() << (problems.size() == 1 ? " problem" : " problems") << "\n";
      return kExitFailed;
    }
    Rules rules = Rules::Builtin();
    if (!LoadRules(dir, additions, &rules)) return kExitFailed;
    size_t patterns = 0, lists = 0;
    for (const RuleInfo& r : rules.List()) {
      if (r.kind == "pattern") ++patterns;
      if (r.kind == "list" && r.origin.rfind("built-in:", 0) != 0) ++lists;
    }
    std::cout << "ok: " << patterns << " pattern rules, " << lists << " word-list files\n";
    return kExitOk;
  }
  if (!paths.empty()) {
    std::cerr << "vnextract: rules list takes no paths (use --add-rules)\n";
    return kExitUsage;
  }
  if (format != "tsv" && format != "jsonl") {
    std::cerr << "vnextract: unknown format '" << format << "' (tsv, jsonl)\n";
    return kExitUsage;
  }
  Rules rules = Rules::Builtin();
  if (!LoadRules(dir, additions, &rules)) return kExitUsage;
  OutputFormat f = format == "tsv" ? OutputFormat::kTsv : OutputFormat::kJsonLines;
  const std::vector<std::string> names = {"id", "kind", "type", "origin", "detail"};
  std::string out = FormatHeader(f, names, false);
  for (const RuleInfo& r : rules.List()) {
    FormatRow(f, names, {r.id, r.kind, r.type, r.origin, r.detail}, std::vector<bool>(names.size(), false), &out);
  }
  std::cout << out;
  return kExitOk;
}

}  // namespace vnextract::cli
