// UTF-8 → UTF-16 for the wasm module's results in Node: Node turns UTF-16 into a JS string (Buffer's "ucs2")
// about eight times faster than UTF-8 that holds any non-ASCII character, and every result holds some
// ("→", "§", "–"). docs/performance.md, issue 16.
#pragma once

#include <string>
#include <string_view>

namespace unitwise {

// text must be valid UTF-8 (the engine's own output is). Characters past U+FFFF become surrogate pairs.
void utf8_to_utf16(std::string_view text, std::u16string& out);

}  // namespace unitwise
