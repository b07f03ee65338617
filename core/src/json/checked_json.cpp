#include "json/checked_json.h"

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
    open_objects_.emplace_back();
    return dom_.start_object(n);
  }
  bool end_object() override {
    open_objects_.pop_back();
    return dom_.end_object();
  }
  bool key(string_t& k) override {
    // A hash set per open object keeps the check linear in the number of keys.
    if (!open_objects_.back().insert(k).second && out_.duplicate.empty()) {
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
  CheckedJson& out_;
  nlohmann::detail::json_sax_dom_parser<json> dom_;
  std::vector<std::unordered_set<std::string>> open_objects_;  // the keys of each open object, innermost last
};

}  // namespace

CheckedJson parse_checked_json(std::string_view text) {
  CheckedJson out;
  CheckedDomParser parser(out);
  json::sax_parse(text.begin(), text.end(), &parser, nlohmann::detail::input_format_t::json, /*strict=*/true);
  return out;
}

}  // namespace unitwise
