// The rules and word lists the extractors use. The built-in set is compiled in from data/;
// a directory with the same layout overrides it file by file (a file present in the directory
// replaces the built-in file of the same relative path; the others stay built-in), and user
// files add to it: word lists that extend a built-in list, and pattern rules in JSON Lines
// (README, "Your own rules").
//
//   vnextract::Rules rules = vnextract::Rules::Builtin();
//   vnextract::Result<vnextract::Rules> mine = vnextract::Rules::FromDirectory("rules/");
//   vnextract::Result<vnextract::Rules> more = vnextract::Rules::Load({"", {"codes.jsonl", "lists/"}});
#ifndef VNEXTRACT_RULES_H_
#define VNEXTRACT_RULES_H_

#include <memory>
#include <string>
#include <vector>

#include "vnextract/status.h"

namespace vnextract {

namespace internal {
struct Lexicons;
}

struct RulesOptions {
  std::string dir;                      // files replacing built-in ones (--rules DIR); "" for none
  std::vector<std::string> additions;   // files and directories adding to them (--add-rules)
};

// One active rule, word list or table, for `vnextract rules list`.
struct RuleInfo {
  std::string id;      // the rule id a record's `rule` field holds, or the data/ path of a list
  std::string kind;    // "rule" (built-in code), "pattern" (a user's pattern rule), "list"
  std::string type;    // the record type a rule makes; "" for lists
  std::string origin;  // "src/extract/money.cc", "codes.jsonl:3", "built-in:money/units.tsv", a user file
  std::string detail;  // what a built-in rule matches, a pattern, or a list's number of entries
};

class Rules {
 public:
  // The rules compiled into the library. Never fails: the build checks them.
  static Rules Builtin();
  // Built-in rules with every file found under `dir` replacing its built-in counterpart.
  // Fails when the directory does not exist or a file in it has a malformed line
  // (the message names the file and the line).
  static Result<Rules> FromDirectory(const std::string& dir);
  // Built-in rules, `options.dir` replacing files, `options.additions` adding to them. On any
  // problem fails with all of them, one per line, each "FILE:LINE: reason" (or "FILE: reason").
  static Result<Rules> Load(const RulesOptions& options);
  // The problems Load would report (empty when the rules are good).
  static std::vector<std::string> Check(const RulesOptions& options);

  // Every active rule and list: built-in rules, then the user's pattern rules, then the lists in
  // load order (user additions right after the list they add to).
  std::vector<RuleInfo> List() const;
  // The user types of the pattern rules, sorted.
  std::vector<std::string> CustomTypes() const;

  const internal::Lexicons& lexicons() const { return *lexicons_; }

 private:
  explicit Rules(std::shared_ptr<const internal::Lexicons> lex) : lexicons_(std::move(lex)) {}
  std::shared_ptr<const internal::Lexicons> lexicons_;
};

}  // namespace vnextract

#endif  // VNEXTRACT_RULES_H_
