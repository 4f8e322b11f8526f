#include "cli/pipeline.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "cli/summary.h"
#include "normalize/normalizer.h"
#include "rules/lexicon.h"
#include "segment/sentences.h"

namespace vnextract::cli {

void RunPipeline(DocumentReader& reader, int jobs, const Work& work, const Emit& emit) {
  if (jobs <= 1) {
    Document doc;
    while (reader.Next(&doc)) {
      Result r;
      work(doc, &r);
      if (!emit(r)) return;
    }
    return;
  }
  // In flight (read, not yet written): up to 16 documents per job, and up to 4 parts' worth of
  // text per job (512 KiB), so that the records of long documents' parts waiting for their turn
  // stay within the memory budget (documents.h: PartBytes).
  const size_t max_in_flight = static_cast<size_t>(jobs) * 16;
  const size_t max_bytes_in_flight = static_cast<size_t>(jobs) * 4 * PartBytes();
  std::deque<size_t> sizes;  // text bytes of each document in flight, in input order
  size_t bytes_in_flight = 0;
  std::mutex mu;
  std::condition_variable work_ready, result_ready, slot_free;
  std::deque<std::pair<uint64_t, Document>> queue;
  std::map<uint64_t, Result> done;
  bool reading_done = false;
  bool stopped = false;   // emit said stop
  uint64_t read = 0;      // documents handed out
  uint64_t written = 0;   // documents emitted (or dropped after a stop)

  std::vector<std::thread> workers;
  for (int w = 0; w < jobs; ++w) {
    workers.emplace_back([&] {
      // Documents are taken a few at a time (a fair share of the queue, at most 8) and their
      // results handed over together: a news article takes ~0.1 ms, and waking threads for each
      // one cost a fifth of the CPU time with --jobs 2. Within a batch documents go in order,
      // so a part still only waits for parts handed out before it.
      std::vector<std::pair<uint64_t, Document>> batch;
      std::vector<std::pair<uint64_t, Result>> results;
      while (true) {
        batch.clear();
        {
          std::unique_lock<std::mutex> lock(mu);
          work_ready.wait(lock, [&] { return !queue.empty() || reading_done; });
          if (queue.empty()) return;
          size_t take = std::min<size_t>(8, std::max<size_t>(1, queue.size() / static_cast<size_t>(jobs)));
          for (size_t k = 0; k < take; ++k) {
            batch.push_back(std::move(queue.front()));
            queue.pop_front();
          }
        }
        results.clear();
        for (auto& job : batch) {
          Result r;
          work(job.second, &r);
          results.emplace_back(job.first, std::move(r));
        }
        bool next = false;  // the emitter waits for one of these: wake it (other wake-ups are wasted)
        {
          std::lock_guard<std::mutex> lock(mu);
          for (auto& [seq, r] : results) {
            next = next || seq == written || stopped;
            if (!stopped) done.emplace(seq, std::move(r));
          }
        }
        if (next) result_ready.notify_one();
      }
    });
  }
  // The emitter writes results in sequence as they arrive.
  std::thread emitter([&] {
    while (true) {
      Result r;
      {
        std::unique_lock<std::mutex> lock(mu);
        result_ready.wait(lock, [&] { return done.count(written) > 0 || (reading_done && written == read); });
        if (done.count(written) == 0) return;  // all read documents written
        auto it = done.find(written);
        r = std::move(it->second);
        done.erase(it);
      }
      bool go_on = emit(r);
      {
        std::lock_guard<std::mutex> lock(mu);
        ++written;
        bytes_in_flight -= sizes.front();
        sizes.pop_front();
        if (!go_on) {
          // Stop: nothing more is read; documents not yet started are dropped (no work waits
          // for them: a part waits only for the parts before it, which were handed out first).
          stopped = true;
          queue.clear();
          done.clear();
        }
      }
      slot_free.notify_one();
      if (!go_on) return;
    }
  });
  Document doc;
  while (reader.Next(&doc)) {
    std::unique_lock<std::mutex> lock(mu);
    slot_free.wait(lock, [&] {
      return (read - written < max_in_flight && (bytes_in_flight < max_bytes_in_flight || read == written)) || stopped;
    });
    if (stopped) break;
    sizes.push_back(doc.text.size());
    bytes_in_flight += doc.text.size();
    queue.emplace_back(read++, std::move(doc));
    lock.unlock();
    work_ready.notify_one();
    doc = Document();
  }
  {
    std::lock_guard<std::mutex> lock(mu);
    reading_done = true;
  }
  work_ready.notify_all();
  result_ready.notify_all();
  for (std::thread& t : workers) t.join();
  result_ready.notify_all();
  emitter.join();
}

namespace {

uint64_t CodePoints(std::string_view s) {
  uint64_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

}  // namespace

uint64_t CountSentences(const Rules& rules, std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  internal::NormalizedText norm;
  internal::Normalize(text, &norm);
  std::vector<internal::Span> spans;
  rules.lexicons().segmenter->Split(norm.norm, &spans);
  return spans.size();
}

namespace {

// "P12" → ("P", 12); false for anything else.
bool SplitId(const std::string& id, std::string* prefix, uint64_t* n) {
  size_t k = 0;
  while (k < id.size() && ((id[k] >= 'A' && id[k] <= 'Z') || (id[k] >= 'a' && id[k] <= 'z'))) ++k;
  if (k == 0 || k == id.size() || id.size() - k > 18) return false;
  uint64_t v = 0;
  for (size_t i = k; i < id.size(); ++i) {
    if (id[i] < '0' || id[i] > '9') return false;
    v = v * 10 + static_cast<uint64_t>(id[i] - '0');
  }
  *prefix = id.substr(0, k);
  *n = v;
  return true;
}

}  // namespace

void DropCutRecords(const Document& part, RecordBatch* records) {
  bool cut_before = part.part > 0 && part.cut == 0, cut_after = !part.last_part && part.cut_after == 0;
  if (!cut_before && !cut_after) return;
  // Offsets from Extract count from after a leading byte-order mark.
  uint64_t length = CodePoints(part.text) - (part.text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 1 : 0);
  records->RemoveIf([&](const Record& r) { return (cut_before && r.start == 0) || (cut_after && r.end == length); });
}

void Renumber(const Document& part, uint64_t sentences, RecordBatch* records) {
  PartChain& chain = *part.chain;
  std::map<std::string, uint64_t> highest;  // in this part, by prefix
  std::string prefix;
  uint64_t n = 0;
  for (Record& r : *records) {
    r.start += part.cp_base;
    r.end += part.cp_base;
    r.sentence = static_cast<uint32_t>(r.sentence + chain.sentences);
    if (!r.canonical.empty() && SplitId(r.canonical, &prefix, &n)) {
      uint64_t& h = highest[prefix];
      if (n > h) h = n;
      r.canonical = prefix + std::to_string(chain.ids[prefix] + n);
    }
  }
  for (const auto& [p, h] : highest) chain.ids[p] += h;
  chain.sentences += sentences;
}

void RenumberTokens(const Document& part, uint64_t sentences, std::vector<TokenInfo>* tokens) {
  PartChain& chain = *part.chain;
  for (TokenInfo& t : *tokens) {
    t.start += part.cp_base;
    t.end += part.cp_base;
    t.sentence = static_cast<uint32_t>(t.sentence + chain.sentences);
  }
  chain.sentences += sentences;
}

void AddToSummary(const RecordBatch& records, PartChain* chain) {
  if (chain->counts.empty()) chain->counts.assign(kRecordTypeCount, 0);
  for (const Record& r : records) {
    ++chain->counts[static_cast<size_t>(r.type)];
    if (r.type != RecordType::kMoney || r.value.empty() || r.unit.empty() || r.unit.find('/') != std::string::npos) continue;
    std::string& total = chain->money[r.unit];
    total = AddDecimals(total.empty() ? "0" : total, r.value);
  }
  chain->records += records.size();
}

void FormatChainSummary(const Document& doc, const PartChain& chain, const std::vector<std::string>& kept,
                        OutputFormat format, std::string* out) {
  // The row FormatSummary (summary.cc) writes, from counts instead of records.
  std::vector<std::string> values = {doc.id, doc.title, doc.date, doc.author, std::to_string(chain.records)};
  std::vector<bool> numeric = {false, false, false, false, true};
  for (int t = 0; t < kBuiltinTypeCount; ++t) {
    values.push_back(std::to_string(chain.counts.empty() ? 0 : chain.counts[static_cast<size_t>(t)]));
    numeric.push_back(true);
  }
  std::string other;
  for (const auto& [currency, total] : chain.money) {
    if (currency == "VND" || currency == "USD") continue;
    if (!other.empty()) other += "; ";
    other += currency + " " + total;
  }
  auto total_of = [&](const char* c) {
    auto it = chain.money.find(c);
    return it == chain.money.end() ? std::string("0") : it->second;
  };
  values.push_back(total_of("VND"));
  values.push_back(total_of("USD"));
  values.push_back(other);
  numeric.insert(numeric.end(), {true, true, false});
  for (const std::string& k : kept) {
    std::string v;
    for (const auto& [name, value] : doc.fields) {
      if (name == k) v = value;
    }
    values.push_back(v);
    numeric.push_back(false);
  }
  FormatRow(format, SummaryColumns(kept), values, numeric, out);
}

}  // namespace vnextract::cli
