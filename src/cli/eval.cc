// vnextract eval --gold FILE|DIR [--errors] [--min-f1 X] [--min-type-f1 X] [PATH...]
//
// Gold: JSON Lines, one record per line in document order, at least {"doc","type","text"}
// and usually "value"; "start"/"end" (code points) when known, else the text is looked up in
// the document after the previous gold record of that document. Documents are found by joining
// each PATH (a directory) with "doc", or a PATH file whose name is "doc"; with no PATH, the
// gold file's directory. Lines at the top of a document that start with "# " (the corpus's
// doc_id/url/date header) are not scored.
//
// Scores per type: exact (same type and span) and overlap (same type, spans overlap, one to
// one), and value accuracy over overlap matches: value, plus value_to, unit, qualifier,
// numerator, denominator, role, parent, resolved and the legal_ref parts (kind, number, year,
// issuer_code, issuer, issued) where the gold line has them.
#include "cli/eval.h"

#include <algorithm>
#include <bitset>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>

#include "vnextract/extractor.h"

namespace vnextract::cli {

namespace fs = std::filesystem;

namespace {

using Fields = std::map<std::string, std::string>;

// A flat JSON object of string, number and null values, as strings.
std::optional<Fields> ParseFlatJson(const std::string& line) {
  Fields out;
  size_t i = 0;
  auto ws = [&] {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
  };
  auto str = [&](std::string* s) -> bool {
    if (line[i] != '"') return false;
    ++i;
    while (i < line.size() && line[i] != '"') {
      char c = line[i++];
      if (c != '\\') {
        s->push_back(c);
        continue;
      }
      if (i >= line.size()) return false;
      char e = line[i++];
      switch (e) {
        case 'n': s->push_back('\n'); break;
        case 't': s->push_back('\t'); break;
        case 'r': s->push_back('\r'); break;
        case 'u': {
          if (i + 4 > line.size()) return false;
          unsigned cp = std::stoul(line.substr(i, 4), nullptr, 16);
          i += 4;
          if (cp < 0x80) {
            s->push_back(static_cast<char>(cp));
          } else if (cp < 0x800) {
            s->push_back(static_cast<char>(0xC0 | (cp >> 6)));
            s->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
          } else {
            s->push_back(static_cast<char>(0xE0 | (cp >> 12)));
            s->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            s->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
          }
          break;
        }
        default: s->push_back(e);
      }
    }
    if (i >= line.size()) return false;
    ++i;
    return true;
  };
  ws();
  if (i >= line.size() || line[i] != '{') return std::nullopt;
  ++i;
  while (true) {
    ws();
    if (i < line.size() && line[i] == '}') return out;
    std::string key, value;
    if (i >= line.size() || !str(&key)) return std::nullopt;
    ws();
    if (i >= line.size() || line[i] != ':') return std::nullopt;
    ++i;
    ws();
    if (i < line.size() && line[i] == '"') {
      if (!str(&value)) return std::nullopt;
    } else {
      while (i < line.size() && line[i] != ',' && line[i] != '}') value.push_back(line[i++]);
      while (!value.empty() && value.back() == ' ') value.pop_back();
      if (value == "null") value.clear();
    }
    out[key] = value;
    ws();
    if (i < line.size() && line[i] == ',') ++i;
  }
}

std::vector<size_t> CodePointStarts(const std::string& s) {
  std::vector<size_t> starts;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) starts.push_back(i);
  }
  starts.push_back(s.size());
  return starts;
}

struct Span {
  std::string type;
  uint64_t start, end;
  std::string text;
  Fields fields;  // what is compared for value accuracy
};

struct Tally {
  int gold = 0, pred = 0, exact = 0, overlap = 0, value_ok = 0;
};

const char* const kCompared[] = {"value",  "value_to", "unit", "qualifier",   "numerator", "denominator", "role",
                                 "parent", "resolved", "kind", "number",      "year",      "issuer_code", "issuer",
                                 "issued"};

