// UTF-8 → UTF-16 for the wasm module's results in Node: Node turns UTF-16 into a JS string (Buffer's "ucs2")
// about eight times faster than UTF-8 that holds any non-ASCII character, and every result holds some
// ("→", "§", "–"). docs/performance.md, issue 16.
#pragma once

#include <cstddef>
#include <string_view>

namespace unitwise {

// Writes text as UTF-16 units at out, which has room for text.size() units (never more are needed), and returns
// how many it wrote. text must be valid UTF-8 (the engine's own output is). Characters past U+FFFF become
// surrogate pairs. A raw buffer, not a std::u16string: resizing one zero-filled it on every result.
std::size_t utf8_to_utf16(std::string_view text, char16_t* out);

}  // namespace unitwise
