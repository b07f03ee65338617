#include "code_catalogue.h"

#include <vector>

#include "code_index.h"

#include "json_writer.h"
#include "unitwise/unitwise.h"

namespace unitwise {
namespace {

bool in_range(std::string_view code, std::string_view first, std::string_view last) {
  return code.size() == first.size() && code >= first && code <= last;
}

// Discipline-specific codes carry their own plan's modifier whoever bills them
// (MCPM 100-04 ch.5 §20.1 via findacode summary; rules.md §4 G4.4).
std::optional<Discipline> required_discipline(std::string_view code) {
  if (in_range(code, "97161", "97164")) return Discipline::PT;  // PT evaluations and re-evaluation
  if (in_range(code, "97165", "97168")) return Discipline::OT;  // OT evaluations and re-evaluation
  if (code == "92507" || code == "92508" || in_range(code, "92521", "92524")) {
    return Discipline::SLP;  // speech-language treatment and evaluations (ASHA)
  }
  return std::nullopt;
}

bool is_evaluation(std::string_view code) {
  return in_range(code, "97161", "97168") || in_range(code, "92521", "92524") || code == "92610";
}

}  // namespace

std::optional<CodeInfo> find_code(std::string_view code) {
  // Built once: the sorted index, and each row's derived facts at the row's position in the table.
  static const SortedIndex<ref::CodeRow> index(ref::codes(), [](const ref::CodeRow& r) { return code_key(r.code); });
  static const std::vector<CodeInfo> infos = [] {
    std::vector<CodeInfo> out;
    for (const auto& row : ref::codes()) out.push_back({&row, required_discipline(row.code), is_evaluation(row.code)});
    return out;
  }();
  const ref::CodeRow* row = index.find(code_key(code));  // the key holds every character of a code
  if (row == nullptr) return std::nullopt;
  return infos[static_cast<std::size_t>(row - ref::codes().begin())];
}

}  // namespace unitwise

namespace unitwise {

std::string catalogue_json() {
  std::string out;
  JsonWriter w(out);
  w.begin_array();
  for (const auto& row : ref::codes()) {
    const CodeInfo info = *find_code(row.code);
    w.begin_object();
    w.key("code").value(row.code);
    w.key("descriptor").value(row.descriptor);
    w.key("timed").value(row.timed);
    w.key("unitBasis").value(row.unit_basis);
    w.key("discipline");
    if (info.required_discipline) w.value(to_string(*info.required_discipline));
    else w.null();
    w.end_object();
  }
  w.end_array();
  return out;
}

}  // namespace unitwise
