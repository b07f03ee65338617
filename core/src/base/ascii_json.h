// UTF-8 JSON → the same JSON in ASCII, for results that the wasm package parses itself (evaluate(), evaluateEpisode()):
// JavaScript makes a one-byte string from ASCII in one copy and JSON.parse reads it faster than a string holding
// "→". docs/performance.md, issue 16.
#pragma once

#include <cstddef>
#include <string_view>

namespace unitwise {

// How many bytes utf8_to_ascii_json writes for json: the room to give it.
std::size_t ascii_json_size(std::string_view json);

// Writes json with every non-ASCII character as a \uXXXX escape (a surrogate pair past U+FFFF) at out, which has
// room for ascii_json_size(json) bytes, and returns how many it wrote. json must be valid UTF-8 whose non-ASCII
// characters are all inside strings, as the engine's results are: it then parses to the same values.
std::size_t utf8_to_ascii_json(std::string_view json, unsigned char* out);

}  // namespace unitwise
