// `vnextract rules check|list`, and the loading of --rules/--add-rules for the other commands.
#ifndef VNEXTRACT_CLI_RULES_CMD_H_
#define VNEXTRACT_CLI_RULES_CMD_H_

#include <string>
#include <vector>

#include "vnextract/rules.h"

namespace vnextract::cli {

// Loads the built-in rules with `dir` replacing files and `additions` adding to them. On
// problems prints every one on stderr ("vnextract: FILE:LINE: reason") and returns false.
bool LoadRules(const std::string& dir, const std::vector<std::string>& additions, Rules* rules);

// `vnextract rules check|list …`; returns the exit status.
int RunRules(const std::vector<std::string>& args);

}  // namespace vnextract::cli

#endif  // VNEXTRACT_CLI_RULES_CMD_H_