Fields RecordFields(const Record& r) {
  return {{"value", r.value},         {"value_to", r.value_to},       {"unit", r.unit},
          {"qualifier", r.qualifier}, {"numerator", r.numerator},     {"denominator", r.denominator},
          {"role", r.role},           {"parent", r.parent},           {"resolved", r.resolved},
          {"kind", r.kind},           {"number", r.number},           {"year", r.year},
          {"issuer_code", r.issuer_code}, {"issuer", r.issuer},       {"issued", r.issued}};
}

// Numbers in gold files may be written 1.50 or 1.5: compare numerically-written values as text
// after dropping trailing zeros of a decimal part.
std::string CanonNumber(std::string s) {
  if (s.find('.') != std::string::npos && s.find_first_not_of("0123456789.-") == std::string::npos) {
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  }
  return s;
}

std::string Describe(const Fields& f) {
  std::string out;
  for (const char* k : kCompared) {
    auto it = f.find(k);
    if (it != f.end() && !it->second.empty()) out += std::string(k) + "=" + it->second + " ";
  }
  return out;
}

void Usage() {
  std::cerr << "usage: vnextract eval --gold FILE|DIR [-t TYPES] [--errors] [--min-f1 X] [--min-type-f1 X] [PATH...]\n";
}

double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

}  // namespace

