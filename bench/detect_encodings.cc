// Measures encoding detection (and decoding) on a directory of files named NAME.TAG.txt, where
// TAG says the encoding the file is really in: utf8, utf16le, utf16be, cp1258, tcvn3, vni, viqr.
// bench/detect_encodings.sh makes such a directory from the Dân trí corpus.
//
//   detect_encodings DIR [--show-diffs=TAG]
//
// Prints, per TAG: files, how many were detected right, how many more were given an encoding
// that decodes them to the same text (an ASCII title is the same in all), the confusions, and
// how well the file
// decodes with its true encoding, compared with NAME.utf8.txt (the NFC original): the share of
// files decoded exactly and of words that differ. Characters the encoding cannot hold (written
// as '?' by the encoders) are counted as differences too.
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "decode/legacy.h"
#include "rules/lexicon.h"
#include "vnextract/input.h"
#include "vnextract/rules.h"

namespace {

using vnextract::Encoding;

std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Nfc(const std::string& s) {
  UErrorCode err = U_ZERO_ERROR;
  icu::UnicodeString u = icu::Normalizer2::getNFCInstance(err)->normalize(icu::UnicodeString::fromUTF8(s), err);
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep || (sep == ' ' && (c == '\t' || c == '\r'))) {
      if (sep != ' ' || !cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty() || sep != ' ') out.push_back(cur);
  return out;
}

// Words of `got` that differ from `want`, line by line; and the words of `want`. With `show`,
// prints each difference ("want → got") to stderr.
std::pair<size_t, size_t> WordDiff(const std::string& got, const std::string& want, bool show) {
  std::vector<std::string> gl = Split(got, '\n'), wl = Split(want, '\n');
  size_t diff = 0, total = 0;
  for (size_t i = 0; i < std::max(gl.size(), wl.size()); ++i) {
    std::vector<std::string> g = i < gl.size() ? Split(gl[i], ' ') : std::vector<std::string>{};
    std::vector<std::string> w = i < wl.size() ? Split(wl[i], ' ') : std::vector<std::string>{};
    total += w.size();
    if (g.size() != w.size()) {
      diff += std::max(g.size(), w.size());
      if (show) {
        std::fprintf(stderr, "line: %s\n   →  %s\n", i < wl.size() ? wl[i].c_str() : "",
                     i < gl.size() ? gl[i].c_str() : "");
      }
      continue;
    }
    for (size_t k = 0; k < w.size(); ++k) {
      if (g[k] == w[k]) continue;
      ++diff;
      if (show) {
        std::fprintf(stderr, "%s → %s\t(%s %s)\n", w[k].c_str(), g[k].c_str(), k ? w[k - 1].c_str() : "^",
                     k + 1 < w.size() ? w[k + 1].c_str() : "$");
      }
    }
  }
  return {diff, total};
}

struct Row {
  size_t files = 0, correct = 0, same_text = 0, exact = 0, words = 0, word_diffs = 0, errors = 0;
  std::map<std::string, size_t> confusions;
  std::string example;  // one wrong guess: file and reason
};

}  // namespace

int main(int argc, char** argv) {
  std::string show_tag;
  if (argc == 3 && std::string(argv[2]).rfind("--show-diffs=", 0) == 0) show_tag = std::string(argv[2]).substr(13);
  if (argc != 2 && show_tag.empty()) {
    std::fprintf(stderr, "usage: detect_encodings DIR [--show-diffs=TAG]\n");
    return 2;
  }
  const std::map<std::string, Encoding> tags = {
      {"utf8", Encoding::kUtf8},     {"utf16le", Encoding::kUtf16}, {"utf16be", Encoding::kUtf16},
      {"cp1258", Encoding::kWindows1258}, {"tcvn3", Encoding::kTcvn3}, {"vni", Encoding::kVni},
      {"viqr", Encoding::kViqr}};
  vnextract::Rules rules = vnextract::Rules::Builtin();
  const vnextract::internal::LegacyTables& tables = *rules.lexicons().legacy;
  std::map<std::string, Row> rows;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(argv[1])) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::map<std::string, std::string> reference;  // NAME → NFC text
  for (const auto& p : files) {
    std::string file = p.filename().string();
    if (file.size() > 9 && file.ends_with(".utf8.txt")) reference[file.substr(0, file.size() - 9)] = Nfc(ReadFile(p));
  }
  for (const auto& p : files) {
    std::string file = p.filename().string();
    if (!file.ends_with(".txt")) continue;
    std::string stem = file.substr(0, file.size() - 4);
    size_t dot = stem.rfind('.');
    if (dot == std::string::npos || !tags.count(stem.substr(dot + 1))) continue;
    std::string tag = stem.substr(dot + 1), name = stem.substr(0, dot);
    Encoding truth = tags.at(tag);
    std::string bytes = ReadFile(p);
    std::string why;
    Encoding got = vnextract::internal::DetectEncoding(bytes, tables, &why);
    Row& row = rows[tag];
    ++row.files;
    if (got == truth) {
      ++row.correct;
    } else {
      ++row.confusions[std::string(vnextract::EncodingName(got))];
      if (row.example.empty()) row.example = file + ": " + why;
    }
    std::string text;
    vnextract::Status s = vnextract::internal::ConvertToUtf8(bytes, truth, tables, &text);
    if (!s.ok()) {
      ++row.errors;
      continue;
    }
    if (got != truth) {
      std::string other;
      bool ok = vnextract::internal::ConvertToUtf8(bytes, got, tables, &other).ok();
      if (ok && Nfc(other) == Nfc(text)) ++row.same_text;
    }
    auto ref = reference.find(name);
    if (ref == reference.end()) continue;
    std::string decoded = Nfc(text);
    row.exact += decoded == ref->second;
    auto [diff, total] = WordDiff(decoded, ref->second, tag == show_tag);
    row.word_diffs += diff;
    row.words += total;
  }
  std::printf("%-8s %6s %8s %9s %9s  %-28s %9s %11s\n", "encoding", "files", "detected", "accuracy", "+same txt",
              "confused with", "exact", "words diff");
  for (const char* tag : {"utf8", "utf16le", "utf16be", "cp1258", "tcvn3", "vni", "viqr"}) {
    auto it = rows.find(tag);
    if (it == rows.end()) continue;
    const Row& r = it->second;
    std::string conf;
    for (const auto& [enc, n] : r.confusions) conf += (conf.empty() ? "" : ", ") + enc + " " + std::to_string(n);
    if (conf.empty()) conf = "-";
    std::printf("%-8s %6zu %8zu %8.2f%% %8.2f%%  %-28s %8.2f%% %10.4f%%%s\n", tag, r.files, r.correct,
                100.0 * static_cast<double>(r.correct) / static_cast<double>(r.files),
                100.0 * static_cast<double>(r.correct + r.same_text) / static_cast<double>(r.files), conf.c_str(),
                r.files ? 100.0 * static_cast<double>(r.exact) / static_cast<double>(r.files) : 0.0,
                r.words ? 100.0 * static_cast<double>(r.word_diffs) / static_cast<double>(r.words) : 0.0,
                r.errors ? (" (" + std::to_string(r.errors) + " decode errors)").c_str() : "");
  }
  for (const auto& [tag, r] : rows) {
    if (!r.example.empty()) std::printf("wrong guess (%s): %s\n", tag.c_str(), r.example.c_str());
  }
  return 0;
}
