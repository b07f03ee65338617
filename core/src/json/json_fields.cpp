#include "json/json_fields.h"

#include <cmath>

#include "validate/limits.h"
#include "validate/validate_visit.h"

namespace unitwise {

std::string escape_pointer(const std::string& key) {
  std::string out;
  for (char c : shorten(key)) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

const char* read_dollars(const nlohmann::json& value, Cents& out) {
  return read_dollars(value.is_number(), value.is_number() ? value.get<double>() : 0, out);
}

const char* read_dollars(bool is_number, double v, Cents& out) {
  if (!is_number) return "must be an amount in dollars (a number)";
  if (!std::isfinite(v) || v < 0 || v > kMaxCents / 100.0) return "must be between 0 and 1000000 dollars";
  const double cents = std::round(v * 100.0);
  if (std::fabs(v * 100.0 - cents) > 1e-6) return "must have at most two decimals (whole cents)";
  out = static_cast<Cents>(cents);
  return nullptr;
}

}  // namespace unitwise
