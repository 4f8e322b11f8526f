// Where rule files come from: the copy of data/ compiled into the library, optionally
// overridden file by file from a directory given at run time.
#ifndef VNEXTRACT_RULES_DATA_SOURCE_H_
#define VNEXTRACT_RULES_DATA_SOURCE_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
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

  // User files that add to the file `path` (--add-rules): read after it, in the order added.
  void Add(std::string path, File file) { additions_.push_back({std::move(path), std::move(file)}); }
  std::vector<File> Additions(std::string_view path) const {
    std::vector<File> out;
    for (const auto& [p, f] : additions_) {
      if (p == path) out.push_back(f);
    }
    return out;
  }

 private:
  std::string dir_;
  std::vector<std::pair<std::string, File>> additions_;
};

}  // namespace vnextract::internal

#endif  // VNEXTRACT_RULES_DATA_SOURCE_H_
