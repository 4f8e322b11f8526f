#include "rules/data_source.h"

#include <fstream>
#include <sstream>

namespace vnextract::internal {

std::optional<DataSource::File> DataSource::Read(std::string_view path) const {
  if (!dir_.empty()) {
    std::string full = dir_ + "/" + std::string(path);
    std::ifstream in(full, std::ios::binary);
    if (in) {
      std::ostringstream ss;
      ss << in.rdbuf();
      return File{ss.str(), full};
    }
  }
  for (const EmbeddedFile& f : EmbeddedFiles()) {
    if (path == f.path) return File{std::string(f.content), "built-in:" + std::string(f.path)};
  }
  return std::nullopt;
}

}  // namespace vnextract::internal
