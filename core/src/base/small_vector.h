// Working lists of the rules (codes of a visit, a pool's minutes): a visit has a handful of services, so the
// first N elements live inline and a typical evaluation allocates nothing for them; more spill to the heap.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

namespace unitwise {

template <class T, std::size_t N = 8>
class SmallVector {
  static_assert(std::is_trivially_copyable_v<T>, "elements are copied as bytes when they spill");

 public:
  SmallVector() = default;
  // Copies only the elements there are: the inline storage is left uninitialised, not zeroed, on purpose.
  SmallVector(const SmallVector& other) : spill_(other.spill_), size_(other.size_) {
    if (spill_.empty()) std::memcpy(storage_, other.storage_, size_ * sizeof(T));
  }
  SmallVector& operator=(const SmallVector& other) {
    if (this != &other) {
      spill_ = other.spill_;
      size_ = other.size_;
      if (spill_.empty()) std::memcpy(storage_, other.storage_, size_ * sizeof(T));
    }
    return *this;
  }

  void push_back(const T& v) {
    if (spill_.empty() && size_ < N) {
      new (inline_data() + size_) T(v);
      ++size_;
      return;
    }
    if (spill_.empty()) spill_.assign(inline_data(), inline_data() + size_);
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
  void resize(std::size_t n) {
    if (n < size_) {
      if (!spill_.empty()) spill_.resize(n);
      size_ = n;
    }
    while (size_ < n) push_back(T{});
  }
  void reserve(std::size_t) {}  // the inline capacity is fixed; past it the list grows as a vector does
  T* begin() { return spill_.empty() ? inline_data() : spill_.data(); }
  T* end() { return begin() + size_; }
  const T* begin() const { return spill_.empty() ? inline_data() : spill_.data(); }
  const T* end() const { return begin() + size_; }
  T& operator[](std::size_t i) { return begin()[i]; }
  const T& operator[](std::size_t i) const { return begin()[i]; }
  T& front() { return *begin(); }
  const T& front() const { return *begin(); }
  std::size_t size() const { return size_; }
  friend bool operator==(const SmallVector& a, const std::vector<T>& b) {
    return a.size_ == b.size() && std::equal(a.begin(), a.end(), b.begin());
  }
  bool empty() const { return size_ == 0; }

 private:
  T* inline_data() { return reinterpret_cast<T*>(storage_); }
  const T* inline_data() const { return reinterpret_cast<const T*>(storage_); }

  alignas(T) unsigned char storage_[N * sizeof(T)];
  std::vector<T> spill_;
  std::size_t size_ = 0;
};

}  // namespace unitwise
