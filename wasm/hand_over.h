// The buffers a result leaves wasm memory by and an input enters it by, and the layout index.js reads them in.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "base/latin1.h"

namespace unitwise_wasm {

// A buffer that grows (doubling) and never shrinks or fills: resizing a std::string zero-filled it on every call.
template <class T>
struct Room {
  std::unique_ptr<T[]> data;
  std::size_t size = 0;
  T* at_least(std::size_t n) {
    if (size < n) {
      size = std::max(n, 2 * size);
      data = std::make_unique<T[]>(size);
    }
    return data.get();
  }
};

// The form a result leaves in (index.js resultReader), chosen by the wrapper per call:
// - Utf8: for TextDecoder in browsers, and as the engine wrote it;
// - Latin1: Latin-1 bytes plus the few wide units to splice in (text/latin1.h), for Node's Buffer, which copies
//   Latin-1 into a one-byte string where it took twice as long from UTF-16 and eight times from UTF-8 holding any
//   non-ASCII character. A result holding many wide characters comes as UTF-8 instead (wide_count kUtf8);
// - Ascii: the same JSON with \u escapes (text/ascii_json.h), for results the wrapper parses itself: a one-byte
//   string that JSON.parse reads faster, in Node and in browsers.
enum class Form { Utf8 = 0, Latin1 = 1, Ascii = 2 };

// Where the result is, valid until the next call: an address returned as a number (an Embind typed_memory_view
// cost an object per call).
struct HandOver {
  std::uint32_t text = 0;
  std::uint32_t length = 0;
  std::uint32_t wide = 0;
  std::uint32_t wide_count = 0;
};
inline constexpr std::uint32_t kUtf8 = 0xFFFFFFFF;

// One module instance's buffers: each result's and the input's, reused from call to call.
class HandOverBuffers {
 public:
  // `text` in `form` (a Form), and the address of its HandOver.
  std::uintptr_t result(std::string text, int form);

  // The input is written straight into wasm memory by the wrapper's TextEncoder (Embind's std::string conversion
  // is a JS loop over the text): room for `bytes` bytes, and its address for the wrapper to write the text at.
  std::uintptr_t input_room(std::size_t bytes) { return reinterpret_cast<std::uintptr_t>(input_.at_least(bytes)); }
  // The `length` bytes the wrapper wrote, never more than it asked room for.
  std::string_view input(std::size_t length) const { return {input_.data.get(), std::min(length, input_.size)}; }

 private:
  HandOver out_;
  std::string last_;
  Room<unsigned char> bytes_;
  Room<unitwise::WideUnit> wide_;
  Room<char> input_;
};

}  // namespace unitwise_wasm
