// The CLI's file reading and writing: the only I/O in the product, kept out of the engine.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "unitwise/reference.h"

namespace unitwise::cli {

// The whole file, or nullopt with `error` saying why: what the system said, "is a folder" or "is not a regular
// file" (a FIFO or a device such as /dev/zero is never read), or that it is larger than `max_bytes`. The size
// is checked before reading and again while reading, in case the file grows.
std::optional<std::string> read_file(const std::string& path, std::size_t max_bytes, std::string& error);
bool write_file(const std::string& path, const std::string& text, std::string& error);

// Every regular file of a data pack folder. nullopt with `error` when the folder can't be read.
std::optional<std::vector<PackFile>> read_pack_folder(const std::string& dir, std::string& error);

}  // namespace unitwise::cli
