// Any bytes in: evaluate_episode_json must return valid JSON whose ok flag agrees with its errors, hold no
// visit result when it is not ok, name each alert's visit inside the episode, and never crash, hang or leak.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string_view>

#include "unitwise/episode.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string out = unitwise::evaluate_episode_json(std::string_view(reinterpret_cast<const char*>(data), size));
  const auto result = nlohmann::json::parse(out, nullptr, /*allow_exceptions=*/false);
  if (result.is_discarded() || !result.is_object() || !result.contains("ok") || !result["errors"].is_array())
    std::abort();
  const bool ok = result["ok"].get<bool>();
  if (ok == !result["errors"].empty()) std::abort();
  if (!ok && (!result["visits"].empty() || !result["alerts"].empty())) std::abort();
  for (const auto& alert : result["alerts"]) {
    const int visit = alert["visit"].get<int>();
    if (visit < 0 || static_cast<std::size_t>(visit) >= result["visits"].size()) std::abort();
  }
  return 0;
}
