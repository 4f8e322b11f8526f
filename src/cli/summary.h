// --summary: one row per document instead of one per fact — id, title, date, author, the count
// of facts of each type, and the money totals — ready for a spreadsheet.
#ifndef VNEXTRACT_CLI_SUMMARY_H_
#define VNEXTRACT_CLI_SUMMARY_H_

#include <string>
#include <vector>

#include "cli/documents.h"
#include "vnextract/record.h"
#include "vnextract/writer.h"

namespace vnextract::cli {

// doc, title, date, author, records, n_money … n_period (one per type), money_vnd, money_usd,
// money_other, then the kept fields.
std::vector<std::string> SummaryColumns(const std::vector<std::string>& kept);

// One row. Money totals add the `value` of money records whose unit is a currency (rates such
// as VND/kg are prices, not amounts, and are left out; a range counts its low end), exactly;
// money_other lists other currencies as "EUR 20000; GBP 5".
void FormatSummary(const Document& doc, const RecordBatch& records, const std::vector<std::string>& kept,
                   OutputFormat format, std::string* out);

// Exact sum of two non-negative decimals written with '.' ("12.5" + "300" = "312.5").
std::string AddDecimals(const std::string& a, const std::string& b);

}  // namespace vnextract::cli

#endif  // VNEXTRACT_CLI_SUMMARY_H_
