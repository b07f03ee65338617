// Working lists of the rules (codes of a visit, a pool's minutes): a visit has a handful of services, so the
// first N elements live inline and a typical evaluation allocates nothing for them; more spill to the heap.
#pragma once

#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>
#include <vector>

namespace unitwise {

template <class T, std::size_t N = 8>
class SmallVector {
  static_assert(std::is_trivially_copyable_v<T>, "elements are copied as bytes when they spill");

 public:
  void push_back(const T& v) {
    if (spill_.empty() && size_ < N) {
      inline_[size_++] = v;
      return;
    }
    if (spill_.empty()) spill_.assign(inline_.begin(), inline_.begin() + static_cast<std::ptrdiff_t>(size_));
    spill_.push_back(v);
    ++size_;
  }
  template <class... Args>
  void emplace_back(Args&&... args) {
    push_back(T{std::forward<Args>(args)...});
  }
  void clear() {
    size_ = 0;
    spill_.clear();
  }
  T* begin() { return spill_.empty() ? inline_.data() : spill_.data(); }
  T* end() { return begin() + size_; }
  const T* begin() const { return spill_.empty() ? inline_.data() : spill_.data(); }
  const T* end() const { return begin() + size_; }
  T& operator[](std::size_t i) { return begin()[i]; }
  const T& operator[](std::size_t i) const { return begin()[i]; }
  T& front() { return *begin(); }
  const T& front() const { return *begin(); }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

 private:
  std::array<T, N> inline_{};
  std::vector<T> spill_;
  std::size_t size_ = 0;
};

}  // namespace unitwise