int RunEval(const std::vector<std::string>& args) {
  std::string gold_path;
  std::vector<std::string> paths;
  bool errors = false;
  double min_f1 = -1, min_type_f1 = -1;
  std::bitset<kRecordTypeCount> opts_types = std::bitset<kRecordTypeCount>().set();
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto next = [&](double* x) {
      if (i + 1 >= args.size()) return false;
      try {
        *x = std::stod(args[++i]);
      } catch (...) {
        return false;
      }
      return true;
    };
    if (a == "--gold" && i + 1 < args.size()) gold_path = args[++i];
    else if (a == "--errors") errors = true;
    else if (a == "-t" || a == "--types") {
      if (i + 1 >= args.size()) { Usage(); return 2; }
      std::stringstream ss(args[++i]);
      std::string t;
      opts_types.reset();
      while (std::getline(ss, t, ',')) {
        std::optional<RecordType> rt = ParseRecordType(t);
        if (!rt) { std::cerr << "vnextract: eval: unknown type '" << t << "'\n"; return 2; }
        opts_types.set(static_cast<size_t>(*rt));
      }
    }
    else if (a == "--min-f1") { if (!next(&min_f1)) { Usage(); return 2; } }
    else if (a == "--min-type-f1") { if (!next(&min_type_f1)) { Usage(); return 2; } }
    else if (a == "-h" || a == "--help") { Usage(); return 0; }
    else if (!a.empty() && a[0] == '-') { std::cerr << "vnextract: eval: unknown option '" << a << "'\n"; Usage(); return 2; }
    else paths.push_back(a);
  }
  if (gold_path.empty()) {
    Usage();
    return 2;
  }
  std::vector<fs::path> gold_files;
  std::error_code ec;
  if (fs::is_directory(gold_path, ec)) {
    for (const auto& e : fs::directory_iterator(gold_path)) {
      if (e.path().extension() == ".jsonl") gold_files.push_back(e.path());
    }
    std::sort(gold_files.begin(), gold_files.end());
  } else if (fs::exists(gold_path, ec)) {
    gold_files.push_back(gold_path);
  } else {
    std::cerr << "vnextract: " << gold_path << ": no such file or directory\n";
    return 2;
  }
  if (paths.empty()) paths.push_back(fs::is_directory(gold_path) ? gold_path : fs::path(gold_path).parent_path().string());

  // Gold records grouped by document, in file order.
  std::map<std::string, std::vector<Fields>> gold_by_doc;
  std::vector<std::string> doc_order;
  for (const fs::path& gf : gold_files) {
    std::ifstream in(gf);
    std::string line;
    size_t n = 0;
    while (std::getline(in, line)) {
      ++n;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      std::optional<Fields> f = ParseFlatJson(line);
      if (!f || !f->count("doc") || !f->count("type") || !f->count("text")) {
        std::cerr << "vnextract: " << gf.string() << ":" << n << ": not a gold record (doc, type, text)\n";
        return 2;
      }
      std::string doc = (*f)["doc"];
      if (!gold_by_doc.count(doc)) doc_order.push_back(doc);
      gold_by_doc[doc].push_back(std::move(*f));
    }
  }

  Extractor ex(Rules::Builtin());
  std::map<std::string, Tally> tally;
  int missing_docs = 0;
  for (const std::string& doc : doc_order) {
    std::string path;
    for (const std::string& p : paths) {
      fs::path cand = fs::path(p) / doc;
      if (fs::is_regular_file(cand, ec)) {
        path = cand.string();
        break;
      }
      if (fs::is_regular_file(p, ec) && fs::path(p).filename() == doc) {
        path = p;
        break;
      }
    }
    if (path.empty()) {
      std::cerr << "vnextract: eval: " << doc << ": document not found under the given paths\n";
      ++missing_docs;
      continue;
    }
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::string text = bytes.rfind("\xEF\xBB\xBF", 0) == 0 ? bytes.substr(3) : bytes;
    std::vector<size_t> cps = CodePointStarts(text);
    // Header lines ("# doc_id = …") are not scored.
    uint64_t body = 0;
    size_t pos = 0;
    while (pos < text.size() && text.compare(pos, 2, "# ") == 0) {
      size_t nl = text.find('\n', pos);
      pos = nl == std::string::npos ? text.size() : nl + 1;
    }
    body = std::lower_bound(cps.begin(), cps.end(), pos) - cps.begin();

    std::vector<Span> gold;
    size_t search_from = pos;
    for (Fields& f : gold_by_doc[doc]) {
      std::optional<RecordType> gt = ParseRecordType(f["type"]);
      if (!gt || !opts_types.test(static_cast<size_t>(*gt))) continue;
      Span s{f["type"], 0, 0, f["text"], {}};
      if (f.count("start") && f.count("end") && !f["start"].empty()) {
        s.start = std::stoull(f["start"]);
        s.end = std::stoull(f["end"]);
      } else {
        size_t at = text.find(s.text, search_from);
        if (at == std::string::npos) at = text.find(s.text, pos);
        if (at == std::string::npos) {
          std::cerr << "vnextract: eval: " << doc << ": gold text '" << s.text << "' is not in the document\n";
          continue;
        }
        s.start = std::lower_bound(cps.begin(), cps.end(), at) - cps.begin();
        s.end = std::lower_bound(cps.begin(), cps.end(), at + s.text.size()) - cps.begin();
        search_from = at;
      }
      for (const char* k : kCompared) {
        if (f.count(k)) s.fields[k] = f[k];
      }
      gold.push_back(std::move(s));
    }
    std::vector<Record> pred;
    ExtractOptions opts;
    opts.context = false;
    opts.types = opts_types;
    if (!ex.Extract(bytes, doc, opts, &pred).ok()) {
      std::cerr << "vnextract: eval: " << doc << ": cannot be read\n";
      ++missing_docs;
      continue;
    }
    pred.erase(std::remove_if(pred.begin(), pred.end(), [&](const Record& r) { return r.start < body; }), pred.end());
    std::vector<bool> gold_used(gold.size(), false), pred_used(pred.size(), false);
    for (const Span& g : gold) ++tally[g.type].gold;
    for (const Record& r : pred) ++tally[std::string(RecordTypeName(r.type))].pred;
    auto value_ok = [&](const Span& g, const Record& r) {
      Fields got = RecordFields(r);
      for (const auto& [k, want] : g.fields) {
        if (CanonNumber(want) != CanonNumber(got[k])) return false;
      }
      return true;
    };
    // Exact matches first, then overlaps, one to one.
    for (int pass = 0; pass < 2; ++pass) {
      for (size_t gi = 0; gi < gold.size(); ++gi) {
        if (gold_used[gi]) continue;
        const Span& g = gold[gi];
        for (size_t pi = 0; pi < pred.size(); ++pi) {
          const Record& r = pred[pi];
          if (pred_used[pi] || RecordTypeName(r.type) != g.type) continue;
          bool match = pass == 0 ? (r.start == g.start && r.end == g.end) : (r.start < g.end && g.start < r.end);
          if (!match) continue;
          gold_used[gi] = pred_used[pi] = true;
          Tally& t = tally[g.type];
          if (pass == 0) ++t.exact;
          ++t.overlap;
          if (value_ok(g, r)) {
            ++t.value_ok;
          } else if (errors) {
            std::cout << "VALUE " << doc << " " << g.type << " '" << r.text << "' got " << Describe(RecordFields(r))
                      << "want " << Describe(g.fields) << "\n";
          }
          if (pass == 1 && errors) {
            std::cout << "SPAN  " << doc << " " << g.type << " '" << r.text << "' vs gold '" << g.text << "'\n";
          }
          break;
        }
      }
    }
    if (errors) {
      for (size_t gi = 0; gi < gold.size(); ++gi) {
        if (!gold_used[gi]) std::cout << "MISS  " << doc << " " << gold[gi].type << " '" << gold[gi].text << "' " << Describe(gold[gi].fields) << "\n";
      }
      for (size_t pi = 0; pi < pred.size(); ++pi) {
        if (!pred_used[pi]) {
          std::cout << "FALSE " << doc << " " << RecordTypeName(pred[pi].type) << " '" << pred[pi].text << "' "
                    << Describe(RecordFields(pred[pi])) << "[" << pred[pi].rule << "]\n";
        }
      }
    }
  }

  std::printf("%-13s %5s %5s | %6s %6s %6s | %6s %6s %6s | %6s\n", "type", "gold", "pred", "P", "R", "F1", "P~", "R~",
              "F1~", "value");
  Tally all;
  bool type_floor_failed = false;
  for (const auto& [type, t] : tally) {
    double pe = t.pred ? double(t.exact) / t.pred : 0, re = t.gold ? double(t.exact) / t.gold : 0;
    double po = t.pred ? double(t.overlap) / t.pred : 0, ro = t.gold ? double(t.overlap) / t.gold : 0;
    std::printf("%-13s %5d %5d | %6.3f %6.3f %6.3f | %6.3f %6.3f %6.3f | %6.3f\n", type.c_str(), t.gold, t.pred, pe, re,
                F1(pe, re), po, ro, F1(po, ro), t.overlap ? double(t.value_ok) / t.overlap : 0);
    if (min_type_f1 >= 0 && t.gold >= 10 && F1(po, ro) < min_type_f1) {
      std::printf("FAIL: %s overlap F1 %.3f is below %.3f\n", type.c_str(), F1(po, ro), min_type_f1);
      type_floor_failed = true;
    }
    all.gold += t.gold, all.pred += t.pred, all.exact += t.exact, all.overlap += t.overlap, all.value_ok += t.value_ok;
  }
  double pe = all.pred ? double(all.exact) / all.pred : 0, re = all.gold ? double(all.exact) / all.gold : 0;
  double po = all.pred ? double(all.overlap) / all.pred : 0, ro = all.gold ? double(all.overlap) / all.gold : 0;
  std::printf("%-13s %5d %5d | %6.3f %6.3f %6.3f | %6.3f %6.3f %6.3f | %6.3f   (%zu documents)\n", "all", all.gold,
              all.pred, pe, re, F1(pe, re), po, ro, F1(po, ro), all.overlap ? double(all.value_ok) / all.overlap : 0,
              doc_order.size() - missing_docs);
  if (missing_docs > 0) return 1;
  if (min_f1 >= 0 && F1(po, ro) < min_f1) {
    std::printf("FAIL: overlap F1 %.3f is below %.3f\n", F1(po, ro), min_f1);
    return 1;
  }
  return type_floor_failed ? 1 : 0;
}

}  // namespace vnextract::cli
