// The open-visit window (docs/batch.md, "Memory"): visits open in order of first appearance and close oldest first.
#include "window.h"

#include "fill_message.h"

#include <utility>

namespace unitwise_cli::csv {

std::uint64_t IdHashSet::hash(std::string_view id) {
  const std::uint64_t h = std::hash<std::string_view>{}(id);
  return h == 0 ? 1 : h;  // 0 marks an empty slot
}

bool IdHashSet::contains(std::uint64_t h) const {
  if (slots_.empty()) return false;
  for (std::size_t i = slot(h);; i = (i + 1) & (slots_.size() - 1)) {
    if (slots_[i] == h) return true;
    if (slots_[i] == 0) return false;
  }
}

void IdHashSet::insert(std::uint64_t h) {
  if (2 * (size_ + 1) > slots_.size()) grow();
  std::size_t i = slot(h);
  while (slots_[i] != 0 && slots_[i] != h) i = (i + 1) & (slots_.size() - 1);
  if (slots_[i] == 0) ++size_;
  slots_[i] = h;
}

void IdHashSet::grow() {
  std::vector<std::uint64_t> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : 2 * old.size(), 0);
  size_ = 0;
  for (const std::uint64_t h : old) {
    if (h != 0) insert(h);
  }
}

std::string split_error(const OpenVisit& v, long again_line, std::size_t window) {
  return fill_message(kSplitVisitMessage, {{"first_line", std::to_string(v.first_line)},
                                           {"id", v.id},
                                           {"again_line", std::to_string(again_line)},
                                           {"window", std::to_string(window)}});
}

OpenVisit& VisitWindow::visit_for(const std::string& id, long line) {
  if (!id.empty()) {
    const auto it = by_id_.find(id);
    if (it != by_id_.end()) return *it->second;
    if (closed_.contains(IdHashSet::hash(id))) {  // a visit split across the file: its rows are read into nothing
      if (scanning_) split_.try_emplace(id, SplitVisit{line});
      sink_ = OpenVisit{};
      return sink_;
    }
  }
  if (max_open_ > 0) {
    while (open_.size() >= max_open_) close_oldest();
  }
  auto v = std::make_unique<OpenVisit>();
  v->id = id;
  v->first_line = line;
  v->keyed = !id.empty();
  if (v->keyed) by_id_[id] = v.get();
  open_.push_back(std::move(v));
  return *open_.back();
}

void VisitWindow::close_oldest() {
  std::unique_ptr<OpenVisit> v = std::move(open_.front());
  open_.pop_front();
  if (v->keyed) {
    by_id_.erase(v->id);
    if (max_open_ > 0) closed_.insert(IdHashSet::hash(v->id));
  }
  close_(*v);
}

}  // namespace unitwise_cli::csv
