#include "unitwise/catalogue.h"

#include <algorithm>
#include <stdexcept>

#include "base/csv_reader.h"
#include "base/json_writer.h"
#include "reference/code_index.h"
#include "reference/embedded_files.h"
#include "unitwise/reference.h"
#include "unitwise/unitwise.h"

namespace unitwise {
namespace {

constexpr std::pair<const char*, CodeKind> kKinds[] = {
    {"treatment", CodeKind::Treatment}, {"modality", CodeKind::Modality}, {"evaluation", CodeKind::Evaluation},
    {"add-on", CodeKind::AddOn},        {"rtm", CodeKind::Rtm},           {"wound", CodeKind::Wound},
    {"group", CodeKind::Group}};

std::optional<Discipline> discipline_named(std::string_view s) {
  if (s == "PT") return Discipline::PT;
  if (s == "OT") return Discipline::OT;
  if (s == "SLP") return Discipline::SLP;
  return std::nullopt;
}

// The catalogue is our own file, checked by its test; a malformed row is a build defect, so it stops loudly.
std::vector<CodeInfo> load() {
  CsvReader csv(static_data("catalogue.csv"));
  std::vector<std::string> f;
  // header: code,descriptor,timed,unit_basis,disciplines,required_discipline,kind,primary_code,timed_source,source,
  // valid_from,valid_until,validity_source
  csv.next(f);
  std::vector<CodeInfo> out;
  while (csv.next(f)) {
    if (f.size() == 1 && f[0].empty()) continue;
    if (f.size() != 13) throw std::logic_error("catalogue.csv: a row without 13 fields");
    CodeInfo c;
    c.code = f[0];
    c.descriptor = f[1];
    c.timed = f[2] == "yes";
    c.unit_basis = f[3];
    for (std::size_t start = 0; start < f[4].size();) {
      const std::size_t end = std::min(f[4].find(' ', start), f[4].size());
      if (auto d = discipline_named(std::string_view(f[4]).substr(start, end - start))) c.disciplines.push_back(*d);
      start = end + 1;
    }
    c.required_discipline = discipline_named(f[5]);
    for (const auto& [name, kind] : kKinds) {
      if (f[6] == name) c.kind = kind;
    }
    c.primary_code = f[7];
    c.timed_source = f[8];
    c.source = f[9];
    auto date = [&](const std::string& text) {
      if (text.empty()) return 0;
      const std::optional<DateKey> d = parse_iso_date(text);
      if (!d) throw std::logic_error("catalogue.csv: a validity date is not YYYY-MM-DD");
      return *d;
    };
    c.valid_from = date(f[10]);
    c.valid_until = date(f[11]);
    c.validity_source = f[12];
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

const std::vector<CodeInfo>& catalogue() {
  static const std::vector<CodeInfo> codes = load();
  return codes;
}

const char* to_string(CodeKind kind) {
  for (const auto& [name, k] : kKinds) {
    if (k == kind) return name;
  }
  return "";
}

const CodeInfo* find_code(std::string_view code) {
  static const SortedIndex<CodeInfo> index(catalogue(), [](const CodeInfo& c) { return code_key(c.code); });
  const CodeInfo* info = index.find(code_key(code));
  return info != nullptr && info->code == code ? info : nullptr;
}

namespace {

// One typing slip: a, b differ by one substitution, one insertion or deletion, or one swap of neighbours.
bool one_slip(std::string_view a, std::string_view b) {
  if (a.size() == b.size()) {
    std::size_t first = a.size(), diffs = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (a[i] == b[i]) continue;
      if (diffs++ == 0) first = i;
    }
    if (diffs == 1) return true;
    return diffs == 2 && first + 1 < a.size() && a[first] == b[first + 1] && a[first + 1] == b[first];
  }
  if (a.size() + 1 == b.size()) std::swap(a, b);
  if (a.size() != b.size() + 1) return false;
  std::size_t i = 0;
  while (i < b.size() && a[i] == b[i]) ++i;
  return a.substr(i + 1) == b.substr(i);
}

}  // namespace

std::vector<const CodeInfo*> near_codes(std::string_view code, std::size_t limit) {
  std::vector<const CodeInfo*> out;
  if (code.empty() || code.size() > 8) return out;
  for (const CodeInfo& c : catalogue()) {
    if (out.size() == limit) break;
    if (c.code != code && one_slip(c.code, code)) out.push_back(&c);
  }
  return out;
}

const CodeInfo* nearest_code(std::string_view code) {
  const auto near = near_codes(code, 1);
  return near.empty() ? nullptr : near.front();
}

std::string catalogue_json() {
  JsonWriter w;
  w.begin_array();
  for (const CodeInfo& c : catalogue()) {
    w.begin_object();
    w.key("code").value(c.code);
    w.key("descriptor").value(c.descriptor);
    w.key("timed").value(c.timed);
    w.key("unitBasis").value(c.unit_basis);
    w.key("kind").value(to_string(c.kind));
    w.key("disciplines").begin_array();
    for (Discipline d : c.disciplines) w.value(to_string(d));
    w.end_array();
    w.key("discipline");  // the only plan it may be billed under; null when any of `disciplines`
    if (c.required_discipline) w.value(to_string(*c.required_discipline));
    else w.null();
    w.key("primaryCode");
    if (c.primary_code.empty()) w.null();
    else w.value(c.primary_code);
    w.key("timedSource").value(c.timed_source);
    w.key("source").value(c.source);
    char text[kIsoDateChars];
    w.key("validFrom");  // null: not known to start later than the data the engine has
    if (c.valid_from == 0) {
      w.null();
    } else {
      write_iso_date(text, c.valid_from);
      w.value(std::string_view(text, sizeof text));
    }
    w.key("validUntil");  // null: still valid
    if (c.valid_until == 0) {
      w.null();
    } else {
      write_iso_date(text, c.valid_until);
      w.value(std::string_view(text, sizeof text));
    }
    w.end_object();
  }
  w.end_array();
  return w.take();
}

}  // namespace unitwise
