#include "base/concat.h"

#include <algorithm>
#include <charconv>
#include <cstring>

namespace unitwise {

void Piece::set_number(long long n) {
  const auto end = std::to_chars(digits_, digits_ + sizeof digits_, n).ptr;
  size_ = static_cast<std::size_t>(end - digits_);
}

void append(std::string& text, std::initializer_list<Piece> pieces) {
  std::size_t size = text.size();
  for (const Piece& p : pieces) size += p.view().size();
  // Grow geometrically: a sentence built in parts must not reallocate on every part.
  if (size > text.capacity()) text.reserve(std::max(size, 2 * text.capacity()));
  // Sized once, then each piece copied in place: a string::append per piece was an out-of-line call with its
  // own checks, 4% of the wasm module's time.
  const std::size_t start = text.size();
  text.resize(size);
  char* at = text.data() + start;
  for (const Piece& p : pieces) {
    const std::string_view v = p.view();
    if (!v.empty()) std::memcpy(at, v.data(), v.size());
    at += v.size();
  }
}

std::string cat(std::initializer_list<Piece> pieces) {
  std::string text;
  append(text, pieces);
  return text;
}

}  // namespace unitwise
