// Where rule files come from: the copy of data/ compiled into the library, optionally
// overridden file by file from a directory given at run time.
#ifndef VNEXTRACT_RULES_DATA_SOURCE_H_
#define VNEXTRACT_RULES_DATA_SOURCE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vnextract::internal {

struct EmbeddedFile {
  const char* path;  // relative to data/, e.g. "money/currencies.tsv"
  std::string_view content;
};

// Every rule and word-list file of data/ as it was at build time (generated source).
const std::vector<EmbeddedFile>& EmbeddedFiles();

class DataSource {
 public:
  // Built-in files only.
  DataSource() = default;
  // Files under `dir` take the place of the built-in file of the same relative path.
  explicit DataSource(std::string dir) : dir_(std::move(dir)) {}

  // The content of `path` and where it came from ("built-in:money/currencies.tsv" or the file's
  // path on disk), or nullopt when neither has it.
  struct File {
    std::string content;
    std::string origin;
  };
  std::optional<File> Read(std::string_view path) const;

 private:
  std::string dir_;
};

}  // namespace vnextract::internal

#endif  // VNEXTRACT_RULES_DATA_SOURCE_H_
