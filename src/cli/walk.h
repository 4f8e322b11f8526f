// Turning the command line's paths into the list of documents to read.
#ifndef VNEXTRACT_CLI_WALK_H_
#define VNEXTRACT_CLI_WALK_H_

#include <cstdint>
#include <string>
#include <vector>

namespace vnextract::cli {

struct Input {
  std::string name;  // as shown in records and messages: the path as given, "-" for stdin
  std::string path;  // what to open; empty for stdin
  uint64_t size = 0; // bytes, when known (for progress); 0 for stdin
  // Found by a directory walk: read only if it is a regular file when opened (a FIFO put there
  // since would block the walk); paths given on the command line are read whatever they are.
  bool regular_only = false;
};

struct WalkError {
  std::string name;
  std::string reason;
};

// The file names a directory walk takes by default.
inline const char* const kDefaultGlobs = "*.txt,*.html,*.htm,*.jsonl,*.json";

// Files as given; directories walked recursively for files whose name matches one of `globs`
// (comma-separated shell patterns, e.g. "*.txt,*.html"), in byte order of their paths so output
// is the same on every machine; "-" for standard input. Paths that do not exist or cannot be
// listed go to *errors. A walk takes regular files and symbolic links to them; a symbolic link
// that leads nowhere is taken too, so that reading it fails with a message; FIFOs, sockets and
// devices whose name matches are skipped (reading a FIFO would wait for a writer) and listed in
// *skipped (for --verbose), when given.
std::vector<Input> ExpandInputs(const std::vector<std::string>& paths, const std::string& globs,
                                std::vector<WalkError>* errors, std::vector<WalkError>* skipped = nullptr);

}  // namespace vnextract::cli

#endif  // VNEXTRACT_CLI_WALK_H_
