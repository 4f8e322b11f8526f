// A vector whose resize() leaves new elements of trivial types uninitialized: the buffers the
// pipeline sizes up front and then fills would otherwise be zeroed first for nothing.
#ifndef VNEXTRACT_UTIL_UNINITIALIZED_VECTOR_H_
#define VNEXTRACT_UTIL_UNINITIALIZED_VECTOR_H_

#include <memory>
#include <type_traits>
#include <vector>

namespace vnextract::internal {

template <typename T, typename A = std::allocator<T>>
class DefaultInitAllocator : public A {
  using Traits = std::allocator_traits<A>;

 public:
  template <typename U>
  struct rebind {
    using other = DefaultInitAllocator<U, typename Traits::template rebind_alloc<U>>;
  };
  using A::A;

  template <typename U>
  void construct(U* p) noexcept(std::is_nothrow_default_constructible_v<U>) {
    ::new (static_cast<void*>(p)) U;  // default-initialized: no zeroing for trivial types
  }
  template <typename U, typename... Args>
  void construct(U* p, Args&&... args) {
    Traits::construct(static_cast<A&>(*this), p, std::forward<Args>(args)...);
  }
};

template <typename T>
using UninitializedVector = std::vector<T, DefaultInitAllocator<T>>;

}  // namespace vnextract::internal

#endif  // VNEXTRACT_UTIL_UNINITIALIZED_VECTOR_H_
