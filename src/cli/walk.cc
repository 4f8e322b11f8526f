#include "cli/walk.h"

#include <fnmatch.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace vnextract::cli {

namespace fs = std::filesystem;

std::vector<Input> ExpandInputs(const std::vector<std::string>& paths, const std::string& globs,
                                std::vector<WalkError>* errors, std::vector<WalkError>* skipped) {
  std::vector<std::string> patterns;
  size_t from = 0;
  while (from <= globs.size()) {
    size_t comma = globs.find(',', from);
    if (comma == std::string::npos) comma = globs.size();
    if (comma > from) patterns.push_back(globs.substr(from, comma - from));
    from = comma + 1;
  }
  auto wanted = [&](const std::string& name) {
    for (const std::string& p : patterns) {
      if (fnmatch(p.c_str(), name.c_str(), 0) == 0) return true;
    }
    return false;
  };
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
      std::error_code sec;
      uintmax_t size = fs::file_size(p, sec);
      out.push_back({p, p, sec ? 0 : static_cast<uint64_t>(size)});
      continue;
    }
    std::vector<std::string> found;
    std::vector<WalkError> skipped_here;
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
      // Hidden files and folders (".git", ".drafts", ".ipynb_checkpoints") are not articles.
      if (it->path().filename().string().rfind('.', 0) == 0) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        ec.clear();
        continue;
      }
      if (!wanted(it->path().filename().string())) continue;
      std::error_code fec;
      fs::file_status target = it->status(fec);  // follows a symbolic link
      if (fs::is_directory(target)) continue;
      if (fs::is_regular_file(target) || target.type() == fs::file_type::not_found ||
          target.type() == fs::file_type::none || target.type() == fs::file_type::unknown) {
        // a regular file or a link to one; or an entry that is gone since it was listed, or a
        // link that leads nowhere, or one whose type cannot be found: reading it then fails with
        // a message in its place
        found.push_back(it->path().string());
      } else if (skipped != nullptr) {
        skipped_here.push_back({it->path().string(), "skipped: not a regular file"});
      }
    }
    std::sort(skipped_here.begin(), skipped_here.end(),
              [](const WalkError& a, const WalkError& b) { return a.name < b.name; });
    if (skipped != nullptr) skipped->insert(skipped->end(), skipped_here.begin(), skipped_here.end());
    std::sort(found.begin(), found.end());
    for (std::string& f : found) {
      std::error_code sec;
      uintmax_t size = fs::file_size(f, sec);
      out.push_back({f, f, sec ? 0 : static_cast<uint64_t>(size), true});
    }
  }
  return out;
}

}  // namespace vnextract::cli
