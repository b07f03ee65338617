// A FlatJson's values as the visit parser asks for them, and a value written back as compact JSON.
#include "base/flat_json.h"

#include <utility>
#include <vector>

#include "base/json_writer.h"

namespace unitwise {

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

JsonRef::Iterator JsonRef::begin() const { return Iterator(*doc_, size() == 0 ? node().end : index_ + 1); }
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

// Iteratively, as to_nlohmann: each node in text order, closing the containers it has left.
void JsonRef::write(JsonWriter& w) const {
  std::vector<std::pair<bool, std::uint32_t>> open;  // containers written so far: is an object, and their end
  const auto close_before = [&](std::uint32_t i) {   // the containers that end before node i
    for (; !open.empty() && open.back().second <= i; open.pop_back()) {
      if (open.back().first) w.end_object();
      else w.end_array();
    }
  };
  for (std::uint32_t i = index_; i < node().end; ++i) {
    close_before(i);
    const JsonRef v(*doc_, i);
    const FlatJson::Node& n = v.node();
    if (!open.empty() && open.back().first) w.key(v.key());
    switch (n.kind) {
      case FlatJson::Kind::Null: w.null(); break;
      case FlatJson::Kind::Boolean: w.value(n.boolean); break;
      case FlatJson::Kind::Integer: w.value(n.integer); break;
      case FlatJson::Kind::Unsigned: w.value(n.unsigned_integer); break;
      case FlatJson::Kind::Float: w.number(doc_->view(n.text_at, n.text_length)); break;
      case FlatJson::Kind::String: w.value(v.string()); break;
      case FlatJson::Kind::Array:
        w.begin_array();
        open.emplace_back(false, n.end);
        break;
      case FlatJson::Kind::Object:
        w.begin_object();
        open.emplace_back(true, n.end);
        break;
    }
  }
  close_before(node().end);
}

}  // namespace unitwise
