// Documents through N worker threads with output in input order: a reader (the calling thread)
// hands documents to workers, an emitter writes their results in sequence. At most
// `max_in_flight` documents are read but not yet written, so memory stays bounded whatever the
// input size, and the output bytes are the same for every number of workers.
#ifndef VNEXTRACT_CLI_PIPELINE_H_
#define VNEXTRACT_CLI_PIPELINE_H_

#include <cstdint>
#include <functional>
#include <string>

#include "cli/documents.h"

namespace vnextract::cli {

// What one document gives: its output bytes, and its failure if any.
struct Result {
  std::string out;        // formatted records (or text), written as is
  uint64_t records = 0;   // how many records `out` holds
  bool failed = false;
  std::string where;      // for the message: "path" or "path:LINE"
  std::string doc;        // the document id
  uint64_t line = 0;
  std::string error;      // why it failed
  std::string note;       // one line for --verbose, or ""
  uint64_t bytes = 0;     // input bytes (for progress)
};

using Work = std::function<void(Document& doc, Result* result)>;  // runs on a worker thread
using Emit = std::function<void(Result& result)>;                 // runs in input order

// Runs every document of `reader` through `work` on `jobs` threads and `emit`s the results in
// input order.
void RunPipeline(DocumentReader& reader, int jobs, const Work& work, const Emit& emit);

}  // namespace vnextract::cli

#endif  // VNEXTRACT_CLI_PIPELINE_H_
