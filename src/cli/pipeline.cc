#include "cli/pipeline.h"

#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace vnextract::cli {

void RunPipeline(DocumentReader& reader, int jobs, const Work& work, const Emit& emit) {
  if (jobs <= 1) {
    Document doc;
    while (reader.Next(&doc)) {
      Result r;
      work(doc, &r);
      emit(r);
    }
    return;
  }
  const size_t max_in_flight = static_cast<size_t>(jobs) * 4;
  std::mutex mu;
  std::condition_variable work_ready, result_ready, slot_free;
  std::deque<std::pair<uint64_t, Document>> queue;
  std::map<uint64_t, Result> done;
  bool reading_done = false;
  uint64_t read = 0;      // documents handed out
  uint64_t written = 0;   // documents emitted

  std::vector<std::thread> workers;
  for (int w = 0; w < jobs; ++w) {
    workers.emplace_back([&] {
      while (true) {
        std::pair<uint64_t, Document> job;
        {
          std::unique_lock<std::mutex> lock(mu);
          work_ready.wait(lock, [&] { return !queue.empty() || reading_done; });
          if (queue.empty()) return;
          job = std::move(queue.front());
          queue.pop_front();
        }
        Result r;
        work(job.second, &r);
        {
          std::lock_guard<std::mutex> lock(mu);
          done.emplace(job.first, std::move(r));
        }
        result_ready.notify_one();
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
      emit(r);
      {
        std::lock_guard<std::mutex> lock(mu);
        ++written;
      }
      slot_free.notify_one();
      result_ready.notify_one();
    }
  });
  Document doc;
  while (reader.Next(&doc)) {
    std::unique_lock<std::mutex> lock(mu);
    slot_free.wait(lock, [&] { return read - written < max_in_flight; });
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

}  // namespace vnextract::cli
