#include "file_io.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace unitwise::cli {

std::optional<std::string> read_file(const std::string& path, std::string& error) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  std::string text;
  char buffer[65536];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) text.append(buffer, n);
  const bool failed = std::ferror(f) != 0;
  std::fclose(f);
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
  std::vector<PackFile> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (!entry.is_regular_file()) continue;
    auto text = read_file(entry.path().string(), error);
    if (!text) return std::nullopt;
    files.push_back({entry.path().filename().string(), std::move(*text)});
  }
  if (ec) {
    error = ec.message();
    return std::nullopt;
  }
  return files;
}

}  // namespace unitwise::cli
