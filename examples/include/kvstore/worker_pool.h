// A fixed-size pool of worker threads draining a task queue.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace kvstore {

class WorkerPool {
public:
  explicit WorkerPool(std::size_t threads);
  ~WorkerPool();
  WorkerPool(const WorkerPool &) = delete;
  WorkerPool &operator=(const WorkerPool &) = delete;

  // Queues a task; it runs on one of the workers, concurrently with the
  // caller and with other tasks.
  void submit(std::function<void()> task);

  // Blocks until every queued task has finished.
  void drain();

private:
  void workerLoop();

  std::mutex mu_;
  std::condition_variable wake_;
  std::condition_variable idle_;
  std::deque<std::function<void()>> queue_;
  std::size_t running_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

} // namespace kvstore
