// A small streaming JSON writer: no DOM, no copies. It owns the text it writes (take() hands it over) and
// gathers small pieces in a buffer of its own, so a quote or a comma is a store, not a call into the string
// library (libc++'s string members are not inlined, which made them a fifth of the wasm module's time).
// Used for results, where nlohmann's build-then-dump costs more than the rules themselves.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <utility>
#include <string>
#include <string_view>
#include <vector>

namespace unitwise {

class JsonWriter {
 public:
  JsonWriter() = default;
  // Continues `start`, e.g. an object opened by hand: the first value written takes no comma.
  explicit JsonWriter(std::string&& start) : out_(std::move(start)) {}
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  void reserve(std::size_t bytes) { out_.reserve(bytes); }
  // The text written so far; the writer is left empty.
  std::string take() {
    flush();
    return std::move(out_);
  }

  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }

  // A key written in the source: it needs no escaping, so it is copied as it is, quotes and colon included.
  // One room check and stores of known size: three put calls were out-of-line calls in wasm (2% of its time).
  template <std::size_t N>
  JsonWriter& key(const char (&k)[N]) {
    static_assert(N + 2 <= sizeof buffer_, "a key written in the source fits the buffer");
    comma();
    if (sizeof buffer_ - used_ < N + 2) flush();
    char* at = buffer_ + used_;
    at[0] = '"';
    std::memcpy(at + 1, k, N - 1);
    at[N] = '"';
    at[N + 1] = ':';
    used_ += N + 2;
    after_key_ = true;
    return *this;
  }
  JsonWriter& key(std::string_view k) {
    comma();
    string_literal(k);
    put(':');
    after_key_ = true;
    return *this;
  }
  JsonWriter& value(std::string_view s) {
    comma();
    string_literal(s);
    return *this;
  }
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(bool b) {
    comma();
    if (b) put("true", 4);
    else put("false", 5);
    return *this;
  }
  JsonWriter& value(int n) { return integer(n); }
  JsonWriter& value(std::int64_t n) { return integer(n); }
  JsonWriter& value(std::uint64_t n);
  // A number already written as JSON (a float's digits as the input gave them).
  JsonWriter& number(std::string_view json_number) {
    comma();
    put(json_number.data(), json_number.size());
    return *this;
  }
  JsonWriter& null() {
    comma();
    put("null", 4);
    return *this;
  }
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
  JsonWriter& open(char c) {
    comma();
    put(c);
    first_ = true;
    return *this;
  }
  JsonWriter& close(char c) {
    put(c);
    first_ = false;
    return *this;
  }
  void comma() {
    if (after_key_) {
      after_key_ = false;
      first_ = false;
      return;
    }
    if (!first_) put(',');
    first_ = false;
  }
  void put(char c) {
    if (used_ == sizeof buffer_) flush();
    buffer_[used_++] = c;
  }
  void put(const char* s, std::size_t n) {
    if (n == 0) return;  // an empty string_view may hold a null pointer, which memcpy must not get
    if (n > sizeof buffer_ - used_) {
      flush();
      if (n > sizeof buffer_) {
        out_.append(s, n);
        return;
      }
    }
    std::memcpy(buffer_ + used_, s, n);
    used_ += n;
  }
  void flush() {
    out_.append(buffer_, used_);
    used_ = 0;
  }
  JsonWriter& integer(std::int64_t n);
  void string_literal(std::string_view s);

  std::string out_;
  char buffer_[512];
  std::size_t used_ = 0;
  bool first_ = true;
  bool after_key_ = false;
};

}  // namespace unitwise
