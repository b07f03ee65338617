// FlatJson to nlohmann's DOM, for the readers shared with nlohmann DOMs and for parse_dom().
#include "base/flat_json.h"

#include <string>
#include <utility>
#include <vector>

namespace unitwise {

namespace {

nlohmann::json scalar_or_empty(const FlatJson::Node& n, std::string_view text) {
  switch (n.kind) {
    case FlatJson::Kind::Boolean: return n.boolean;
    case FlatJson::Kind::Integer: return n.integer;
    case FlatJson::Kind::Unsigned: return n.unsigned_integer;
    case FlatJson::Kind::Float: return n.floating;
    case FlatJson::Kind::String: return std::string(text);
    case FlatJson::Kind::Array: return nlohmann::json::array();
    case FlatJson::Kind::Object: return nlohmann::json::object();
    default: return nullptr;
  }
}

}  // namespace

// Iterative, like the reader: a text nested a million deep must not exhaust the stack here either.
nlohmann::json JsonRef::to_nlohmann() const {
  nlohmann::json out = scalar_or_empty(node(), string());
  std::vector<std::pair<nlohmann::json*, std::uint32_t>> open;  // containers being filled, and their nodes' end
  if (size() > 0) open.emplace_back(&out, node().end);
  for (std::uint32_t i = index_ + 1; !open.empty() && i < node().end; ++i) {
    while (open.back().second <= i) open.pop_back();
    const JsonRef child(*doc_, i);
    nlohmann::json& parent = *open.back().first;
    nlohmann::json value = scalar_or_empty(child.node(), child.string());
    // Only the innermost open container grows, so the pointers to the ones outside it stay valid.
    nlohmann::json& slot = parent.is_array() ? parent.emplace_back(std::move(value))
                                             : (parent[std::string(child.key())] = std::move(value));
    if (child.size() > 0) open.emplace_back(&slot, child.node().end);
  }
  return out;
}

nlohmann::json parse_dom(std::string_view text) {
  const FlatJson flat = FlatJson::parse(text);
  return flat.failed ? nlohmann::json() : flat.root().to_nlohmann();
}

}  // namespace unitwise
