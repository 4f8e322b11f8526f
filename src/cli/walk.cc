#include "cli/walk.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace vnextract::cli {

namespace fs = std::filesystem;

std::vector<Input> ExpandInputs(const std::vector<std::string>& paths, std::vector<WalkError>* errors) {
  std::vector<Input> out;
  for (const std::string& p : paths) {
    if (p == "-") {
      out.push_back({"-", ""});
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) {
      errors->push_back({p, "no such file or directory"});
      continue;
    }
    if (!fs::is_directory(st)) {
      out.push_back({p, p});
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) {
      errors->push_back({p, "cannot list directory: " + ec.message()});
      continue;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) {
        errors->push_back({p, "cannot list directory: " + ec.message()});
        break;
      }
      std::error_code fec;
      if (it->is_regular_file(fec) && it->path().extension() == ".txt") found.push_back(it->path().string());
    }
    std::sort(found.begin(), found.end());
    for (std::string& f : found) out.push_back({f, f});
  }
  return out;
}

}  // namespace vnextract::cli
