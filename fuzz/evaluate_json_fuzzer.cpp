// Any bytes in: evaluate_json must return valid JSON whose ok flag agrees with its errors, and never
// crash, hang or leak (ASan/UBSan/libFuzzer watch the rest).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string_view>

#include "unitwise/unitwise.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string out = unitwise::evaluate_json(std::string_view(reinterpret_cast<const char*>(data), size));
  const auto result = nlohmann::json::parse(out, nullptr, /*allow_exceptions=*/false);
  if (result.is_discarded() || !result.is_object() || !result.contains("ok") || !result["errors"].is_array())
    std::abort();
  if (result["ok"].get<bool>() == !result["errors"].empty()) std::abort();
  if (!result["ok"].get<bool>() && !result["lines"].empty()) std::abort();
  return 0;
}
