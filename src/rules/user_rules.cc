#include "rules/user_rules.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <simdjson.h>

#include "decode/utf8.h"
#include "extract/decimal.h"

namespace vnextract::internal {

namespace fs = std::filesystem;

const std::vector<UserListName>& UserListNames() {
  static const std::vector<UserListName> kNames = {
      {"organizations.tsv", {"entity/foreign_orgs.tsv"}, "name[<TAB>canonical name]"},
      {"places.tsv", {"entity/cities.tsv"}, "name[<TAB>canonical name]"},
      {"people.tsv", {"entity/people.tsv"}, "name[<TAB>canonical name]"},
      {"titles.txt", {"entity/person_titles.txt", "entity/role_titles.txt"}, "title"},
      {"currencies.tsv", {"money/currencies.tsv"}, "word<TAB>ISO 4217 code"},
      {"units.tsv", {"quantity/units.tsv"}, "word[<TAB>unit as written in records]"},
      {"count_nouns.txt", {"count/nouns.txt"}, "counted noun"},
      {"not_count_nouns.txt", {"count/not_nouns.txt"}, "word that never starts a counted noun"},
  };
  return kNames;
}

namespace {

bool ReadFile(const fs::path& p, std::string* out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return false;
  *out = ss.str();
  return true;
}

// The data/ paths a user file adds to: by its path relative to a rules directory, else by its
// name (a user list name, or the name of exactly one built-in file).
std::vector<std::string> TargetsOf(const std::string& relative, const std::string& name) {
  for (const EmbeddedFile& f : EmbeddedFiles()) {
    if (relative == f.path) return {relative};
  }
  for (const UserListName& u : UserListNames()) {
    if (name == u.name) return std::vector<std::string>(u.paths.begin(), u.paths.end());
  }
  std::vector<std::string> same_name;
  for (const EmbeddedFile& f : EmbeddedFiles()) {
    if (fs::path(f.path).filename() == name) same_name.emplace_back(f.path);
  }
  if (same_name.size() == 1) return same_name;
  return {};
}

void Classify(const fs::path& file, const std::string& relative, DataSource* source,
              std::vector<DataSource::File>* pattern_files, std::vector<std::string>* problems) {
  std::string name = file.filename().string();
  std::string content;
  if (!ReadFile(file, &content)) {
    problems->push_back(file.string() + ": cannot read the file");
    return;
  }
  if (file.extension() == ".jsonl") {
    pattern_files->push_back({std::move(content), file.string()});
    return;
  }
  std::vector<std::string> targets = TargetsOf(relative, name);
  if (targets.empty()) {
    std::string names;
    for (const UserListName& u : UserListNames()) names += (names.empty() ? "" : ", ") + std::string(u.name);
    problems->push_back(file.string() + ": not a rule file: name a word list after the list it adds to (" + names +
                        ") or after a file of data/, and pattern rules *.jsonl");
    return;
  }
  for (const std::string& t : targets) source->Add(t, {content, file.string()});
}

// Levenshtein distance, for "did you mean".
size_t Distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

// The group references of a template: names and numbers; false with a reason on bad syntax.
bool TemplateRefs(std::string_view t, std::vector<std::string>* refs, std::string* why) {
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] != '$') continue;
    if (i + 1 < t.size() && t[i + 1] == '$') {
      ++i;
      continue;
    }
    if (i + 1 >= t.size() || t[i + 1] != '{') {
      *why = "a '$' must start ${group} (write $$ for a dollar sign)";
      return false;
    }
    size_t close = t.find('}', i + 2);
    if (close == std::string_view::npos || close == i + 2) {
      *why = "unclosed or empty ${…}";
      return false;
    }
    refs->emplace_back(t.substr(i + 2, close - i - 2));
    i = close;
  }
  return true;
}

bool IsIdentifier(std::string_view s, bool allow_punct) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
              (allow_punct && ((c >= 'A' && c <= 'Z') || c == '.' || c == '-' || c == ':'));
    if (!ok) return false;
  }
  return (s[0] >= 'a' && s[0] <= 'z') || (allow_punct && s[0] >= 'A' && s[0] <= 'Z');
}

}  // namespace

