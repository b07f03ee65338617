// Sentences for trace lines, warnings and errors, built with one allocation: cat({code, ": ", minutes, " minutes"}).
// One out-of-line joiner instead of chains of std::string operator+, each link of which allocated: the trace,
// warnings and edit messages are built on every visit (issue 16: native JSON +18-20%).
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>

namespace unitwise {

// One piece of a sentence: text, or an integer written in decimal.
class Piece {
 public:
  Piece(std::string_view text) : data_(text.data()), size_(text.size()) {}
  Piece(const char* text) : Piece(std::string_view(text)) {}
  Piece(const std::string& text) : Piece(std::string_view(text)) {}
  template <
      class Int,
      std::enable_if_t<std::is_integral_v<Int> && !std::is_same_v<Int, bool> && !std::is_same_v<Int, char>, int> = 0>
  Piece(Int n) {
    set_number(static_cast<long long>(n));
  }

  std::string_view view() const { return data_ ? std::string_view(data_, size_) : std::string_view(digits_, size_); }

 private:
  void set_number(long long n);

  const char* data_ = nullptr;  // null: the digits are in digits_ (a copied Piece stays valid)
  std::size_t size_ = 0;
  char digits_[20];
};

std::string cat(std::initializer_list<Piece> pieces);
// Appends to text, for sentences built in parts.
void append(std::string& text, std::initializer_list<Piece> pieces);

}  // namespace unitwise
