// vnextract eval: precision, recall and F1 per type against gold JSON Lines.
#ifndef VNEXTRACT_CLI_EVAL_H_
#define VNEXTRACT_CLI_EVAL_H_

#include <string>
#include <vector>

namespace vnextract::cli {

// Runs `vnextract eval` with the arguments after "eval". Returns the exit status.
int RunEval(const std::vector<std::string>& args);

}  // namespace vnextract::cli

#endif  // VNEXTRACT_CLI_EVAL_H_