void CollectUserRules(const std::vector<std::string>& paths, DataSource* source,
                      std::vector<DataSource::File>* pattern_files, std::vector<std::string>* problems) {
  for (const std::string& path : paths) {
    std::error_code ec;
    fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      problems->push_back(path + ": no such file or directory");
      continue;
    }
    if (!fs::is_directory(st)) {
      Classify(path, fs::path(path).filename().string(), source, pattern_files, problems);
      continue;
    }
    std::vector<fs::path> files;
    for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
      std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') {  // hidden files and directories (.git)
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec) && it->path().extension() != ".md") files.push_back(it->path());
    }
    if (ec) problems->push_back(path + ": " + ec.message());
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
      Classify(f, fs::relative(f, path, ec).generic_string(), source, pattern_files, problems);
    }
  }
}

void LoadUserPatterns(const std::vector<DataSource::File>& files, std::map<std::string, std::string>* ids,
                      std::vector<UserPattern>* out, std::vector<std::string>* problems) {
  simdjson::dom::parser parser;
  for (const DataSource::File& file : files) {
    std::string_view unused;
    Status utf8 = DecodeUtf8(file.content, &unused);
    if (!utf8.ok()) {
      problems->push_back(file.origin + ": " + utf8.message());
      continue;
    }
    std::string_view content = file.content;
    size_t line_no = 0;
    for (size_t pos = 0; pos < content.size();) {
      size_t nl = content.find('\n', pos);
      if (nl == std::string_view::npos) nl = content.size();
      std::string_view line = content.substr(pos, nl - pos);
      pos = nl + 1;
      ++line_no;
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
      while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
      if (line.empty() || line.front() == '#') continue;  // blank lines and comments
      std::string where = file.origin + ":" + std::to_string(line_no);
      auto problem = [&](const std::string& why) { problems->push_back(where + ": " + why); };

      simdjson::padded_string padded(line);
      simdjson::dom::element doc;
      if (auto err = parser.parse(padded).get(doc); err) {
        problem(std::string("invalid JSON: ") + simdjson::error_message(err));
        continue;
      }
      simdjson::dom::object obj;
      if (doc.get(obj)) {
        problem("expected a JSON object {\"id\": …, \"type\": …, \"pattern\": …}");
        continue;
      }
      std::map<std::string, std::string> f;
      bool bad = false;
      for (auto field : obj) {
        std::string key(field.key);
        static const std::set<std::string> kKnown = {"id", "type", "pattern", "value", "unit", "comment"};
        if (!kKnown.count(key)) {
          problem("unknown field '" + key + "' (fields: id, type, pattern, value, unit, comment)");
          bad = true;
          continue;
        }
        std::string_view v;
        if (field.value.get(v)) {
          problem("field '" + key + "' must be a string");
          bad = true;
          continue;
        }
        f[key] = std::string(v);
      }
      if (bad) continue;
      UserPattern p;
      p.origin = where;
      // id
      p.id = f["id"];
      if (p.id.empty()) {
        problem("missing 'id'");
        continue;
      }
      if (!IsIdentifier(p.id, true)) {
        problem("id '" + p.id + "' must be letters, digits, '_', '.', '-' or ':' and start with a letter");
        continue;
      }
      if (auto it = ids->find(p.id); it != ids->end()) {
        problem("duplicate id '" + p.id + "' (also " + it->second + ")");
        continue;
      }
      (*ids)[p.id] = where;  // taken even if the rule has other problems: its copies are duplicates
      // type
      p.type_name = f["type"];
      if (p.type_name.empty()) {
        problem("missing 'type'");
        continue;
      }
      std::optional<RecordType> builtin = ParseRecordType(p.type_name);
      if (builtin && IsEntity(*builtin)) {
        problem("type '" + p.type_name +
                "' cannot come from a pattern: add the names to people.tsv, organizations.tsv or places.tsv");
        continue;
      }
      if (builtin && *builtin != RecordType::kCustom) {
        p.type = *builtin;
      } else {
        std::string near;
        for (int t = 0; t < kBuiltinTypeCount; ++t) {
          std::string_view name = RecordTypeName(static_cast<RecordType>(t));
          if (Distance(p.type_name, name) <= 2) near = std::string(name);
        }
        if (!near.empty() || !IsIdentifier(p.type_name, false) || p.type_name == "custom") {
          problem("unknown type '" + p.type_name + "'" + (near.empty() ? "" : " (did you mean '" + near + "'?)") +
                  ": a type of your own is lower-case letters, digits and '_', and not a near-copy of a built-in "
                  "type's name");
          continue;
        }
        p.type = RecordType::kCustom;
      }
      // pattern
      if (f["pattern"].empty()) {
        problem("missing 'pattern'");
        continue;
      }
      RE2::Options opts;
      opts.set_log_errors(false);
      p.re = std::make_unique<re2::RE2>(f["pattern"], opts);
      if (!p.re->ok()) {
        problem("bad RE2 pattern: " + p.re->error());
        continue;
      }
      if (RE2::FullMatch("", *p.re)) {
        problem("the pattern matches the empty text");
        continue;
      }
      // value and unit templates
      const std::map<std::string, int>& named = p.re->NamedCapturingGroups();
      bool numeric = p.type != RecordType::kCustom && HasNumericValue(p.type);
      if (f.count("value")) p.value = f["value"];
      else if (named.count("value")) p.value = "${value}";
      else if (!numeric) p.value = "${0}";
      else {
        problem("missing 'value': type " + p.type_name + " needs a number, e.g. \"value\": \"${amount}\"");
        continue;
      }
      if (f.count("unit")) p.unit = f["unit"];
      else if (named.count("unit")) p.unit = "${unit}";
      bool refs_ok = true;
      for (const std::string* t : {&p.value, &p.unit}) {
        std::vector<std::string> refs;
        std::string why;
        if (!TemplateRefs(*t, &refs, &why)) {
          problem("in '" + *t + "': " + why);
          refs_ok = false;
          continue;
        }
        for (const std::string& r : refs) {
          bool digits = std::all_of(r.begin(), r.end(), [](char c) { return c >= '0' && c <= '9'; });
          bool exists = digits ? r.size() < 4 && std::stoi(r) <= p.re->NumberOfCapturingGroups() : named.count(r) > 0;
          if (!exists) {
            problem("'" + *t + "' refers to ${" + r + "}, which the pattern has no group for");
            refs_ok = false;
          }
        }
      }
      if (!refs_ok) continue;
      if (numeric && p.value.find('$') == std::string::npos) {
        std::string_view digits = p.value;
        digits = digits.substr(0, digits.find(' '));
        if (!Decimal::ParseDigits(digits)) {
          problem("value '" + p.value + "' is not a number, which type " + p.type_name + " needs");
          continue;
        }
      }
      out->push_back(std::move(p));
    }
  }
}

std::string ExpandTemplate(std::string_view tmpl, const re2::RE2& re, const std::vector<std::string_view>& groups) {
  std::string out;
  for (size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] != '$') {
      out.push_back(tmpl[i]);
      continue;
    }
    if (i + 1 < tmpl.size() && tmpl[i + 1] == '$') {
      out.push_back('$');
      ++i;
      continue;
    }
    size_t close = tmpl.find('}', i + 2);
    if (i + 1 >= tmpl.size() || tmpl[i + 1] != '{' || close == std::string_view::npos) {
      out.push_back('$');  // checked at load: cannot happen
      continue;
    }
    std::string name(tmpl.substr(i + 2, close - i - 2));
    int index = -1;
    if (!name.empty() && std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      index = std::stoi(name);
    } else if (auto it = re.NamedCapturingGroups().find(name); it != re.NamedCapturingGroups().end()) {
      index = it->second;
    }
    if (index >= 0 && static_cast<size_t>(index) < groups.size()) out.append(groups[static_cast<size_t>(index)]);
    i = close;
  }
  return out;
}

}  // namespace vnextract::internal
