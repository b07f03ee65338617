// A small streaming JSON writer: appends straight into one string, no DOM, no copies.
// Used for results, where nlohmann's build-then-dump costs more than the rules themselves.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace unitwise {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }

  // A key written in the source: it needs no escaping, so it is copied as it is, quotes and colon included.
  template <std::size_t N>
  JsonWriter& key(const char (&k)[N]) {
    comma();
    out_ += '"';
    out_.append(k, N - 1);
    out_ += "\":";
    after_key_ = true;
    return *this;
  }
  JsonWriter& key(std::string_view k) {
    comma();
    string_literal(k);
    out_ += ':';
    after_key_ = true;
    return *this;
  }
  JsonWriter& value(std::string_view s) { comma(); string_literal(s); return *this; }
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(bool b) { comma(); out_ += b ? "true" : "false"; return *this; }
  JsonWriter& value(int n) { return integer(n); }
  JsonWriter& value(std::int64_t n) { return integer(n); }
  JsonWriter& null() { comma(); out_ += "null"; return *this; }
  // Fixed-point number: 3507 with 2 decimals → 35.07; 334009 with 4 → 33.4009.
  JsonWriter& fixed(std::int64_t scaled, int decimals);
  // Any list of strings or string_views as a JSON array.
  template <class List>
  JsonWriter& strings(const List& list) {
    begin_array();
    for (const auto& s : list) value(std::string_view(s));
    return end_array();
  }

 private:
  JsonWriter& open(char c) { comma(); out_ += c; first_ = true; return *this; }
  JsonWriter& close(char c) { out_ += c; first_ = false; return *this; }
  void comma() {
    if (after_key_) { after_key_ = false; first_ = false; return; }
    if (!first_) out_ += ',';
    first_ = false;
  }
  JsonWriter& integer(std::int64_t n);
  void string_literal(std::string_view s);

  std::string& out_;
  bool first_ = true;
  bool after_key_ = false;
};

}  // namespace unitwise
