// The rules and word lists the extractors use. The built-in set is compiled in from data/;
// a directory with the same layout overrides it file by file (a file present in the directory
// replaces the built-in file of the same relative path; the others stay built-in).
//
//   vnextract::Rules rules = vnextract::Rules::Builtin();
//   vnextract::Result<vnextract::Rules> mine = vnextract::Rules::FromDirectory("rules/");
#ifndef VNEXTRACT_RULES_H_
#define VNEXTRACT_RULES_H_

#include <memory>
#include <string>

#include "vnextract/status.h"

namespace vnextract {

namespace internal {
struct Lexicons;
}

class Rules {
 public:
  // The rules compiled into the library. Never fails: the build checks them.
  static Rules Builtin();
  // Built-in rules with every file found under `dir` replacing its built-in counterpart.
  // Fails when the directory does not exist or a file in it has a malformed line
  // (the message names the file and the line).
  static Result<Rules> FromDirectory(const std::string& dir);

  const internal::Lexicons& lexicons() const { return *lexicons_; }

 private:
  explicit Rules(std::shared_ptr<const internal::Lexicons> lex) : lexicons_(std::move(lex)) {}
  std::shared_ptr<const internal::Lexicons> lexicons_;
};

}  // namespace vnextract

#endif  // VNEXTRACT_RULES_H_
