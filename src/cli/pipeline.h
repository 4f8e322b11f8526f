// Documents through N worker threads with output in input order: a reader (the calling thread)
// hands documents to workers, an emitter writes their results in sequence. At most
// `max_in_flight` documents are read but not yet written, so memory stays bounded whatever the
// input size, and the output bytes are the same for every number of workers.
#ifndef VNEXTRACT_CLI_PIPELINE_H_
#define VNEXTRACT_CLI_PIPELINE_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/documents.h"
#include "vnextract/record.h"
#include "vnextract/rules.h"
#include "vnextract/writer.h"

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
  // A document in parts gives one result per part: the last one (or the one that failed) ends
  // the document; the parts after a failed one are dropped.
  bool document_end = true;
  bool dropped = false;
};

using Work = std::function<void(Document& doc, Result* result)>;  // runs on a worker thread
// Runs in input order; false stops the run (the output cannot be written): no more documents
// are read, and the results of those in flight are dropped.
using Emit = std::function<bool(Result& result)>;

// Runs every document of `reader` through `work` on `jobs` threads and `emit`s the results in
// input order. Work on the parts of one document may wait for the parts before it (see
// PartChain): they are handed out in order, so the first unfinished part never waits.
void RunPipeline(DocumentReader& reader, int jobs, const Work& work, const Emit& emit);

// Documents in parts (documents.h): what makes the records of the parts those of the whole.

// How many sentences Extract numbers in `text`.
uint64_t CountSentences(const Rules& rules, std::string_view text);

// Drops the records of a part that touch a cut made inside a word (when the part size held no
// blank in its second half): they are fragments of a word or a number ("7777 người" from the end
// of a run of digits).
void DropCutRecords(const Document& part, RecordBatch* records);

// In the part's turn (PartChain::WaitTurn): moves the records of a part to the numbering of the
// whole document — offsets from its start, sentences from its first, entity ids (P1, O1, L1) after
// those of the parts before — and leaves the bases for the next part in its chain.
void Renumber(const Document& part, uint64_t sentences, RecordBatch* records);
void RenumberTokens(const Document& part, uint64_t sentences, std::vector<TokenInfo>* tokens);

// --summary of a document in parts: the records of each part (in its turn), then the row (in the
// last part's turn), as FormatSummary writes it for a whole document.
void AddToSummary(const RecordBatch& records, PartChain* chain);
void FormatChainSummary(const Document& doc, const PartChain& chain, const std::vector<std::string>& kept,
                        OutputFormat format, std::string* out);

}  // namespace vnextract::cli

#endif  // VNEXTRACT_CLI_PIPELINE_H_
