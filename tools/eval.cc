// vnextract_eval: precision, recall and value accuracy per type on the hand-annotated
// development set (tests/dev/gold/*.jsonl over ../shared/corpus/dantri).
//
//   vnextract_eval --gold tests/dev/gold --corpus ../shared/corpus/dantri [--errors] [--min-f1 0.8]
//
// A prediction is correct when its type and span (start, end) equal a gold record's; its value
// is correct when value, value_to, unit and qualifier (numerator/denominator for ratios) also
// agree. Records inside the corpus files' three '# ' header lines are not scored.
// Exit status: 0 when micro-F1 ≥ --min-f1, 1 otherwise, 77 when the corpus is absent (skip).
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "vnextract/extractor.h"

namespace fs = std::filesystem;
using vnextract::Record;

namespace {

// A flat JSON object of string and integer values (the gold format), as strings.
std::map<std::string, std::string> ParseFlatJson(const std::string& line) {
  std::map<std::string, std::string> out;
  size_t i = 0;
  auto skip = [&] {
    while (i < line.size() && (line[i] == ' ' || line[i] == ',' || line[i] == '{' || line[i] == '}' || line[i] == ':')) ++i;
  };
  auto str = [&] {
    std::string s;
    ++i;  // opening quote
    while (i < line.size() && line[i] != '"') {
      if (line[i] == '\\' && i + 1 < line.size()) {
        ++i;
        char c = line[i];
        if (c == 'n') s += '\n';
        else if (c == 't') s += '\t';
        else if (c == 'u' && i + 4 < line.size()) {
          unsigned cp = std::stoul(line.substr(i + 1, 4), nullptr, 16);
          i += 4;
          if (cp < 0x80) s += static_cast<char>(cp);
          else if (cp < 0x800) s += static_cast<char>(0xC0 | (cp >> 6)), s += static_cast<char>(0x80 | (cp & 0x3F));
          else s += static_cast<char>(0xE0 | (cp >> 12)), s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
               s += static_cast<char>(0x80 | (cp & 0x3F));
        } else s += c;
      } else {
        s += line[i];
      }
      ++i;
    }
    ++i;
    return s;
  };
  while (true) {
    skip();
    if (i >= line.size() || line[i] != '"') break;
    std::string key = str();
    skip();
    std::string value;
    if (i < line.size() && line[i] == '"') {
      value = str();
    } else {
      while (i < line.size() && line[i] != ',' && line[i] != '}') value += line[i++];
      if (value == "null") value.clear();
    }
    out[key] = value;
  }
  return out;
}

struct Item {
  std::string type, text, value;
  uint64_t start, end;
};

struct Tally {
  int tp = 0, fp = 0, fn = 0, value_ok = 0;
};

std::string ValueKey(const std::map<std::string, std::string>& m) {
  std::string v = m.at("type") == "ratio" ? m.at("numerator") + "/" + m.at("denominator") : m.at("value");
  return v + "|" + m.at("value_to") + "|" + m.at("unit") + "|" + m.at("qualifier");
}

std::string ValueKey(const Record& r) {
  std::string v = r.type == vnextract::RecordType::kRatio ? r.numerator + "/" + r.denominator : r.value;
  return v + "|" + r.value_to + "|" + r.unit + "|" + r.qualifier;
}

}  // namespace

