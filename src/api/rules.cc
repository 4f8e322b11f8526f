#include "vnextract/rules.h"

#include <filesystem>
#include <stdexcept>

#include "rules/lexicon.h"
#include "segment/sentences.h"

namespace vnextract {

Rules Rules::Builtin() {
  static const std::shared_ptr<const internal::Lexicons> builtin = [] {
    auto lex = std::make_shared<internal::Lexicons>();
    Status s = internal::LoadLexicons(internal::DataSource(), lex.get());
    // The build embeds data/ and the test suite loads it: a failure here is a bug, not input.
    if (!s.ok()) throw std::logic_error("built-in rules are broken: " + s.message());
    return lex;
  }();
  return Rules(builtin);
}

Result<Rules> Rules::FromDirectory(const std::string& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return Status::NotFound(dir + ": no such rules directory");
  auto lex = std::make_shared<internal::Lexicons>();
  Status s = internal::LoadLexicons(internal::DataSource(dir), lex.get());
  if (!s.ok()) return s;
  return Rules(std::move(lex));
}

}  // namespace vnextract
