// What the record must show for this visit: the treatment-note elements an auditor checks
// (BPM 100-02 ch.15 §220), then items for particular codes and lines. The texts and when each applies
// are data (core/data/checklist.csv); this file only decides which apply.
#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "base/csv_reader.h"
#include "reference/embedded_files.h"
#include "rules/rules.h"

namespace unitwise {
namespace {

enum class When { Visit, Timed, Codes, Evaluation, UnbilledTimed, Assistant, Kx };

struct ChecklistRow {
  std::string id;
  When when = When::Visit;
  std::vector<std::string> codes;
  std::string text;
  std::string source;
  bool fills = false;  // text holds "{timed_minutes}" or "{all_minutes}"
};

// The table's "when" column; nullopt for a value this file does not know (the row is left out).
std::optional<When> when_of(std::string_view name) {
  constexpr std::pair<std::string_view, When> kNames[] = {{"visit", When::Visit},
                                                          {"timed", When::Timed},
                                                          {"codes", When::Codes},
                                                          {"evaluation", When::Evaluation},
                                                          {"unbilled-timed", When::UnbilledTimed},
                                                          {"assistant", When::Assistant},
                                                          {"kx", When::Kx}};
  for (const auto& [text, when] : kNames) {
    if (text == name) return when;
  }
  return std::nullopt;
}

const std::vector<ChecklistRow>& rows() {
  static const std::vector<ChecklistRow> table = [] {
    std::vector<ChecklistRow> out;
    CsvReader csv(static_data("checklist.csv"));
    std::vector<std::string> f;
    csv.next(f);  // id,when,codes,text,source
    while (csv.next(f)) {
      const std::optional<When> when = f.size() == 5 ? when_of(f[1]) : std::nullopt;
      if (!when) continue;
      ChecklistRow row{f[0], *when, {}, f[3], f[4], f[3].find('{') != std::string::npos};
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

void fill(std::string& text, std::string_view name, int value) {
  const std::size_t at = text.find(name);
  if (at != std::string::npos) text.replace(at, name.size(), std::to_string(value));
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
  auto is_timed = [](const Line& l) { return l.info->timed; };

  std::vector<ChecklistItem> out;
  out.reserve(rows().size());
  for (const ChecklistRow& row : rows()) {
    std::vector<std::string> codes;
    switch (row.when) {
      case When::Visit:
        out.push_back({row.id, row.text, {}, row.source, timed_minutes, all_minutes, row.fills});
        continue;
      case When::Timed: codes = codes_where(is_timed); break;
      case When::Codes:
        for (const std::string& code : row.codes) {
          if (std::any_of(lines.begin(), lines.end(), [&](const Line& l) { return l.code == code && billed(l); })) {
            codes.push_back(code);
          }
        }
        break;
      case When::Evaluation:
        codes = codes_where([&](const Line& l) { return billed(l) && l.info->evaluation(); });
        break;
      case When::UnbilledTimed: codes = codes_where([&](const Line& l) { return !billed(l) && is_timed(l); }); break;
      case When::Assistant: codes = codes_where([](const Line& l) { return l.assistant; }); break;
      case When::Kx:
        codes = codes_where(
            [](const Line& l) { return std::find(l.modifiers.begin(), l.modifiers.end(), "KX") != l.modifiers.end(); });
        break;
    }
    if (!codes.empty())
      out.push_back({row.id, row.text, std::move(codes), row.source, timed_minutes, all_minutes, row.fills});
  }
  return out;
}

std::string checklist_text(const ChecklistItem& item) {
  std::string text(item.text);
  fill(text, "{timed_minutes}", item.timed_minutes);
  fill(text, "{all_minutes}", item.all_minutes);
  return text;
}

}  // namespace unitwise
