#include "vnextract/rules.h"

#include <filesystem>
#include <map>
#include <set>
#include <stdexcept>

#include "rules/lexicon.h"
#include "rules/user_rules.h"
#include "segment/sentences.h"

namespace vnextract {

namespace {

std::vector<std::string> SplitLines(const std::string& s) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t nl = s.find('\n', pos);
    if (nl == std::string::npos) nl = s.size();
    if (nl > pos) out.push_back(s.substr(pos, nl - pos));
    pos = nl + 1;
  }
  return out;
}

std::vector<std::string> Fields(const std::string& line) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (true) {
    size_t tab = line.find('\t', pos);
    out.push_back(line.substr(pos, tab == std::string::npos ? std::string::npos : tab - pos));
    if (tab == std::string::npos) return out;
    pos = tab + 1;
  }
}

// Loads everything, noting every problem; the lexicons are usable only when none was noted.
std::shared_ptr<internal::Lexicons> LoadAll(const RulesOptions& options, std::vector<std::string>* problems) {
  auto lex = std::make_shared<internal::Lexicons>();
  std::error_code ec;
  if (!options.dir.empty() && !std::filesystem::is_directory(options.dir, ec)) {
    problems->push_back(options.dir + ": no such rules directory");
    return lex;
  }
  internal::DataSource source = options.dir.empty() ? internal::DataSource() : internal::DataSource(options.dir);
  std::vector<internal::DataSource::File> pattern_files;
  internal::CollectUserRules(options.additions, &source, &pattern_files, problems);
  Status s = internal::LoadLexicons(source, lex.get());
  if (!s.ok()) {
    for (std::string& line : SplitLines(s.message())) problems->push_back(std::move(line));
  }
  std::map<std::string, std::string> ids;
  for (const std::string& line : lex->builtin_rules) {
    std::vector<std::string> f = Fields(line);
    ids[f[0]] = "a built-in rule, " + (f.size() > 2 ? f[2] : std::string("built-in"));
  }
  internal::LoadUserPatterns(pattern_files, &ids, &lex->user_patterns, problems);
  if (!lex->user_patterns.empty()) {
    RE2::Options opts;
    opts.set_log_errors(false);
    lex->user_set = std::make_unique<re2::RE2::Set>(opts, RE2::UNANCHORED);
    for (const internal::UserPattern& p : lex->user_patterns) {
      std::string error;
      if (lex->user_set->Add(p.re->pattern(), &error) < 0) problems->push_back(p.origin + ": bad RE2 pattern: " + error);
    }
    if (!lex->user_set->Compile()) problems->push_back("the pattern rules are too many or too large to compile together");
  }
  return lex;
}

}  // namespace

Rules Rules::Builtin() {
  static const std::shared_ptr<const internal::Lexicons> builtin = [] {
    auto lex = std::make_shared<internal::Lexicons>();
    Status s = internal::LoadLexicons(internal::DataSource(), lex.get());
    // The build embeds data/ and the test suite loads it: a failure here is a bug, not input.
    if (!s.ok()) throw std::logic_error("built-in rules are broken: " + s.message());
    return lex;
  }();
  return Rules(builtin);
}

Result<Rules> Rules::FromDirectory(const std::string& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return Status::NotFound(dir + ": no such rules directory");
  return Load(RulesOptions{dir, {}});
}

Result<Rules> Rules::Load(const RulesOptions& options) {
  std::vector<std::string> problems;
  std::shared_ptr<internal::Lexicons> lex = LoadAll(options, &problems);
  if (!problems.empty()) {
    std::string all;
    for (const std::string& p : problems) all += (all.empty() ? "" : "\n") + p;
    return Status::InvalidRules(all);
  }
  return Rules(std::move(lex));
}

std::vector<std::string> Rules::Check(const RulesOptions& options) {
  std::vector<std::string> problems;
  LoadAll(options, &problems);
  return problems;
}

std::vector<RuleInfo> Rules::List() const {
  std::vector<RuleInfo> out;
  for (const std::string& line : lexicons_->builtin_rules) {
    std::vector<std::string> f = Fields(line);
    f.resize(4);
    out.push_back({f[0], "rule", f[1], f[2], f[3]});
  }
  for (const internal::UserPattern& p : lexicons_->user_patterns) {
    out.push_back({p.id, "pattern", p.type_name, p.origin, p.re->pattern()});
  }
  for (const internal::ListInfo& l : lexicons_->lists) {
    out.push_back({l.path, "list", "", l.origin, std::to_string(l.entries) + " entries"});
  }
  return out;
}

std::vector<std::string> Rules::CustomTypes() const {
  std::set<std::string> types;
  for (const internal::UserPattern& p : lexicons_->user_patterns) {
    if (p.type == RecordType::kCustom) types.insert(p.type_name);
  }
  return {types.begin(), types.end()};
}

}  // namespace vnextract
