// operator new and delete for the wasm module: blocks up to 1 KB come from free lists, one per 16-byte size class.
// A visit allocates about 60 blocks (trace lines, messages, result vectors; libc++'s strings keep only 10 chars
// inline on wasm32), and malloc with free cost several times a list push and pop there (docs/performance.md).
// Freed blocks stay on their list for the next call, so the module keeps what its largest visit needed; larger
// blocks go to malloc and back. Single-threaded, as the module is.
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <new>

namespace {

constexpr std::size_t kHeader = 16;  // keeps malloc's alignment for what follows it
constexpr std::size_t kStep = 16;
constexpr std::size_t kClasses = 1024 / kStep;  // classes 1..64; 0 marks a block from malloc

struct FreeBlock {
  FreeBlock* next;
};
FreeBlock* free_lists[kClasses + 1];

// All three out of line: under LTO they would otherwise be inlined into every new and delete (+11 KB gzip).
// Null only when malloc fails; operator new aborts then, as libc++'s own ends there (no exceptions are caught).
[[gnu::noinline]] void* allocate_or_null(std::size_t size) noexcept {
  const std::size_t size_class = size <= kClasses * kStep ? (size + kStep - 1) / kStep : 0;
  void* base = nullptr;
  if (size_class != 0 && free_lists[size_class] != nullptr) {
    FreeBlock* block = free_lists[size_class];
    free_lists[size_class] = block->next;
    base = reinterpret_cast<unsigned char*>(block) - kHeader;
  } else {
    const std::size_t room = size_class != 0 ? size_class * kStep : size;
    base = std::malloc(kHeader + (room == 0 ? 1 : room));
    if (base == nullptr) return nullptr;
    std::memcpy(base, &size_class, sizeof size_class);
  }
  return static_cast<unsigned char*>(base) + kHeader;
}

[[gnu::noinline]] void release(void* p) noexcept {
  if (p == nullptr) return;
  unsigned char* base = static_cast<unsigned char*>(p) - kHeader;
  std::size_t size_class;
  std::memcpy(&size_class, base, sizeof size_class);
  if (size_class == 0) return std::free(base);
  auto* block = static_cast<FreeBlock*>(p);
  block->next = free_lists[size_class];
  free_lists[size_class] = block;
}

[[gnu::noinline]] void* allocate(std::size_t size) {
  void* p = allocate_or_null(size);
  if (p == nullptr) std::abort();
  return p;
}

}  // namespace

// Every replaceable form but the aligned ones (which keep libc++'s own pair), so that no block from one allocator
// is ever given back to the other, whichever form a library uses (stable_sort's buffer is a nothrow new).
void* operator new(std::size_t size) { return allocate(size); }
void* operator new[](std::size_t size) { return allocate(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return allocate_or_null(size); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return allocate_or_null(size); }
void operator delete(void* p) noexcept { release(p); }
void operator delete[](void* p) noexcept { release(p); }
void operator delete(void* p, std::size_t) noexcept { release(p); }
void operator delete[](void* p, std::size_t) noexcept { release(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { release(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { release(p); }
