#include "json/flat_json.h"

#include <algorithm>
#include <unordered_set>

namespace unitwise {

// Builds the nodes from nlohmann's SAX events; each value's node is appended in text order, so an array's or
// object's descendants follow it and `end` skips them.
class FlatBuilder : public nlohmann::json_sax<nlohmann::json> {
 public:
  FlatBuilder(FlatJson& out, std::size_t text_size) : out_(out) {
    out_.text_.reserve(text_size);  // never outgrown (unescaped text is no longer than its JSON), so views stay
    out_.nodes_.reserve(text_size / 8 + 4);
  }

  bool null() override { return add(FlatJson::Kind::Null); }
  bool boolean(bool v) override {
    add(FlatJson::Kind::Boolean);
    out_.nodes_.back().boolean = v;
    return true;
  }
  bool number_integer(number_integer_t v) override {
    add(FlatJson::Kind::Integer);
    out_.nodes_.back().integer = v;
    return true;
  }
  bool number_unsigned(number_unsigned_t v) override {
    add(FlatJson::Kind::Unsigned);
    out_.nodes_.back().unsigned_integer = v;
    return true;
  }
  bool number_float(number_float_t v, const string_t&) override {
    add(FlatJson::Kind::Float);
    out_.nodes_.back().floating = v;
    return true;
  }
  bool string(string_t& v) override {
    add(FlatJson::Kind::String);
    FlatJson::Node& n = out_.nodes_.back();
    n.text_at = static_cast<std::uint32_t>(out_.text_.size());
    n.text_length = static_cast<std::uint32_t>(v.size());
    out_.text_ += v;
    return true;
  }
  bool binary(binary_t&) override { return false; }  // not produced by the JSON lexer
  bool start_array(std::size_t) override { return open(FlatJson::Kind::Array); }
  bool end_array() override { return close(); }
  bool start_object(std::size_t) override {
    open_objects_.push_back({keys_.size(), {}});
    return open(FlatJson::Kind::Object);
  }
  bool end_object() override {
    keys_.resize(open_objects_.back().first_key);
    open_objects_.pop_back();
    return close();
  }
  bool key(string_t& k) override {
    key_at_ = static_cast<std::uint32_t>(out_.text_.size());
    key_length_ = static_cast<std::uint32_t>(k.size());
    out_.text_ += k;
    if (!first_time() && out_.duplicate.empty()) {
      out_.duplicate = k;
      out_.duplicate_at_top = open_objects_.size() == 1;
    }
    return true;
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception&) override {
    out_.error_position = position;
    out_.failed = true;
    return false;
  }

 private:
  bool add(FlatJson::Kind kind) {
    FlatJson::Node n;
    n.kind = kind;
    n.end = static_cast<std::uint32_t>(out_.nodes_.size() + 1);
    if (!open_.empty()) {
      FlatJson::Node& parent = out_.nodes_[open_.back()];
      ++parent.size;
      if (parent.kind == FlatJson::Kind::Object) {
        n.key_at = key_at_;
        n.key_length = key_length_;
      }
    }
    out_.nodes_.push_back(n);
    return true;
  }
  bool open(FlatJson::Kind kind) {
    add(kind);
    open_.push_back(static_cast<std::uint32_t>(out_.nodes_.size() - 1));
    return true;
  }
  bool close() {
    out_.nodes_[open_.back()].end = static_cast<std::uint32_t>(out_.nodes_.size());
    open_.pop_back();
    return true;
  }

  // Whether the innermost open object has not had the key just read. Objects of a visit have a handful of keys,
  // kept as views into the text and scanned; an object past kScanned keys gets a hash set, so the check stays
  // linear in the number of keys whatever the input.
  static constexpr std::size_t kScanned = 32;
  bool first_time() {
    const std::string_view k = out_.view(key_at_, key_length_);
    OpenObject& o = open_objects_.back();
    if (!o.many.empty()) return o.many.insert(k).second;
    const auto first = keys_.begin() + static_cast<std::ptrdiff_t>(o.first_key);
    if (std::find_if(first, keys_.end(), [&](const auto& at) { return out_.view(at.first, at.second) == k; }) != keys_.end()) {
      return false;
    }
    keys_.emplace_back(key_at_, key_length_);
    if (keys_.size() - o.first_key > kScanned) {
      for (auto it = keys_.begin() + static_cast<std::ptrdiff_t>(o.first_key); it != keys_.end(); ++it) {
        o.many.insert(out_.view(it->first, it->second));
      }
      keys_.resize(o.first_key);
    }
    return true;
  }

