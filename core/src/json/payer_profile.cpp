#include "json/payer_profile.h"

#include <cmath>
#include <stdexcept>
#include <vector>

#include "base/concat.h"
#include "base/fixed_point.h"
#include "base/flat_json.h"
#include "base/utf8.h"
#include "json/json_fields.h"
#include "reference/embedded_files.h"
#include "validate/validate_visit.h"

namespace unitwise {
namespace {

using nlohmann::json;

constexpr const char* kBuiltIn[] = {"medicare", "commercial-per-code", "texas-medicaid"};
constexpr int kMaxUnitsPerDay = 96;  // 24 hours of 15-minute units

bool code_like(const std::string& s) {
  if (s.size() != 5) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) return false;
  }
  return true;
}

bool whole(const json& v, int low, int high, int& out) {
  if (!v.is_number_integer() && !v.is_number_unsigned()) return false;
  const auto n = v.get<long long>();
  if (n < low || n > high) return false;
  out = static_cast<int>(n);
  return true;
}

// Dollars with at most two decimals, exactly: the JSON number's own text would be better, but
// nlohmann keeps only the double; two decimals survive a round trip through it.
bool dollars(const json& v, Cents& out) {
  if (!v.is_number()) return false;
  const double d = v.get<double>();
  if (!(d >= 0 && d <= 100000)) return false;
  const auto cents = static_cast<Cents>(d * 100.0 + 0.5);
  if (std::abs(static_cast<double>(cents) - d * 100.0) > 1e-6) return false;
  out = cents;
  return true;
}

// A user's key in an error path: shortened on a character boundary (a cut UTF-8 sequence would make the
// result invalid JSON) and escaped per RFC 6901.
std::string key_path(const std::string& at, const std::string& key) { return cat({at, "/", escape_pointer(key)}); }

}  // namespace

