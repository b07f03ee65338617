#include "file_io.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <algorithm>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "unitwise/data_limits.h"

namespace unitwise::cli {

namespace {

std::string size_limit(std::size_t max_bytes) {
  return max_bytes >= (1u << 20) ? std::to_string(max_bytes >> 20) + " MiB" : std::to_string(max_bytes) + " bytes";
}

}  // namespace

std::optional<std::string> read_file(const std::string& path, std::size_t max_bytes, std::string& error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec && status.type() != fs::file_type::not_found) {
    error = ec.message();
    return std::nullopt;
  }
  if (status.type() == fs::file_type::not_found) {
    error = std::strerror(ENOENT);
    return std::nullopt;
  }
  if (status.type() == fs::file_type::directory) {
    error = "is a folder, not a file";
    return std::nullopt;
  }
  if (status.type() != fs::file_type::regular) {
    error = "is not a regular file (a FIFO, socket or device is not read)";
    return std::nullopt;
  }
  const std::uintmax_t size = fs::file_size(path, ec);
  if (!ec && size > max_bytes) {
    error = "is " + std::to_string(size) + " bytes; the limit is " + size_limit(max_bytes);
    return std::nullopt;
  }
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  std::string text;
  char buffer[65536];
  std::size_t n;
  bool too_large = false;
  while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) {
    if (text.size() + n > max_bytes) {
      too_large = true;
      break;
    }
    text.append(buffer, n);
  }
  const bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (too_large) {
    error = "grew past the limit of " + size_limit(max_bytes) + " while being read";
    return std::nullopt;
  }
  if (failed) {
    error = "read error";
    return std::nullopt;
  }
  return text;
}

bool write_file(const std::string& path, const std::string& text, std::string& error) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) {
    error = std::strerror(errno);
    return false;
  }
  const bool written = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  if (std::fclose(f) != 0 || !written) {
    error = "write error";
    return false;
  }
  return true;
}

std::optional<std::vector<PackFile>> read_pack_folder(const std::string& dir, std::string& error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    error = "not a folder";
    return std::nullopt;
  }
  // The manifest first, then only the tables it lists, each checked (a regular file, within what the pack may
  // still take) before it is read: other files in the folder are never read. A listed file that is absent is
  // left for the reader to name as missing.
  std::size_t left = kMaxPackBytes;
  auto read = [&](const std::string& name) -> std::optional<std::string> {
    auto text = read_file((fs::path(dir) / name).string(), left, error);
    if (!text) {
      error = name + " " + error + (error.find("limit") != std::string::npos ? " for a pack" : "");
      return std::nullopt;
    }
    left -= text->size();
    return text;
  };
  std::vector<PackFile> files;
  if (!fs::exists(fs::path(dir) / "manifest.json", ec)) return files;
  auto manifest = read("manifest.json");
  if (!manifest) return std::nullopt;
  const nlohmann::json m = nlohmann::json::parse(*manifest, nullptr, false);
  files.push_back({"manifest.json", std::move(*manifest)});
  const auto tables = m.is_object() ? m.find("tables") : m.end();
  if (!m.is_object() || tables == m.end() || !tables->is_array()) return files;
  for (const auto& t : *tables) {
    const auto file = t.is_object() ? t.find("file") : t.end();
    if (!t.is_object() || file == t.end() || !file->is_string()) continue;
    const std::string name = file->get<std::string>();
    // A plain file name in the folder; anything else is named missing by the reader.
    if (name.empty() || name == "." || name == ".." || name.find_first_of("/\\") != std::string::npos ||
        std::any_of(files.begin(), files.end(), [&](const PackFile& f) { return f.name == name; })) {
      continue;
    }
    const fs::file_status status = fs::symlink_status(fs::path(dir) / name, ec);
    if (status.type() == fs::file_type::not_found) continue;
    auto text = read(name);
    if (!text) return std::nullopt;
    files.push_back({name, std::move(*text)});
  }
  return files;
}

}  // namespace unitwise::cli
