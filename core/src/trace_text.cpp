#include "trace_text.h"

namespace unitwise {

std::string fixed_text(long long scaled, int decimals) {
  std::string out;
  if (scaled < 0) {
    out += '-';
    scaled = -scaled;
  }
  long long unit = 1;
  for (int i = 0; i < decimals; ++i) unit *= 10;
  out += std::to_string(scaled / unit);
  if (decimals > 0) {
    const std::string frac = std::to_string(scaled % unit);
    out += '.';
    out.append(static_cast<std::size_t>(decimals) - frac.size(), '0');
    out += frac;
  }
  return out;
}

}  // namespace unitwise
