#include "evaluate_command.h"

#include <string>
#include <string_view>

#include "unitwise/fhir_claim.h"
#include "unitwise/unitwise.h"

namespace unitwise::cli {
namespace {

constexpr std::size_t kMaxLineBytes = 4u << 20;  // same bound as the engine's visit limit

bool is_ok(const std::string& result) { return result.compare(0, 10, "{\"ok\":true") == 0; }

void write_line(const std::string& s) {
  std::fwrite(s.data(), 1, s.size(), stdout);
  std::fputc('\n', stdout);
}

}  // namespace

int evaluate_one(std::FILE* in, const ReferenceData& data, bool fhir) {
  std::string text;
  char buffer[65536];
  std::size_t n, total = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, in)) > 0) {
    // Past the limit the engine only needs to see that it is too big; stop holding more, keep counting.
    if (text.size() <= kMaxLineBytes) text.append(buffer, n);
    total += n;
  }
  const std::string result = total > kMaxLineBytes ? oversized_visit_json(total) : evaluate_json(text, data);
  if (fhir) {
    const std::string claim = fhir_claim_json(result, text, "{}", data);
    write_line(claim);
    return claim.rfind("{\"ok\":false", 0) == 0 ? 1 : 0;
  }
  write_line(result);
  return is_ok(result) ? 0 : 1;
}

int evaluate_batch(std::FILE* in, const ReferenceData& data) {
  static char out_buffer[1 << 16];
  std::setvbuf(stdout, out_buffer, _IOFBF, sizeof out_buffer);
  int status = 0;
  std::string line;
  bool overflow = false;
  std::size_t line_bytes = 0;  // the line's real length, also past what is held
  auto flush_line = [&] {
    if (!line.empty() && line.back() == '\r') line.pop_back();  // CRLF files
    const bool blank = !overflow && line.find_first_not_of(" \t") == std::string::npos;
    // A blank line is parsed as an empty document: "not valid JSON ... at byte 0", an error result.
    const std::string result = overflow ? oversized_visit_json(line_bytes)
                                        : evaluate_json(blank ? std::string_view() : std::string_view(line), data);
    write_line(result);
    if (!is_ok(result)) status = 1;
    line.clear();
    overflow = false;
    line_bytes = 0;
  };
  char buffer[65536];
  std::size_t n;
  bool pending = false;  // bytes read since the last newline
  while ((n = std::fread(buffer, 1, sizeof buffer, in)) > 0) {
    std::string_view chunk(buffer, n);
    while (!chunk.empty()) {
      const std::size_t nl = chunk.find('\n');
      const std::string_view part = chunk.substr(0, nl);
      line_bytes += part.size();
      if (line.size() + part.size() <= kMaxLineBytes + 1) {
        line.append(part);
      } else {
        line.append(part.substr(0, kMaxLineBytes + 1 - line.size()));
        overflow = true;
      }
      pending = true;
      if (nl == std::string_view::npos) break;
      flush_line();
      pending = false;
      chunk.remove_prefix(nl + 1);
    }
  }
  if (pending) flush_line();  // a last line without its newline
  if (line.capacity() > kMaxLineBytes) line.shrink_to_fit();
  return status;
}

}  // namespace unitwise::cli
