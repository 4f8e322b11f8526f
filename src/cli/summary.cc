#include "cli/summary.h"

#include <algorithm>
#include <map>

namespace vnextract::cli {

std::string AddDecimals(const std::string& a, const std::string& b) {
  auto split = [](const std::string& s, std::string* i, std::string* f) {
    size_t dot = s.find('.');
    *i = s.substr(0, dot);
    *f = dot == std::string::npos ? "" : s.substr(dot + 1);
  };
  std::string ai, af, bi, bf;
  split(a, &ai, &af);
  split(b, &bi, &bf);
  size_t fl = std::max(af.size(), bf.size());
  af.resize(fl, '0');
  bf.resize(fl, '0');
  std::string x = ai + af, y = bi + bf;
  if (x.size() < y.size()) x.insert(0, y.size() - x.size(), '0');
  if (y.size() < x.size()) y.insert(0, x.size() - y.size(), '0');
  std::string sum(x.size(), '0');
  int carry = 0;
  for (size_t k = x.size(); k-- > 0;) {
    int d = (x[k] - '0') + (y[k] - '0') + carry;
    sum[k] = static_cast<char>('0' + d % 10);
    carry = d / 10;
  }
  if (carry) sum.insert(sum.begin(), '1');
  std::string ip = sum.substr(0, sum.size() - fl), fp = sum.substr(sum.size() - fl);
  while (ip.size() > 1 && ip[0] == '0') ip.erase(ip.begin());
  while (!fp.empty() && fp.back() == '0') fp.pop_back();
  if (ip.empty()) ip = "0";
  return fp.empty() ? ip : ip + "." + fp;
}

std::vector<std::string> SummaryColumns(const std::vector<std::string>& kept) {
  std::vector<std::string> cols = {"doc", "title", "date", "author", "records"};
  for (int t = 0; t < kBuiltinTypeCount; ++t) cols.push_back("n_" + std::string(RecordTypeName(static_cast<RecordType>(t))));
  cols.insert(cols.end(), {"money_vnd", "money_usd", "money_other"});
  cols.insert(cols.end(), kept.begin(), kept.end());
  return cols;
}

void FormatSummary(const Document& doc, const RecordBatch& records, const std::vector<std::string>& kept,
                   OutputFormat format, std::string* out) {
  std::vector<uint64_t> counts(kRecordTypeCount, 0);
  std::map<std::string, std::string> money;  // currency → total
  for (const Record& r : records) {
    ++counts[static_cast<size_t>(r.type)];
    if (r.type != RecordType::kMoney || r.value.empty() || r.unit.empty() || r.unit.find('/') != std::string::npos) continue;
    std::string& total = money[r.unit];
    total = AddDecimals(total.empty() ? "0" : total, r.value);
  }
  std::vector<std::string> values = {doc.id, doc.title, doc.date, doc.author, std::to_string(records.size())};
  std::vector<bool> numeric = {false, false, false, false, true};
  for (int t = 0; t < kBuiltinTypeCount; ++t) {  // user types count in `records` only
    values.push_back(std::to_string(counts[static_cast<size_t>(t)]));
    numeric.push_back(true);
  }
  std::string other;
  for (const auto& [currency, total] : money) {
    if (currency == "VND" || currency == "USD") continue;
    if (!other.empty()) other += "; ";
    other += currency + " " + total;
  }
  values.push_back(money.count("VND") ? money["VND"] : "0");
  values.push_back(money.count("USD") ? money["USD"] : "0");
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