  struct OpenObject {
    std::size_t first_key = 0;                  // where its keys start in keys_
    std::unordered_set<std::string_view> many;  // its keys instead, once it has more than kScanned
  };
  FlatJson& out_;
  std::vector<std::uint32_t> open_;                                // open arrays and objects, innermost last
  std::vector<OpenObject> open_objects_;                           // innermost last
  std::vector<std::pair<std::uint32_t, std::uint32_t>> keys_;      // the open objects' keys (text_ at, length)
  std::uint32_t key_at_ = 0, key_length_ = 0;                      // the key of the value about to come
};

FlatJson FlatJson::parse(std::string_view text) {
  FlatJson out;
  FlatBuilder builder(out, text.size());
  nlohmann::json::sax_parse(text.begin(), text.end(), &builder, nlohmann::detail::input_format_t::json, /*strict=*/true);
  if (out.nodes_.empty()) out.nodes_.emplace_back();  // a failed parse still has a (null) root
  return out;
}


bool JsonRef::is_null() const { return node().kind == FlatJson::Kind::Null; }
bool JsonRef::is_object() const { return node().kind == FlatJson::Kind::Object; }
bool JsonRef::is_array() const { return node().kind == FlatJson::Kind::Array; }
bool JsonRef::is_string() const { return node().kind == FlatJson::Kind::String; }
bool JsonRef::is_boolean() const { return node().kind == FlatJson::Kind::Boolean; }
bool JsonRef::is_true() const { return is_boolean() && node().boolean; }
bool JsonRef::is_number() const { return is_number_integer() || is_number_float(); }
bool JsonRef::is_number_integer() const {
  return node().kind == FlatJson::Kind::Integer || node().kind == FlatJson::Kind::Unsigned;
}
bool JsonRef::is_number_float() const { return node().kind == FlatJson::Kind::Float; }

double JsonRef::number() const {
  const FlatJson::Node& n = node();
  switch (n.kind) {
    case FlatJson::Kind::Integer: return static_cast<double>(n.integer);
    case FlatJson::Kind::Unsigned: return static_cast<double>(n.unsigned_integer);
    case FlatJson::Kind::Float: return n.floating;
    default: return 0;
  }
}

std::string_view JsonRef::string() const {
  const FlatJson::Node& n = node();
  return n.kind == FlatJson::Kind::String ? doc_->view(n.text_at, n.text_length) : std::string_view();
}

std::size_t JsonRef::size() const {
  const FlatJson::Node& n = node();
  return n.kind == FlatJson::Kind::Array || n.kind == FlatJson::Kind::Object ? n.size : 0;
}

std::string_view JsonRef::key() const { return doc_->view(node().key_at, node().key_length); }

JsonRef::Iterator JsonRef::begin() const {
  return Iterator(*doc_, size() == 0 ? node().end : index_ + 1);
}
JsonRef::Iterator JsonRef::end() const { return Iterator(*doc_, node().end); }

bool JsonRef::contains(std::string_view key) const {
  if (!is_object()) return false;
  for (JsonRef member : *this) {
    if (member.key() == key) return true;
  }
  return false;
}

JsonRef JsonRef::operator[](std::string_view key) const {
  if (is_object()) {
    for (JsonRef member : *this) {
      if (member.key() == key) return member;
    }
  }
  static const FlatJson missing = FlatJson::parse("null");
  return missing.root();
}

nlohmann::json JsonRef::to_nlohmann() const {
  const FlatJson::Node& n = doc_->nodes_[index_];
  switch (n.kind) {
    case FlatJson::Kind::Null: return nullptr;
    case FlatJson::Kind::Boolean: return n.boolean;
    case FlatJson::Kind::Integer: return n.integer;
    case FlatJson::Kind::Unsigned: return n.unsigned_integer;
    case FlatJson::Kind::Float: return n.floating;
    case FlatJson::Kind::String: return std::string(string());
    case FlatJson::Kind::Array: {
      nlohmann::json a = nlohmann::json::array();
      for (JsonRef element : *this) a.push_back(element.to_nlohmann());
      return a;
    }
    case FlatJson::Kind::Object: {
      nlohmann::json o = nlohmann::json::object();
      for (JsonRef member : *this) o[std::string(member.key())] = member.to_nlohmann();
      return o;
    }
  }
  return nullptr;
}

nlohmann::json parse_dom(std::string_view text) {
  const FlatJson flat = FlatJson::parse(text);
  return flat.failed ? nlohmann::json() : flat.root().to_nlohmann();
}

}  // namespace unitwise
