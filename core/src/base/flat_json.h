// A parsed JSON document as one flat array of nodes, for the visit parser. A visit's keys are read once each,
// so nlohmann's DOM (a std::map node and a heap string per key) cost more than the reading: a quarter of a
// visit's JSON time. Its reader (flat_json_parser.cpp) refuses, reads and locates errors exactly as nlohmann's parser
// does. A key given twice in one object is noted (a plain parse would keep the last), in linear time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace unitwise {

class JsonRef;
class JsonWriter;

class FlatJson {
 public:
  enum class Kind : std::uint8_t { Null, Boolean, Integer, Unsigned, Float, String, Array, Object };
  struct Node {
    Kind kind = Kind::Null;
    bool boolean = false;
    std::uint32_t size = 0;    // children of an array or object
    std::uint32_t end = 0;     // one past its last descendant: the next sibling's index
    std::uint32_t key_at = 0;  // its key in text_, when its parent is an object
    std::uint32_t key_length = 0;
    std::uint32_t text_at = 0;  // a string's text (or a float's digits, as written) in text_
    std::uint32_t text_length = 0;
    union {
      std::int64_t integer;
      std::uint64_t unsigned_integer;
      double floating = 0;
    };
  };

  bool failed = false;             // not JSON (or not UTF-8)
  std::size_t error_position = 0;  // the byte where parsing stopped
  std::string duplicate;           // the first key given twice in one object, if any
  bool duplicate_at_top = false;   // that key belongs to the root object
  std::string duplicate_path;      // the JSON pointer of that key's member ("/services/0/minutes")
  std::string number_path;         // failed on a number too large to hold: the pointer of the value it was for
  bool trailing_nul = false;       // failed because something (a NUL byte) follows the document
  std::size_t depth = 0;           // how deep arrays and objects nest (a scalar root: 0)

  static FlatJson parse(std::string_view text);
  JsonRef root() const;

 private:
  friend class JsonRef;
  friend class FlatParser;
  std::vector<Node> nodes_;
  std::string text_;  // keys and strings back to back (never longer than the input)
  std::string_view view(std::uint32_t at, std::uint32_t length) const { return {text_.data() + at, length}; }
};

// One value of a FlatJson: what the visit parser asks of a value, and no more.
class JsonRef {
 public:
  JsonRef(const FlatJson& doc, std::uint32_t index) : doc_(&doc), index_(index) {}

  bool is_null() const;
  bool is_object() const;
  bool is_array() const;
  bool is_string() const;
  bool is_boolean() const;
  bool is_number() const;
  bool is_number_integer() const;  // integer or unsigned, as nlohmann says
  bool is_number_float() const;
  bool is_true() const;   // the boolean true
  double number() const;  // any number, as a double (nlohmann's get<double>)
  std::string_view string() const;
  std::size_t size() const;  // an array's or object's children
  bool empty() const { return size() == 0; }

  // An object's member; a missing one reads as null.
  bool contains(std::string_view key) const;
  JsonRef operator[](std::string_view key) const;

  // An array's elements or an object's members in their order in the text.
  class Iterator;
  Iterator begin() const;
  Iterator end() const;
  std::string_view key() const;  // this member's key in its object

  nlohmann::json to_nlohmann() const;  // for readers shared with nlohmann DOMs (inline payer profiles)
  // As compact JSON that reads back as the same values: a float as it was written (so it reads as the same
  // double without a float formatter), members in their order. Episodes hand their visits on this way.
  void write(JsonWriter& w) const;

 private:
  friend class FlatJson;
  const FlatJson::Node& node() const { return doc_->nodes_[index_]; }
  const FlatJson* doc_;
  std::uint32_t index_;
};

// A DOM as json::parse(text, nullptr, false) gives (a key given twice keeps its last value), or null when the
// text is not JSON. Through FlatJson's parser, so the wasm module holds one instantiation of nlohmann's parser.
nlohmann::json parse_dom(std::string_view text);

class JsonRef::Iterator {
 public:
  Iterator(const FlatJson& doc, std::uint32_t index) : doc_(&doc), index_(index) {}
  JsonRef operator*() const { return JsonRef(*doc_, index_); }
  Iterator& operator++() {
    index_ = JsonRef(*doc_, index_).node().end;
    return *this;
  }
  bool operator!=(const Iterator& o) const { return index_ != o.index_; }

 private:
  const FlatJson* doc_;
  std::uint32_t index_;
};

inline JsonRef FlatJson::root() const { return JsonRef(*this, 0); }

}  // namespace unitwise
