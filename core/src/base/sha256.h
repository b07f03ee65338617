// SHA-256 (FIPS 180-4) as lowercase hex: the data pack manifest records it for every source and table.
#pragma once

#include <string>
#include <string_view>

namespace unitwise {

std::string sha256_hex(std::string_view data);

}  // namespace unitwise
