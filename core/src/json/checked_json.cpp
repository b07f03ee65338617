#include "json/checked_json.h"

#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

namespace unitwise {
namespace {

using nlohmann::json;

class CheckedDomParser : public nlohmann::json_sax<json> {
 public:
  explicit CheckedDomParser(CheckedJson& out) : out_(out), dom_(out.root, /*allow_exceptions=*/false) {}

  bool null() override { return dom_.null(); }
  bool boolean(bool v) override { return dom_.boolean(v); }
  bool number_integer(number_integer_t v) override { return dom_.number_integer(v); }
  bool number_unsigned(number_unsigned_t v) override { return dom_.number_unsigned(v); }
  bool number_float(number_float_t v, const string_t& s) override { return dom_.number_float(v, s); }
  bool string(string_t& v) override { return dom_.string(v); }
  bool binary(binary_t& v) override { return dom_.binary(v); }
  bool start_array(std::size_t n) override { return dom_.start_array(n); }
  bool end_array() override { return dom_.end_array(); }
  bool start_object(std::size_t n) override {
    open_objects_.push_back({keys_.size(), {}});
    return dom_.start_object(n);
  }
  bool end_object() override {
    keys_.resize(open_objects_.back().first_key);
    open_objects_.pop_back();
    return dom_.end_object();
  }
  bool key(string_t& k) override {
    if (!first_time(k) && out_.duplicate.empty()) {
      out_.duplicate = k;
      out_.duplicate_at_top = open_objects_.size() == 1;
    }
    return dom_.key(k);
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception&) override {
    out_.error_position = position;
    out_.failed = true;
    return false;
  }

 private:
  // Whether the innermost open object has not had this key yet. Visits' objects have a handful of keys, kept in
  // one flat list (short keys need no heap) and scanned; an object past kScanned keys gets a hash set, so the
  // check stays linear in the number of keys whatever the input.
  static constexpr std::size_t kScanned = 32;
  bool first_time(const std::string& k) {
    OpenObject& o = open_objects_.back();
    if (!o.many.empty()) return o.many.insert(k).second;
    if (std::find(keys_.begin() + static_cast<std::ptrdiff_t>(o.first_key), keys_.end(), k) != keys_.end()) return false;
    keys_.push_back(k);
    if (keys_.size() - o.first_key > kScanned) {
      o.many.insert(keys_.begin() + static_cast<std::ptrdiff_t>(o.first_key), keys_.end());
      keys_.resize(o.first_key);
    }
    return true;
  }

  struct OpenObject {
    std::size_t first_key = 0;             // where its keys start in keys_
    std::unordered_set<std::string> many;  // its keys instead, once it has more than kScanned
  };
  CheckedJson& out_;
  nlohmann::detail::json_sax_dom_parser<json> dom_;
  std::vector<OpenObject> open_objects_;  // innermost last
  std::vector<std::string> keys_;         // the keys of the open objects that have few, outermost first
};

}  // namespace

CheckedJson parse_checked_json(std::string_view text) {
  CheckedJson out;
  CheckedDomParser parser(out);
  json::sax_parse(text.begin(), text.end(), &parser, nlohmann::detail::input_format_t::json, /*strict=*/true);
  return out;
}

}  // namespace unitwise
