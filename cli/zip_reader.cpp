#include "zip_reader.h"

#include <zip.h>

#include <memory>

#include "unitwise/data_limits.h"

namespace unitwise::cli {
namespace {

std::string mib(std::size_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

// An entry's name as it may be shown: control bytes (a name could hold terminal escapes) become '?', and a
// long name is cut.
std::string shown(std::string_view name) {
  std::string out;
  for (char c : name.substr(0, 200)) out += static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? '?' : c;
  return name.size() > 200 ? out + "..." : out;
}

// Absolute ("/x", "\x", "C:x") or climbing ("../x", "a/../../x"): never written anywhere, but no CMS zip has
// such a name, so the zip is not what it claims to be.
bool unsafe_name(std::string_view name) {
  if (name.empty() || name[0] == '/' || name[0] == '\\' || (name.size() >= 2 && name[1] == ':')) return true;
  std::size_t start = 0;
  while (start <= name.size()) {
    std::size_t end = name.find_first_of("/\\", start);
    if (end == std::string_view::npos) end = name.size();
    if (name.substr(start, end - start) == "..") return true;
    start = end + 1;
  }
  return false;
}

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct FileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

std::string libzip_error(zip_error_t* error) {
  const int code = zip_error_code_zip(error);
  if (code == ZIP_ER_NOZIP || code == ZIP_ER_INCONS) {
    return "is not a whole zip archive (it may be cut short or damaged): " + std::string(zip_error_strerror(error));
  }
  return "cannot be read as a zip archive: " + std::string(zip_error_strerror(error));
}

}  // namespace

// A local file header, or the end record alone: a zip with no entries.
bool is_zip(std::string_view bytes) {
  return bytes.substr(0, 4) == std::string_view("PK\3\4", 4) || bytes.substr(0, 4) == std::string_view("PK\5\6", 4);
}

ZipRead read_zip(const std::string& zip_name, const std::string& bytes, std::size_t& budget) {
  ZipRead out;
  auto fail = [&](std::string message) {
    out.members.clear();
    out.error = std::move(message);
    return out;
  };
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) return fail(libzip_error(&error));
  // ZIP_CHECKCONS: the central directory must agree with the local headers, which catches most cut-off files.
  std::unique_ptr<zip_t, ZipCloser> zip(zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error));
  if (!zip) {
    zip_source_free(source);
    const std::string message = libzip_error(&error);
    zip_error_fini(&error);
    return fail(message);
  }
  zip_error_fini(&error);
  const zip_int64_t count = zip_get_num_entries(zip.get(), 0);
  if (count < 0 || static_cast<std::size_t>(count) > kMaxZipEntries) {
    return fail("has " + std::to_string(count) + " entries; the limit is " + std::to_string(kMaxZipEntries));
  }
  for (zip_uint64_t i = 0; i < static_cast<zip_uint64_t>(count); ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip.get(), i, 0, &st) != 0 || (st.valid & ZIP_STAT_NAME) == 0) {
      return fail("entry " + std::to_string(i + 1) + " cannot be read: " + zip_strerror(zip.get()));
    }
    const std::string name = st.name;
    if (unsafe_name(name)) {
      return fail("entry \"" + shown(name) +
                  "\" has an absolute name or one that climbs out with \"..\": not a CMS zip");
    }
    if (name.back() == '/' || name.back() == '\\') continue;  // a folder
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) != 0 && st.encryption_method != ZIP_EM_NONE) {
      return fail("entry \"" + shown(name) + "\" is encrypted: CMS's zips are not; unzip it yourself if you trust it");
    }
    // The declared size first, so a bomb is refused before inflating; then the inflated bytes, counted as they
    // come, since a declared size can lie.
    const std::size_t cap = std::min(kMaxSourceBytes, budget);
    const std::string limit = cap < kMaxSourceBytes ? mib(kMaxImportBytes) + " for all files of an import"
                                                    : mib(kMaxSourceBytes) + " per file";
    if ((st.valid & ZIP_STAT_SIZE) != 0 && st.size > cap) {
      return fail("entry \"" + shown(name) + "\" inflates to " + std::to_string(st.size) + " bytes; the limit is " +
                  limit);
    }
    std::unique_ptr<zip_file_t, FileCloser> file(zip_fopen_index(zip.get(), i, 0));
    if (!file) return fail("entry \"" + shown(name) + "\" cannot be opened: " + zip_strerror(zip.get()));
    std::string text;
    char buffer[65536];
    for (;;) {
      const zip_int64_t n = zip_fread(file.get(), buffer, sizeof buffer);
      if (n < 0) {
        return fail("entry \"" + shown(name) + "\" is damaged or cut short: " + zip_file_strerror(file.get()));
      }
      if (n == 0) break;
      if (text.size() + static_cast<std::size_t>(n) > cap) {
        return fail("entry \"" + shown(name) + "\" inflates past the limit of " + limit);
      }
      text.append(buffer, static_cast<std::size_t>(n));
    }
    // More or fewer bytes than the directory states: damaged, or made to pass the size check above.
    if ((st.valid & ZIP_STAT_SIZE) != 0 && text.size() != st.size) {
      return fail("entry \"" + shown(name) + "\" inflates to " + std::to_string(text.size()) + " bytes, not the " +
                  std::to_string(st.size) + " its directory states: the zip is damaged");
    }
    budget -= text.size();
    out.members.push_back({name, std::move(text), zip_name});
  }
  if (out.members.empty()) return fail("holds no files");
  return out;
}

}  // namespace unitwise::cli
