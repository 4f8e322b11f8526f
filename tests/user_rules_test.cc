// The library face of user rules: Rules::Load with additions, Rules::Check, Rules::List, and a
// custom type through Extractor::Extract.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "rules/user_rules.h"
#include "vnextract/extractor.h"

namespace {

std::string Write(const std::string& name, const std::string& content) {
  std::filesystem::path dir = std::filesystem::temp_directory_path() / "vnextract_user_rules_test";
  std::filesystem::create_directories(dir);
  std::filesystem::path p = dir / name;
  std::ofstream(p, std::ios::binary) << content;
  return p.string();
}

}  // namespace

TEST_CASE("a pattern rule of a user type through the library") {
  std::string file = Write("codes.jsonl",
                           R"json({"id": "t.code", "type": "project_code", "pattern": "mã (?P<c>[A-Z]{2}-\\d+)", "value": "${c}"})json"
                           "\n");
  vnextract::Result<vnextract::Rules> rules = vnextract::Rules::Load({"", {file}});
  REQUIRE(rules.ok());
  CHECK(rules.value().CustomTypes() == std::vector<std::string>{"project_code"});
  vnextract::Extractor ex(rules.value());
  std::vector<vnextract::Record> out;
  REQUIRE(ex.Extract("Công trình mã CB-12 được duyệt.", "a", {}, &out).ok());
  auto it = std::find_if(out.begin(), out.end(), [](const vnextract::Record& r) { return r.rule == "t.code"; });
  REQUIRE(it != out.end());
  CHECK(it->type == vnextract::RecordType::kCustom);
  CHECK(vnextract::TypeName(*it) == "project_code");
  CHECK(it->value == "CB-12");
  CHECK(it->text == "mã CB-12");
  CHECK(it->start == 11);
  CHECK(it->end == 19);

  // custom_types keeps only the user types asked for
  vnextract::ExtractOptions only;
  only.custom_types = {"other_code"};
  out.clear();
  REQUIRE(ex.Extract("Công trình mã CB-12 được duyệt.", "a", only, &out).ok());
  CHECK(std::none_of(out.begin(), out.end(), [](const vnextract::Record& r) { return r.rule == "t.code"; }));
}

TEST_CASE("a match must start and end on token boundaries") {
  std::string file = Write("ha.jsonl", R"json({"id": "t.ha", "type": "plot", "pattern": "ha \\d+"})json" "\n");
  vnextract::Result<vnextract::Rules> rules = vnextract::Rules::Load({"", {file}});
  REQUIRE(rules.ok());
  vnextract::Extractor ex(rules.value());
  std::vector<vnextract::Record> out;
  REQUIRE(ex.Extract("Có hai ha 5 và ha 7.", "a", {}, &out).ok());
  std::vector<std::string> plots;
  for (const auto& r : out) {
    if (r.rule == "t.ha") plots.push_back(r.text);
  }
  CHECK(plots == std::vector<std::string>{"ha 5", "ha 7"});  // not the "ha" inside "hai"
}

TEST_CASE("Rules::Check lists every problem") {
  std::string file = Write("bad.jsonl",
                           "{\"id\": \"a\", \"type\": \"money\", \"pattern\": \"(\\\\d+ xu\", \"value\": \"${1}\"}\n"
                           "{\"id\": \"a\", \"type\": \"Bad Type\", \"pattern\": \"x\"}\n");
  std::vector<std::string> problems = vnextract::Rules::Check({"", {file}});
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].find("bad.jsonl:1: bad RE2 pattern: missing ): (\\d+ xu") != std::string::npos);
  CHECK(problems[1].find("bad.jsonl:2: duplicate id 'a'") != std::string::npos);
  CHECK(!vnextract::Rules::Load({"", {file}}).ok());
}

TEST_CASE("templates") {
  re2::RE2 re("(?P<n>\\d+) (tỷ)");
  std::vector<std::string_view> g = {"5 tỷ", "5", "tỷ"};
  CHECK(vnextract::internal::ExpandTemplate("${n} ${2}", re, g) == "5 tỷ");
  CHECK(vnextract::internal::ExpandTemplate("$$${n}", re, g) == "$5");
  CHECK(vnextract::internal::ExpandTemplate("${0}!", re, g) == "5 tỷ!");
}
