// A result handed over in the form the wrapper asked for: UTF-8 as written, Latin-1 with wide units, or ASCII JSON.
#include "hand_over.h"

#include <utility>

#include "base/ascii_json.h"

namespace unitwise_wasm {
namespace {

template <class T>
std::uint32_t address(const T* p) {
  return static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(p));
}

}  // namespace

std::uintptr_t HandOverBuffers::result(std::string text, int form) {
  if (form == static_cast<int>(Form::Ascii)) {
    unsigned char* room = bytes_.at_least(unitwise::ascii_json_size(text));
    out_ = {address(room), static_cast<std::uint32_t>(unitwise::utf8_to_ascii_json(text, room)), 0, 0};
    return reinterpret_cast<std::uintptr_t>(&out_);
  }
  const bool latin1 = form == static_cast<int>(Form::Latin1);
  if (latin1) {
    const std::size_t wide_room = text.size() / 64 + 64;  // a visit's result has about six
    const auto split =
        unitwise::utf8_to_latin1(text, bytes_.at_least(text.size()), wide_.at_least(wide_room), wide_room);
    if (split.fits) {
      out_ = {address(bytes_.data.get()), static_cast<std::uint32_t>(split.bytes), address(wide_.data.get()),
              static_cast<std::uint32_t>(split.wide)};
      return reinterpret_cast<std::uintptr_t>(&out_);
    }
  }
  last_ = std::move(text);
  out_ = {address(last_.data()), static_cast<std::uint32_t>(last_.size()), 0, latin1 ? kUtf8 : 0};
  return reinterpret_cast<std::uintptr_t>(&out_);
}

}  // namespace unitwise_wasm