void parse_payer_profile(const json& value, const std::string& path, PayerProfile& out, const FailFn& fail) {
  if (!value.is_object()) {
    fail(path, cat({"must be a payer id (", builtin_payer_ids(), ") or a profile object (docs/payers.md)"}));
    return;
  }
  static const char* const kKeys[] = {
      "name", "unitRule", "dailyUnitCap",     "codeUnitCaps", "disciplineModifiers", "assistantModifiers",
      "kx",   "mppr",     "medicareCoverage", "fee",          "coinsurancePercent",  "sequestration",
      "note", "source"};
  for (auto it = value.begin(); it != value.end(); ++it) {
    bool known = false;
    for (const char* k : kKeys) known = known || it.key() == k;
    if (!known) {
      fail(key_path(path, it.key()),
           cat({"unknown profile field \"", shorten(it.key()), "\" (docs/payers.md lists them)"}));
    }
  }
  auto text = [&](const char* key, std::string& to, std::size_t max) {
    if (!value.contains(key)) return;
    if (!value[key].is_string() || utf8_characters(value[key].get_ref<const std::string&>()) > max) {
      fail(cat({path, "/", key}), cat({"must be a string of at most ", max, " characters"}));
    } else {
      to = value[key].get<std::string>();
    }
  };
  auto flag = [&](const char* key, bool& to) {
    if (!value.contains(key)) return;
    if (!value[key].is_boolean()) fail(path + "/" + key, "must be true or false");
    else to = value[key].get<bool>();
  };
  text("name", out.name, 120);
  text("note", out.note, 1000);
  text("source", out.source, 1000);
  if (value.contains("unitRule")) {
    const json& r = value["unitRule"];
    if (r == "cms") out.unit_rule = RuleSet::Cms;
    else if (r == "per_code") out.unit_rule = RuleSet::PerCode;
    else fail(path + "/unitRule", "must be \"cms\" (Medicare total time) or \"per_code\" (each code on its own)");
  }
  if (value.contains("dailyUnitCap")) {
    const json& caps = value["dailyUnitCap"];
    if (!caps.is_object()) {
      fail(path + "/dailyUnitCap", "must be an object like {\"PT\": 4}");
    } else {
      const char* names[] = {"PT", "OT", "SLP"};
      for (auto it = caps.begin(); it != caps.end(); ++it) {
        int slot = -1;
        for (int i = 0; i < 3; ++i) slot = it.key() == names[i] ? i : slot;
        int n = 0;
        if (slot < 0) fail(key_path(path + "/dailyUnitCap", it.key()), "must be PT, OT or SLP");
        else if (!whole(it.value(), 1, kMaxUnitsPerDay, n))
          fail(key_path(path + "/dailyUnitCap", it.key()), "must be a whole number of units from 1 to 96");
        else out.daily_unit_cap[slot] = n;
      }
    }
  }
  if (value.contains("codeUnitCaps")) {
    const json& caps = value["codeUnitCaps"];
    if (!caps.is_object() || caps.size() > 200) {
      fail(path + "/codeUnitCaps", "must be an object like {\"97035\": 2}, at most 200 codes");
    } else {
      for (auto it = caps.begin(); it != caps.end(); ++it) {
        int n = 0;
        if (!code_like(it.key())) fail(key_path(path + "/codeUnitCaps", it.key()), "must be a code such as \"97035\"");
        else if (!whole(it.value(), 0, kMaxUnitsPerDay, n))
          fail(key_path(path + "/codeUnitCaps", it.key()), "must be a whole number of units from 0 to 96");
        else out.code_unit_caps.emplace_back(it.key(), n);
      }
    }
  }
  flag("disciplineModifiers", out.discipline_modifiers);
  flag("assistantModifiers", out.assistant_modifiers);
  flag("kx", out.kx);
  flag("mppr", out.mppr);
  flag("medicareCoverage", out.medicare_coverage);
  flag("sequestration", out.sequestration);
  if (value.contains("coinsurancePercent") && !whole(value["coinsurancePercent"], 0, 100, out.coinsurance_percent)) {
    fail(path + "/coinsurancePercent", "must be a whole percentage from 0 to 100");
  }
  if (value.contains("fee")) {
    const json& fee = value["fee"];
    const std::string at = path + "/fee";
    if (fee.is_null()) {
      out.fee_basis = PayerProfile::FeeBasis::Unknown;
    } else if (!fee.is_object() || fee.size() != 1 || !(fee.contains("percentOfMedicare") || fee.contains("perCode"))) {
      fail(at, "must be null (fees unknown), {\"percentOfMedicare\": 110} or {\"perCode\": {\"97110\": 31.50}}");
    } else if (fee.contains("percentOfMedicare")) {
      out.fee_basis = PayerProfile::FeeBasis::PercentOfMedicare;
      if (!whole(fee["percentOfMedicare"], 1, 1000, out.percent_of_medicare)) {
        fail(at + "/percentOfMedicare", "must be a whole percentage from 1 to 1000");
      }
    } else {
      out.fee_basis = PayerProfile::FeeBasis::PerCode;
      const json& table = fee["perCode"];
      if (!table.is_object() || table.empty() || table.size() > 500) {
        fail(at + "/perCode", "must be an object of code → dollars a unit, 1 to 500 codes");
      } else {
        for (auto it = table.begin(); it != table.end(); ++it) {
          Cents c = 0;
          if (!code_like(it.key())) fail(key_path(at + "/perCode", it.key()), "must be a code such as \"97110\"");
          else if (!dollars(it.value(), c))
            fail(key_path(at + "/perCode", it.key()), "must be dollars from 0 with at most two decimals");
          else out.fee_per_code.emplace_back(it.key(), c);
        }
      }
    }
  }
}

const PayerProfile* builtin_payer(std::string_view id) {
  static const std::vector<PayerProfile> profiles = [] {
    std::vector<PayerProfile> out;
    for (const char* name : kBuiltIn) {
      const json v = parse_dom(static_data(std::string(name) + ".json"));
      PayerProfile p;
      p.id = name;
      parse_payer_profile(v, "", p, [&](const std::string& at, const std::string& message) {
        throw std::logic_error(std::string("built-in payer ") + name + at + ": " +
                               message);  // our own file: a build defect
      });
      out.push_back(std::move(p));
    }
    return out;
  }();
  for (const PayerProfile& p : profiles) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

std::string builtin_payer_ids() {
  std::string out;
  for (const char* name : kBuiltIn) append(out, {out.empty() ? "\"" : ", \"", name, "\""});
  return out;
}

}  // namespace unitwise
