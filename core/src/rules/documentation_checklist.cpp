// What the record must show for this visit: the treatment-note elements an auditor checks
// (BPM 100-02 ch.15 §220), then items for particular codes and lines. The texts and when each applies
// are data (core/data/checklist.csv); this file only decides which apply.
#include <algorithm>
#include <string>

#include "reference/csv_reader.h"
#include "reference/embedded_files.h"
#include "rules/rules.h"

namespace unitwise {
namespace {

struct ChecklistRow {
  std::string id;
  std::string when;  // visit, timed, codes, evaluation, unbilled-timed, assistant, kx
  std::vector<std::string> codes;
  std::string text;
  std::string source;
};

const std::vector<ChecklistRow>& rows() {
  static const std::vector<ChecklistRow> table = [] {
    std::vector<ChecklistRow> out;
    CsvReader csv(static_data("checklist.csv"));
    std::vector<std::string> f;
    csv.next(f);  // id,when,codes,text,source
    while (csv.next(f)) {
      if (f.size() != 5) continue;
      ChecklistRow row{f[0], f[1], {}, f[3], f[4]};
      for (std::size_t start = 0; start < f[2].size();) {
        const std::size_t end = std::min(f[2].find(' ', start), f[2].size());
        row.codes.push_back(f[2].substr(start, end - start));
        start = end + 1;
      }
      out.push_back(std::move(row));
    }
    return out;
  }();
  return table;
}

std::string filled(std::string text, std::string_view name, int value) {
  const std::size_t at = text.find(name);
  return at == std::string::npos ? text : text.replace(at, name.size(), std::to_string(value));
}

}  // namespace

std::vector<ChecklistItem> documentation_checklist(const ValidVisit& valid, const std::vector<Line>& lines) {
  const Visit& visit = valid.visit();
  int timed_minutes = 0;
  int all_minutes = 0;
  for (std::size_t i = 0; i < visit.services.size(); ++i) {
    all_minutes += visit.services[i].minutes;
    if (valid.code(i).timed) timed_minutes += visit.services[i].minutes;
  }
  // The codes of the lines a condition selects, once each, in line order.
  auto codes_where = [&](auto pred) {
    std::vector<std::string> out;
    for (const Line& l : lines) {
      if (pred(l) && std::find(out.begin(), out.end(), l.code) == out.end()) out.push_back(l.code);
    }
    return out;
  };
  auto billed = [](const Line& l) { return l.units > 0; };
  auto is_timed = [](const Line& l) { return find_code(l.code)->timed; };

  std::vector<ChecklistItem> out;
  for (const ChecklistRow& row : rows()) {
    std::vector<std::string> codes;
    if (row.when == "visit") {
      out.push_back({row.id, filled(filled(row.text, "{timed_minutes}", timed_minutes), "{all_minutes}", all_minutes),
                     {}, row.source});
      continue;
    }
    if (row.when == "timed") codes = codes_where(is_timed);
    if (row.when == "codes") {
      for (const std::string& code : row.codes) {
        if (std::any_of(lines.begin(), lines.end(), [&](const Line& l) { return l.code == code && billed(l); })) {
          codes.push_back(code);
        }
      }
    }
    if (row.when == "evaluation") codes = codes_where([&](const Line& l) { return billed(l) && find_code(l.code)->evaluation(); });
    if (row.when == "unbilled-timed") codes = codes_where([&](const Line& l) { return !billed(l) && is_timed(l); });
    if (row.when == "assistant") codes = codes_where([](const Line& l) { return l.assistant; });
    if (row.when == "kx") {
      codes = codes_where([](const Line& l) {
        return std::find(l.modifiers.begin(), l.modifiers.end(), "KX") != l.modifiers.end();
      });
    }
    if (!codes.empty()) out.push_back({row.id, row.text, std::move(codes), row.source});
  }
  return out;
}

}  // namespace unitwise
