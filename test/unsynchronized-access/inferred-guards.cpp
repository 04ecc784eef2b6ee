// RUN: %check_clang_tidy %s mapsafety-unsynchronized-access %t
// A project's own RAII lock class, whose constructor locks the mutex it is
// given and whose destructor unlocks it, is a guard without being named in
// LockGuardTypes: accesses in its scope hold the mutex, as under the
// std::lock_guard used elsewhere in the class. Reduced from a
// messaging library's context, which guards its slot tables with a
// hand-written scoped_lock_t over a pthread mutex wrapper.
#include <map>
#include <mutex>
#include <pthread.h>
#include <vector>

namespace msg {
class mutex_t {
public:
  mutex_t() { pthread_mutex_init(&mutex_, nullptr); }
  ~mutex_t() { pthread_mutex_destroy(&mutex_); }
  void lock() { pthread_mutex_lock(&mutex_); }
  void unlock() { pthread_mutex_unlock(&mutex_); }

private:
  pthread_mutex_t mutex_;
};

struct scoped_lock_t {
  scoped_lock_t(mutex_t &mutex) : mutex_(mutex) { mutex_.lock(); }
  ~scoped_lock_t() { mutex_.unlock(); }

private:
  mutex_t &mutex_;
};

// Locks only when given a mutex.
struct scoped_optional_lock_t {
  scoped_optional_lock_t(mutex_t *mutex) : mutex_(mutex) {
    if (mutex_)
      mutex_->lock();
  }
  ~scoped_optional_lock_t() {
    if (mutex_)
      mutex_->unlock();
  }

private:
  mutex_t *mutex_;
};

// Declared here, defined elsewhere: what it does is not seen.
struct opaque_lock_t {
  explicit opaque_lock_t(mutex_t &mutex);
  ~opaque_lock_t();
};
} // namespace msg

class Context {
public:
  int createSocket() {
    std::lock_guard<msg::mutex_t> locker(slotSync_);
    if (emptySlots_.empty())
      return -1;
    int slot = emptySlots_.back();
    emptySlots_.pop_back();
    sockets_[slot] = 1;
    return slot;
  }
  void destroySocket(int slot) {
    msg::scoped_lock_t locker(slotSync_);
    emptySlots_.push_back(slot);
    sockets_.erase(slot);
  }
  void closeAll() {
    msg::scoped_optional_lock_t locker(&slotSync_);
    sockets_.clear();
  }
  int count() {
    std::lock_guard<msg::mutex_t> locker(slotSync_);
    return static_cast<int>(sockets_.size());
  }
  // The lock class's bodies are not visible: not taken for a guard.
  void reclaim(int slot) {
    msg::opaque_lock_t locker(slotSync_);
    emptySlots_.push_back(slot);
  }
// CHECK-NOTES: :[[@LINE-2]]:17: warning: 'emptySlots_' is modified without holding 'slotSync_', which guards it elsewhere [mapsafety-unsynchronized-access]
// CHECK-NOTES: :[[@LINE-26]]:21: note: 'emptySlots_' is guarded by 'slotSync_' in 4 of 5 accesses
// CHECK-NOTES: :[[@LINE-4]]:17: note: no mutex held here

private:
  msg::mutex_t slotSync_;
  std::vector<int> emptySlots_;
  std::map<int, int> sockets_;
};
