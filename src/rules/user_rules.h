// User rules (`--add-rules`): word lists that add to the built-in ones, and pattern rules — JSON
// Lines, one rule per line — that turn what an RE2 pattern matches into a record of a built-in
// type or of a type of the user's own. README "Your own rules" is the user's reference.
#ifndef VNEXTRACT_RULES_USER_RULES_H_
#define VNEXTRACT_RULES_USER_RULES_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

#include "rules/data_source.h"
#include "vnextract/record.h"

namespace vnextract::internal {

struct UserPattern {
  std::string id;
  RecordType type = RecordType::kCustom;
  std::string type_name;           // as written: "money", "project_code"
  std::unique_ptr<re2::RE2> re;
  std::string value;               // template: ${name} and ${N} stand for the groups' text
  std::string unit;                // template, as value
  std::string origin;              // "FILE:LINE"
};

// A name a user's word list may have, the built-in files (data/ paths) it adds to, and its
// line format.
struct UserListName {
  std::string_view name;
  std::vector<std::string_view> paths;
  std::string_view format;
};
const std::vector<UserListName>& UserListNames();

// Sorts the user's rule paths (files, or directories read recursively in name order) into
// word-list additions, added to `source`, and pattern files (*.jsonl). Files that are neither,
// and paths that cannot be read, are noted in `problems` as "PATH: reason".
void CollectUserRules(const std::vector<std::string>& paths, DataSource* source,
                      std::vector<DataSource::File>* pattern_files, std::vector<std::string>* problems);

// Parses and checks pattern files; every problem is noted as "FILE:LINE: reason" and loading
// goes on. `ids` maps the ids already taken (built-in ones) to where they come from, and
// receives the new ones.
void LoadUserPatterns(const std::vector<DataSource::File>& files, std::map<std::string, std::string>* ids,
                      std::vector<UserPattern>* out, std::vector<std::string>* problems);

// `tmpl` with ${name} and ${N} replaced by the text of those groups of `re` (`groups[0]` is the
// whole match) and "$$" by "$".
std::string ExpandTemplate(std::string_view tmpl, const re2::RE2& re, const std::vector<std::string_view>& groups);

}  // namespace vnextract::internal

#endif  // VNEXTRACT_RULES_USER_RULES_H_
