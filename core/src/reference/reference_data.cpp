// The engine's reference data: packs layered in order, tables kept in effective-date order, rows sorted
// for binary search.
#include <algorithm>
#include <map>
#include <stdexcept>

#include "base/key_order.h"
#include "reference/code_index.h"
#include "reference/embedded_files.h"
#include "unitwise/reference.h"

namespace unitwise {
namespace {

// Rows get their integer keys, then are sorted by them (code_key keeps the codes' string order).
template <class Row, class SetKey, class Key>
void key_and_sort_rows(std::vector<Table<Row>>& tables, SetKey set_key, Key key) {
  for (auto& t : tables) {
    for (Row& r : t.rows) set_key(r);
    sort_by_key(t.rows, key);
  }
}

// Tables stay in effective-date order; a new one goes after those of the same date (packs layer in order).
// A pack brings a few tables of each kind, so inserting in place is cheaper in code than a sort.
template <class Row>
void append(std::vector<Table<Row>>& to, std::vector<Table<Row>>& from) {
  for (auto& t : from) {
    auto at = to.end();
    while (at != to.begin() && (at - 1)->release.effective > t.release.effective) --at;
    to.insert(at, std::move(t));
  }
}

template <class Row, class Key>
const Row* find_sorted(const std::vector<Row>& rows, std::string_view key, Key key_of) {
  auto it =
      std::lower_bound(rows.begin(), rows.end(), key, [&](const Row& r, std::string_view k) { return key_of(r) < k; });
  return it != rows.end() && key_of(*it) == key ? &*it : nullptr;
}

template <class Row>
const Row* find_keyed(const std::vector<Row>& rows, std::uint64_t key) {
  auto it = std::lower_bound(rows.begin(), rows.end(), key, [](const Row& r, std::uint64_t k) { return r.key < k; });
  return it != rows.end() && it->key == key ? &*it : nullptr;
}

}  // namespace

void ReferenceData::add(Pack pack) {
  TableSet& t = pack.tables;
  auto code_keyed = [](auto& r) { r.key = code_key(r.code); };
  auto by_key = [](const auto& r) { return r.key; };
  key_and_sort_rows(t.rvu, code_keyed, by_key);
  // GPCI ids ("13202-01": up to 5 + 1 + 2 characters) fit code_key, which keeps their string order.
  key_and_sort_rows(
      t.gpci, [](GpciRow&) {}, [](const GpciRow& r) { return code_key(r.id); });
  key_and_sort_rows(t.mue, code_keyed, by_key);
  key_and_sort_rows(
      t.ncci,
      [](NcciRow& r) {
        r.key1 = code_key(r.column1);
        r.key2 = code_key(r.column2);
      },
      // Both columns are 5-character codes (read_pack checks), so one exact 64-bit key orders the pair.
      [](const NcciRow& r) { return code_pair_key(r.column1, r.column2); });
  key_and_sort_rows(t.telehealth_code, code_keyed, by_key);
  append(tables_.rvu, t.rvu);
  append(tables_.conversion_factor, t.conversion_factor);
  append(tables_.gpci, t.gpci);
  append(tables_.locality, t.locality);
  append(tables_.mue, t.mue);
  append(tables_.ncci, t.ncci);
  append(tables_.threshold, t.threshold);
  append(tables_.telehealth_code, t.telehealth_code);
  append(tables_.telehealth_period, t.telehealth_period);
  packs_.push_back(std::move(pack.name));
}

// The packs compiled into the engine are our own build's output, checked by the suites: one that
// does not read is a build defect, so it stops loudly rather than run on partial data.
const ReferenceData& ReferenceData::builtin() {
  static const ReferenceData data = [] {
    std::map<std::string_view, std::vector<PackFile>> packs;
    std::vector<std::string_view> order;
    for (const EmbeddedFile& f : builtin_pack_files()) {
      if (f.pack.empty()) continue;
      if (packs.find(f.pack) == packs.end()) order.push_back(f.pack);
      packs[f.pack].push_back({std::string(f.name), std::string(f.text)});
    }
    ReferenceData out;
    for (std::string_view name : order) {
      PackRead read = read_pack(packs[name]);
      if (!read.value)
        throw std::logic_error("built-in pack " + std::string(name) + ": " + to_string(read.errors.front()));
      out.add(std::move(*read.value));
    }
    return out;
  }();
  return data;
}

LoadedData ReferenceData::with_packs(const ReferenceData& base, const std::vector<std::vector<PackFile>>& packs) {
  LoadedData out;
  ReferenceData data = base;
  for (const auto& files : packs) {
    PackRead read = read_pack(files);
    if (!read.value) {
      out.errors = std::move(read.errors);
      return out;
    }
    data.add(std::move(*read.value));
  }
  out.value = std::move(data);
  return out;
}

const RvuRow* find_rvu(const Table<RvuRow>& table, std::string_view code) {
  return find_keyed(table.rows, code_key(code));
}

const MueRow* find_mue(const Table<MueRow>& table, std::string_view code) {
  return find_keyed(table.rows, code_key(code));
}

const TelehealthCodeRow* find_telehealth_code(const Table<TelehealthCodeRow>& table, std::string_view code) {
  return find_keyed(table.rows, code_key(code));
}

const GpciRow* find_gpci(const Table<GpciRow>& table, std::string_view id) {
  return find_sorted(table.rows, id, [](const GpciRow& r) -> std::string_view { return r.id; });
}

NcciRows find_ncci(const Table<NcciRow>& table, std::string_view column1, std::string_view column2) {
  const auto key = std::make_pair(code_key(column1), code_key(column2));
  const NcciRow* rows = table.rows.data();
  const NcciRow* end = rows + table.rows.size();
  const NcciRow* lo = std::lower_bound(
      rows, end, key, [](const NcciRow& r, const auto& k) { return std::make_pair(r.key1, r.key2) < k; });
  const NcciRow* hi = lo;
  while (hi != end && hi->key1 == key.first && hi->key2 == key.second) ++hi;
  return {lo, hi};
}

NcciRows find_ncci_column1(const Table<NcciRow>& table, std::string_view column1) {
  const std::uint64_t key = code_key(column1);
  const NcciRow* rows = table.rows.data();
  const NcciRow* end = rows + table.rows.size();
  const NcciRow* lo = std::lower_bound(rows, end, key, [](const NcciRow& r, std::uint64_t k) { return r.key1 < k; });
  const NcciRow* hi = std::upper_bound(lo, end, key, [](std::uint64_t k, const NcciRow& r) { return k < r.key1; });
  return {lo, hi};
}

NcciRows find_ncci(NcciRows column1_rows, std::string_view column2) {
  const std::uint64_t key = code_key(column2);
  const NcciRow* lo = std::lower_bound(column1_rows.first, column1_rows.last, key,
                                       [](const NcciRow& r, std::uint64_t k) { return r.key2 < k; });
  const NcciRow* hi = lo;
  while (hi != column1_rows.last && hi->key2 == key) ++hi;
  return {lo, hi};
}

std::optional<ConversionFactorInForce> conversion_factor(const TableSet& tables, DateKey date, bool qualifying_apm) {
  // The non-QP factor: the latest table on or before the date that has one (else the earliest that has one).
  const Table<ConversionFactorRow>* base = nullptr;
  const Table<ConversionFactorRow>* earliest = nullptr;
  const ConversionFactorRow* base_row = nullptr;
  for (const auto& t : tables.conversion_factor) {
    for (const auto& row : t.rows) {
      if (row.qualifying_apm) continue;
      if (earliest == nullptr) earliest = &t;
      if (t.release.effective <= date) {
        base = &t;
        base_row = &row;
      }
    }
  }
  bool nearest = false;
  if (base == nullptr) {
    if (earliest == nullptr) return std::nullopt;
    base = earliest;
    nearest = true;
    for (const auto& row : base->rows) {
      if (!row.qualifying_apm) base_row = &row;
    }
  }
  nearest = nearest || (base->release.year != 0 && base->release.year != year_of(date));
  ConversionFactorInForce out{base_row->value, &base->release, nearest};
  if (!qualifying_apm) return out;
  for (const auto& t : tables.conversion_factor) {  // the QP factor of the base's year, latest on or before the date
    if (t.release.year != base->release.year || (t.release.effective > date && !nearest)) continue;
    for (const auto& row : t.rows) {
      if (row.qualifying_apm) out = {row.value, &t.release, nearest};
    }
  }
  return out;
}

std::optional<ThresholdInForce> threshold(const TableSet& tables, DateKey date, ThresholdKind kind) {
  std::optional<ThresholdInForce> before, first;
  for (const auto& t : tables.threshold) {
    for (const auto& row : t.rows) {
      if (row.kind != kind) continue;
      if (!first) first = ThresholdInForce{row.amount, &t.release, true};
      if (t.release.effective <= date) before = ThresholdInForce{row.amount, &t.release, false};
    }
  }
  if (!before) return first;
  before->nearest = before->release->year != 0 && before->release->year != year_of(date);
  return before;
}

}  // namespace unitwise
