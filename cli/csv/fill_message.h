// One of the shared CSV messages (csv_format.h) with the row's values in its {name} places: the page fills the same
// templates (fillMessage in web/file/file-batch.js), so both say the same words.
#pragma once

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace unitwise_cli::csv {

// A {name} without a value stays as written, so a missing value shows in tests instead of vanishing.
inline std::string fill_message(std::string_view message,
                                std::initializer_list<std::pair<std::string_view, std::string_view>> values) {
  std::string out;
  out.reserve(message.size() + 32);
  for (std::size_t i = 0; i < message.size();) {
    const std::size_t close = message[i] == '{' ? message.find('}', i) : std::string_view::npos;
    if (close != std::string_view::npos) {
      const std::string_view name = message.substr(i + 1, close - i - 1);
      const auto* hit = std::find_if(values.begin(), values.end(), [&](const auto& v) { return v.first == name; });
      if (hit != values.end()) {
        out.append(hit->second);
        i = close + 1;
        continue;
      }
    }
    out.push_back(message[i++]);
  }
  return out;
}

}  // namespace unitwise_cli::csv
