// A stand-in for absl/synchronization/mutex.h: just the declarations the
// tests use.
#pragma once
namespace absl {
class Mutex {
public:
  void Lock();
  void Unlock();
  void ReaderLock();
  void ReaderUnlock();
};
class MutexLock {
public:
  explicit MutexLock(Mutex *mu);
  ~MutexLock();
};
class ReaderMutexLock {
public:
  explicit ReaderMutexLock(Mutex *mu);
  ~ReaderMutexLock();
};
class WriterMutexLock {
public:
  explicit WriterMutexLock(Mutex *mu);
  ~WriterMutexLock();
};
template <class K, class V> class flat_hash_map {
public:
  V &operator[](const K &);
  void erase(const K &);
  unsigned long size() const;
  int count(const K &) const;
};
} // namespace absl
