// The text helpers the readers of CMS's files share, and the dates CMS's file and zip names state.
#include "import/cms_file.h"

#include <cctype>

#include "base/csv_reader.h"

namespace unitwise::cms {

std::string upper(std::string_view s) {
  std::string out;
  for (char c : s) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool contains(std::string_view text, std::string_view what) { return text.find(what) != std::string_view::npos; }

// A run of N digits in `text` following `after`, e.g. the year in "FINAL CY 2026 GEOGRAPHIC".
std::optional<int> number_after(std::string_view text, std::string_view after, std::size_t digits) {
  const std::size_t at = text.find(after);
  if (at == std::string_view::npos) return std::nullopt;
  std::size_t i = at + after.size();
  while (i < text.size() && text[i] == ' ') ++i;
  if (i + digits > text.size()) return std::nullopt;
  int n = 0;
  for (std::size_t k = 0; k < digits; ++k) {
    if (!std::isdigit(static_cast<unsigned char>(text[i + k]))) return std::nullopt;
    n = n * 10 + (text[i + k] - '0');
  }
  return n;
}

// First month of a PFS quarterly release named in the title ("... July Release") or file name ("_Jul").
int release_month(std::string_view text) {
  const std::pair<const char*, int> months[] = {{"JAN", 1}, {"APR", 4}, {"JUL", 7}, {"OCT", 10}};
  for (const auto& [name, month] : months) {
    if (contains(text, name)) return month;
  }
  return 0;
}

bool is_code(std::string_view s) {
  return s.size() == 5 && std::all_of(s.begin(), s.end(), [](char c) {
           return std::isdigit(static_cast<unsigned char>(c)) || (c >= 'A' && c <= 'Z');
         });
}

std::string pad(std::string_view digits, std::size_t width) {
  std::string out(digits);
  while (out.size() < width) out.insert(out.begin(), '0');
  return out;
}

std::string without_stars(std::string_view s) {
  s = trim(s);
  while (!s.empty() && s.back() == '*') s.remove_suffix(1);
  return std::string(trim(s));
}

std::string where(const CmsFile& file) { return file.archive.empty() ? file.name : file.archive + ": " + file.name; }

// A zip member's name without its folders: the name recorded in the pack and read for dates.
std::string base_name(const std::string& name) {
  const std::size_t slash = name.find_last_of("/\\");
  return slash == std::string::npos ? name : name.substr(slash + 1);
}

std::optional<DateKey> date_in_name(std::string_view name) {
  const std::string n = upper(name);
  for (const char* eff : {"EFF_", "EFF-"}) {
    const std::size_t at = n.find(eff);
    if (at == std::string::npos || at + 14 > n.size()) continue;
    const std::string d = n.substr(at + 4, 10);  // MM-DD-YYYY
    if (auto date = parse_iso_date(d.substr(6, 4) + "-" + d.substr(0, 2) + "-" + d.substr(3, 2))) return date;
  }
  auto digits = [&](std::size_t at, std::size_t count) {
    int v = 0;
    for (std::size_t k = at; k < at + count; ++k) {
      if (k >= n.size() || !std::isdigit(static_cast<unsigned char>(n[k]))) return -1;
      v = v * 10 + (n[k] - '0');
    }
    return v;
  };
  for (std::size_t at = n.find("RVU"); at != std::string::npos; at = n.find("RVU", at + 1)) {
    const int yy = digits(at + 3, 2);
    if (yy >= 0 && at + 5 < n.size() && n[at + 5] >= 'A' && n[at + 5] <= 'D' &&
        (at + 6 == n.size() || !std::isalpha(static_cast<unsigned char>(n[at + 6])))) {
      return (kCmsNameCentury + yy) * 10000 + (1 + 3 * (n[at + 5] - 'A')) * 100 + 1;
    }
  }
  for (std::size_t at = n.find('Q'); at != std::string::npos; at = n.find('Q', at + 1)) {
    const int year = at >= 4 ? digits(at - 4, 4) : -1;
    const int quarter = digits(at + 1, 1);
    if (year >= kCmsNameCentury && quarter >= 1 && quarter <= 4)
      return year * 10000 + (1 + 3 * (quarter - 1)) * 100 + 1;
  }
  return std::nullopt;
}

std::string thousands(std::size_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace unitwise::cms
