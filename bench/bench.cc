// vnextract_bench: throughput and peak memory of the full extraction (all types, JSON Lines
// written to a discarding stream), single-threaded, over a folder of articles.
//
//   vnextract_bench [DIR] [--repeat N]     (DIR default: ../shared/corpus/dantri)
//
// Reads every *.txt once into memory (reading is not timed), then extracts and writes each
// document N times (default 3) and reports the best pass: MB/s, documents/s, records, and the
// process's peak resident memory (VmHWM). Exit 77 (skip) when DIR is absent.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "vnextract/extractor.h"
#include "vnextract/writer.h"

namespace fs = std::filesystem;

namespace {

long PeakRssKb() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

// Discards output, through a buffer as a file stream would.
class NullBuf : public std::streambuf {
 public:
  NullBuf() { setp(buf_, buf_ + sizeof buf_); }

 protected:
  int overflow(int c) override {
    setp(buf_, buf_ + sizeof buf_);
    return c;
  }

 private:
  char buf_[1 << 16];
};

}  // namespace

int main(int argc, char** argv) {
  std::string dir = "../shared/corpus/dantri";
  int repeat = 3;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--repeat" && i + 1 < argc) repeat = std::max(1, std::atoi(argv[++i]));
    else dir = a;
  }
  if (!fs::is_directory(dir)) {
    std::cout << "SKIP: " << dir << " is absent\n";
    return 77;
  }
  std::vector<fs::path> paths;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".txt") paths.push_back(e.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> docs;
  size_t bytes = 0;
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    docs.emplace_back((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    bytes += docs.back().size();
  }
  long rss_before = PeakRssKb();
  vnextract::Extractor ex(vnextract::Rules::Builtin());
  NullBuf nb;
  std::ostream null(&nb);
  double best = 1e100;
  size_t records = 0;
  for (int pass = 0; pass < repeat; ++pass) {
    vnextract::RecordWriter w(null, vnextract::OutputFormat::kJsonLines, {});
    w.Begin();
    records = 0;
    std::vector<vnextract::Record> out;
    auto t0 = std::chrono::steady_clock::now();
    for (size_t i = 0; i < docs.size(); ++i) {
      out.clear();
      if (!ex.Extract(docs[i], paths[i].filename().string(), {}, &out).ok()) {
        std::cerr << paths[i] << ": failed\n";
        continue;
      }
      for (const auto& r : out) w.Write(r);
      records += out.size();
    }
    w.End();
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    best = std::min(best, s);
  }
  double mb = bytes / 1e6;
  std::printf("corpus      %s\n", dir.c_str());
  std::printf("documents   %zu (%.2f MB)\n", docs.size(), mb);
  std::printf("records     %zu\n", records);
  std::printf("time        %.3f s (best of %d, one thread)\n", best, repeat);
  std::printf("throughput  %.1f MB/s, %.0f documents/s\n", mb / best, docs.size() / best);
  std::printf("peak RSS    %ld kB (corpus held in memory: %.0f kB; before extraction: %ld kB)\n", PeakRssKb(),
              bytes / 1024.0, rss_before);
  return 0;
}
