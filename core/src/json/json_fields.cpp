#include "json/json_fields.h"

#include <cmath>

#include "base/concat.h"
#include "validate/limits.h"
#include "validate/validate_visit.h"

namespace unitwise {

std::optional<FieldError> parse_error(const FlatJson& parsed, const char* what) {
  if (parsed.failed && !parsed.number_path.empty()) {
    return FieldError{parsed.number_path, "is a number too large to hold: write an ordinary number"};
  }
  if (parsed.failed && parsed.trailing_nul) {
    return FieldError{"", cat({"a NUL byte follows the ", what, " at byte ", parsed.error_position,
                               ": nothing may come after the ", what, "'s closing brace"})};
  }
  if (parsed.failed)
    return FieldError{"", cat({"not valid JSON (or not UTF-8): parsing stopped at byte ", parsed.error_position})};
  if (!parsed.duplicate.empty()) {
    return FieldError{parsed.duplicate_path,
                      cat({"the key \"", shorten(parsed.duplicate), "\" appears twice in one object; give it once"})};
  }
  return std::nullopt;
}

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
