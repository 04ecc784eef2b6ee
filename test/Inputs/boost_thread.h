// A stand-in for the parts of Boost.Thread the tests use.
#pragma once
namespace boost {
class shared_mutex {
public:
  void lock();
  void unlock();
  void lock_shared();
  void unlock_shared();
};
class mutex {
public:
  void lock();
  void unlock();
};
template <class M> class shared_lock {
public:
  explicit shared_lock(M &);
  ~shared_lock();
};
template <class M> class unique_lock {
public:
  explicit unique_lock(M &);
  ~unique_lock();
};
template <class M> class lock_guard {
public:
  explicit lock_guard(M &);
  ~lock_guard();
};
namespace asio {
class io_context {};
template <class F> void post(io_context &, F &&f) { (void)f; }
} // namespace asio
} // namespace boost
