// A stand-in for folly/SharedMutex.h: the holders the tests use.
#pragma once
namespace folly {
template <bool ReaderPriority> class SharedMutexImpl {
public:
  void lock();
  void unlock();
  void lock_shared();
  void unlock_shared();
  class ReadHolder {
  public:
    explicit ReadHolder(SharedMutexImpl &);
    ~ReadHolder();
  };
  class WriteHolder {
  public:
    explicit WriteHolder(SharedMutexImpl &);
    ~WriteHolder();
  };
};
using SharedMutex = SharedMutexImpl<false>;
} // namespace folly
