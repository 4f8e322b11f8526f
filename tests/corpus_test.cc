// The example corpora are the specification: data/<type>/corpus.tsv lines
//   sentence <TAB> match <TAB> value <TAB> unit <TAB> qualifier [<TAB> field=value]...
// must each give a record of <type> whose text is `match` with that value, unit and qualifier
// (ratio values are "numerator/denominator", ranges "low..high"), and every further field as
// given (resolved, note, kind, number, year, issuer_code, issuer, issued; "@date=YYYY-MM-DD"
// extracts the line with that reference date, as --date does). Every line of
// data/<type>/negative.txt must give no record of <type>. Each positive sentence is checked a
// second time in NFD with non-breaking spaces, as scraped pages have them.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "test_util.h"

namespace vnextract {
namespace {

using testing::ExtractText;

std::vector<std::string> Lines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> out;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    out.push_back(line);
  }
  return out;
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  out.push_back(cur);
  return out;
}

std::string Describe(const std::vector<Record>& rs) {
  std::string out;
  for (const Record& r : rs) {
    out += "\n    " + std::string(RecordTypeName(r.type)) + " '" + r.text + "' value=" + r.value +
           (r.value_to.empty() ? "" : ".." + r.value_to) + " unit=" + r.unit + " q=" + r.qualifier + " rule=" + r.rule;
  }
  return out;
}

// "" when the expectation holds, else what went wrong.
std::string Field(const Record& r, const std::string& key) {
  if (key == "resolved") return r.resolved;
  if (key == "note") return r.note;
  if (key == "kind") return r.kind;
  if (key == "number") return r.number;
  if (key == "year") return r.year;
  if (key == "issuer_code") return r.issuer_code;
  if (key == "issuer") return r.issuer;
  if (key == "issued") return r.issued;
  throw std::runtime_error("unknown corpus field " + key);
}

std::string Check(RecordType type, const std::vector<std::string>& f, bool variant) {
  std::string sentence = f[0];
  ExtractOptions options;
  for (size_t k = 5; k < f.size(); ++k) {
    if (f[k].rfind("@date=", 0) == 0) {
      options.reference_date = ParseIsoDate(f[k].substr(6));
      if (!options.reference_date) return "bad @date " + f[k];
    }
  }
  if (variant) {
    sentence = testing::Nfd(sentence);
    size_t pos = 0;
    int k = 0;
    while ((pos = sentence.find(' ', pos)) != std::string::npos) {  // every third space → NBSP
      if (++k % 3 == 0) sentence.replace(pos, 1, "\xC2\xA0");
      ++pos;
    }
  }
  std::vector<Record> all = ExtractText(sentence, options);
  for (const Record& r : all) {
    if (r.type != type || testing::Nfc(r.text) != f[1]) {
      std::string t = testing::Nfc(r.text);
      // NBSP inside the match: compare with spaces
      for (size_t p; (p = t.find("\xC2\xA0")) != std::string::npos;) t.replace(p, 2, " ");
      if (r.type != type || t != f[1]) continue;
    }
    if (testing::Substr(sentence, r.start, r.end) != r.text) return "offsets do not point at the text";
    if (IsEntity(type)) {  // value, and role (person) or parent (location) in the fourth column
      if (testing::Nfc(r.value) != f[2]) return "value '" + r.value + "', expected '" + f[2] + "'" + Describe(all);
      std::string extra = type == RecordType::kPerson ? r.role : type == RecordType::kLocation ? r.parent : f[3];
      if (extra != f[3]) return "role/parent '" + extra + "', expected '" + f[3] + "'" + Describe(all);
      return "";
    }
    std::string value = r.value;
    if (type == RecordType::kRatio) value = r.numerator + "/" + r.denominator;
    if (!r.value_to.empty()) value += ".." + r.value_to;
    if (value != f[2]) return "value " + value + ", expected " + f[2] + Describe(all);
    if (r.unit != f[3]) return "unit '" + r.unit + "', expected '" + f[3] + "'" + Describe(all);
    if (r.qualifier != f[4]) return "qualifier '" + r.qualifier + "', expected '" + f[4] + "'" + Describe(all);
    for (size_t k = 5; k < f.size(); ++k) {
      size_t eq = f[k].find('=');
      if (eq == std::string::npos) return "no '=' in field " + f[k];
      std::string key = f[k].substr(0, eq), want = f[k].substr(eq + 1);
      if (key == "@date") continue;
      if (Field(r, key) != want) return key + " '" + Field(r, key) + "', expected '" + want + "'" + Describe(all);
    }
    return "";
  }
  return "no " + std::string(RecordTypeName(type)) + " record with text '" + f[1] + "'; got:" + Describe(all);
}

void WalkCorpus(RecordType type) {
  std::string dir = std::string(VNEXTRACT_SOURCE_DIR) + "/data/" + std::string(RecordTypeName(type));
  if (IsEntity(type)) dir = std::string(VNEXTRACT_SOURCE_DIR) + "/data/entity/" + std::string(RecordTypeName(type));
  std::vector<std::string> pos = Lines(dir + "/corpus.tsv");
  std::vector<std::string> neg = Lines(dir + "/negative.txt");
  size_t min_examples = IsTemporal(type) || type == RecordType::kLegalRef ? 60 : 40;
  REQUIRE_MESSAGE(pos.size() >= min_examples, "fewer than " << min_examples << " examples in " << dir << "/corpus.tsv");
  REQUIRE_MESSAGE(neg.size() >= 10, "fewer than 10 negative examples in " << dir << "/negative.txt");
  int failed = 0;
  for (const std::string& line : pos) {
    std::vector<std::string> f = Split(line, '\t');
    REQUIRE_MESSAGE(f.size() >= 5, "fewer than 5 fields: " << line);
    for (bool variant : {false, true}) {
      std::string why = Check(type, f, variant);
      if (!why.empty()) {
        ++failed;
        MESSAGE(std::string(variant ? "[NFD+NBSP] " : "") << f[0] << "\n  " << why);
        break;
      }
    }
  }
  for (const std::string& sentence : neg) {
    std::vector<Record> got = testing::OfType(ExtractText(sentence), type);
    if (!got.empty()) {
      ++failed;
      MESSAGE("negative: " << sentence << "\n  gave:" << Describe(got));
    }
  }
  CHECK_MESSAGE(failed == 0, failed << " of " << pos.size() + neg.size() << " corpus lines failed for "
                                    << RecordTypeName(type));
}

TEST_CASE("corpus: money") { WalkCorpus(RecordType::kMoney); }
TEST_CASE("corpus: count") { WalkCorpus(RecordType::kCount); }
TEST_CASE("corpus: ratio") { WalkCorpus(RecordType::kRatio); }
TEST_CASE("corpus: percent") { WalkCorpus(RecordType::kPercent); }
TEST_CASE("corpus: quantity") { WalkCorpus(RecordType::kQuantity); }
TEST_CASE("corpus: date") { WalkCorpus(RecordType::kDate); }
TEST_CASE("corpus: period") { WalkCorpus(RecordType::kPeriod); }
TEST_CASE("corpus: time") { WalkCorpus(RecordType::kTime); }
TEST_CASE("corpus: legal_ref") { WalkCorpus(RecordType::kLegalRef); }
TEST_CASE("corpus: number") { WalkCorpus(RecordType::kNumber); }
TEST_CASE("corpus: person") { WalkCorpus(RecordType::kPerson); }
TEST_CASE("corpus: organization") { WalkCorpus(RecordType::kOrganization); }
TEST_CASE("corpus: location") { WalkCorpus(RecordType::kLocation); }

}  // namespace
}  // namespace vnextract
