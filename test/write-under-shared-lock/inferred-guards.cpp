// RUN: %check_clang_tidy %s mapsafety-write-under-shared-lock %t
// A project's own reader-lock class, whose constructor calls lock_shared()
// and whose destructor unlock_shared(), takes a shared lock: a write in its
// scope is reported. Its writer counterpart takes the exclusive lock.
#include <map>
#include <shared_mutex>
#include <string>

namespace util {
class ReaderLock {
public:
  explicit ReaderLock(std::shared_mutex &mu) : mu_(mu) { mu_.lock_shared(); }
  ~ReaderLock() { mu_.unlock_shared(); }

private:
  std::shared_mutex &mu_;
};

class WriterLock {
public:
  explicit WriterLock(std::shared_mutex *mu) : mu_(mu) { mu_->lock(); }
  ~WriterLock() { mu_->unlock(); }

private:
  std::shared_mutex *mu_;
};
} // namespace util

class Registry {
public:
  int get(const std::string &name) {
    util::ReaderLock lock(mu_);
    return ids_[name];
// CHECK-NOTES: :[[@LINE-1]]:12: warning: 'operator[]' may insert into 'ids_' while only a shared lock is held [mapsafety-write-under-shared-lock]
// CHECK-NOTES: :[[@LINE-3]]:22: note: shared lock on 'mu_' acquired here
  }
  bool has(const std::string &name) const {
    util::ReaderLock lock(mu_);
    return ids_.count(name) != 0;
  }
  void add(const std::string &name, int id) {
    util::WriterLock lock(&mu_);
    ids_[name] = id;
  }

private:
  mutable std::shared_mutex mu_;
  std::map<std::string, int> ids_;
};

// A reader lock that a callee may upgrade to the writer lock (reduced from
// a regular-expression engine's state cache): which lock is held after the
// call is not known here, so the class is not taken for a reader guard.
class UpgradableMutex {
public:
  void ReaderLock();
  void ReaderUnlock();
  void WriterLock();
  void WriterUnlock();
};

class StateCache {
  class RWLocker {
  public:
    explicit RWLocker(UpgradableMutex *mu) : mu_(mu), writing_(false) {
      mu_->ReaderLock();
    }
    ~RWLocker() {
      if (!writing_)
        mu_->ReaderUnlock();
      else
        mu_->WriterUnlock();
    }
    void LockForWriting() {
      if (!writing_) {
        mu_->ReaderUnlock();
        mu_->WriterLock();
        writing_ = true;
      }
    }

  private:
    UpgradableMutex *mu_;
    bool writing_;
  };

  void resetCache(RWLocker *lock) {
    lock->LockForWriting();
    states_.clear();
  }

public:
  bool search(int budget) {
    RWLocker l(&cacheMutex_);
    if (budget < 0)
      resetCache(&l);
    return states_.count(budget) != 0;
  }

private:
  UpgradableMutex cacheMutex_;
  std::map<int, int> states_;
};
