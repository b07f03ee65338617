// The open-visit window: visits whose rows may still come, oldest first, and the visits split across it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "visit.h"

namespace unitwise_cli::csv {

// 64-bit hashes of the visit_ids already evaluated, open addressing: 16 to 32 bytes a visit, where a set of
// strings took ~90. Two ids with one hash (odds about n^2/2^65: 3e-8 for a million visits) would make the
// second a false "reappears" error: visible, never a silent second claim.
class IdHashSet {
 public:
  static std::uint64_t hash(std::string_view id);
  bool contains(std::uint64_t h) const;
  void insert(std::uint64_t h);

 private:
  std::size_t slot(std::uint64_t h) const { return static_cast<std::size_t>(h ^ (h >> 29)) & (slots_.size() - 1); }
  void grow();

  std::vector<std::uint64_t> slots_;
  std::size_t size_ = 0;
};

// A visit split across the file: its visit_id comes again after its visit closed (the window was full). Found by
// the first reading of the input; the second writes the visit as this one error (docs/batch.md, "Visits").
struct SplitVisit {
  long again_line = 0;    // the first line where the id came again
  bool reported = false;  // written as the visit's error (false at the end: the id only shared another's hash)
};
using SplitVisits = std::unordered_map<std::string, SplitVisit>;

std::string split_error(const OpenVisit& v, long again_line, std::size_t window);

// Holds at most `max_open` visits (0: no limit) in order of first appearance, handing the oldest to `close` when
// a new one needs room. Output so follows first appearance, and memory holds at most `max_open` visits.
class VisitWindow {
 public:
  // `scanning`: the first reading, which records the visits split across the window in `split`.
  VisitWindow(std::size_t max_open, SplitVisits& split, bool scanning, std::function<void(OpenVisit&)> close)
      : max_open_(max_open), split_(split), scanning_(scanning), close_(std::move(close)) {}

  // The open visit of `id`, opened at `line` (and the oldest one closed, when the window is full) if need be.
  OpenVisit& visit_for(const std::string& id, long line);
  bool empty() const { return open_.empty(); }
  void close_oldest();

 private:
  std::size_t max_open_;
  std::deque<std::unique_ptr<OpenVisit>> open_;
  std::unordered_map<std::string, OpenVisit*> by_id_;
  IdHashSet closed_;  // the visit_ids already evaluated (only when the window can close visits early)
  SplitVisits& split_;
  bool scanning_;
  std::function<void(OpenVisit&)> close_;
  OpenVisit sink_;  // where the rows of a split visit go after its visit closed
};

}  // namespace unitwise_cli::csv