int main(int argc, char** argv) {
  std::string gold_dir, corpus_dir;
  double min_f1 = 0;
  bool errors = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--gold" && i + 1 < argc) gold_dir = argv[++i];
    else if (a == "--corpus" && i + 1 < argc) corpus_dir = argv[++i];
    else if (a == "--min-f1" && i + 1 < argc) min_f1 = std::stod(argv[++i]);
    else if (a == "--errors") errors = true;
    else {
      std::cerr << "usage: vnextract_eval --gold DIR --corpus DIR [--errors] [--min-f1 X]\n";
      return 2;
    }
  }
  if (!fs::is_directory(corpus_dir)) {
    std::cout << "SKIP: corpus " << corpus_dir << " is absent (it ships beside the repository, not in it)\n";
    return 77;
  }
  std::vector<fs::path> gold_files;
  for (const auto& e : fs::directory_iterator(gold_dir)) {
    if (e.path().extension() == ".jsonl") gold_files.push_back(e.path());
  }
  std::sort(gold_files.begin(), gold_files.end());
  vnextract::Extractor ex(vnextract::Rules::Builtin());
  std::map<std::string, Tally> tally;
  size_t bytes = 0;
  for (const fs::path& gf : gold_files) {
    std::ifstream in(gf);
    std::vector<std::map<std::string, std::string>> gold;
    std::string line, doc;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      gold.push_back(ParseFlatJson(line));
      doc = gold.back()["doc"];
    }
    if (doc.empty()) continue;
    std::ifstream af(corpus_dir + "/" + doc, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(af)), std::istreambuf_iterator<char>());
    bytes += text.size();
    // Code-point offset where the body starts (after three header lines).
    uint64_t body = 0;
    int newlines = 0;
    for (size_t i = 0; i < text.size() && newlines < 3; ++i) {
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++body;
      if (text[i] == '\n') ++newlines;
    }
    std::vector<Record> pred;
    vnextract::ExtractOptions o;
    o.context = false;
    if (!ex.Extract(text, doc, o, &pred).ok()) {
      std::cerr << doc << ": extraction failed\n";
      return 1;
    }
    std::map<std::pair<uint64_t, uint64_t>, std::map<std::string, std::string>> gold_by_span;
    for (auto& g : gold) gold_by_span[{std::stoull(g["start"]), std::stoull(g["end"])}] = g;
    std::map<std::pair<uint64_t, uint64_t>, bool> matched;
    for (const Record& r : pred) {
      if (r.start < body) continue;
      std::string type(vnextract::RecordTypeName(r.type));
      auto it = gold_by_span.find({r.start, r.end});
      if (it != gold_by_span.end() && it->second["type"] == type) {
        Tally& t = tally[type];
        ++t.tp;
        matched[it->first] = true;
        if (ValueKey(it->second) == ValueKey(r)) ++t.value_ok;
        else if (errors) std::cout << "VALUE " << doc << " " << type << " '" << r.text << "' got " << ValueKey(r) << " want " << ValueKey(it->second) << "\n";
      } else {
        ++tally[type].fp;
        if (errors) std::cout << "FALSE " << doc << " " << type << " '" << r.text << "' " << ValueKey(r) << " [" << r.rule << "]\n";
      }
    }
    for (auto& [span, g] : gold_by_span) {
      if (matched.count(span)) continue;
      ++tally[g["type"]].fn;
      if (errors) std::cout << "MISS  " << doc << " " << g["type"] << " '" << g["text"] << "' " << ValueKey(g) << "\n";
    }
  }
  Tally all;
  std::printf("%-10s %6s %6s %6s %6s %6s %7s %9s\n", "type", "gold", "pred", "P", "R", "F1", "value", "");
  for (auto& [type, t] : tally) {
    double p = t.tp + t.fp ? double(t.tp) / (t.tp + t.fp) : 0, r = t.tp + t.fn ? double(t.tp) / (t.tp + t.fn) : 0;
    double f = p + r ? 2 * p * r / (p + r) : 0;
    double v = t.tp ? double(t.value_ok) / t.tp : 0;
    std::printf("%-10s %6d %6d %6.3f %6.3f %6.3f %7.3f\n", type.c_str(), t.tp + t.fn, t.tp + t.fp, p, r, f, v);
    all.tp += t.tp, all.fp += t.fp, all.fn += t.fn, all.value_ok += t.value_ok;
  }
  double p = all.tp + all.fp ? double(all.tp) / (all.tp + all.fp) : 0, r = all.tp + all.fn ? double(all.tp) / (all.tp + all.fn) : 0;
  double f = p + r ? 2 * p * r / (p + r) : 0;
  std::printf("%-10s %6d %6d %6.3f %6.3f %6.3f %7.3f   (%zu documents, %zu bytes)\n", "ALL", all.tp + all.fn,
              all.tp + all.fp, p, r, f, all.tp ? double(all.value_ok) / all.tp : 0, gold_files.size(), bytes);
  if (f < min_f1) {
    std::printf("FAIL: micro-F1 %.3f is below %.3f\n", f, min_f1);
    return 1;
  }
  return 0;
}
