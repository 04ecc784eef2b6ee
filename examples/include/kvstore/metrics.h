// Request counters and latency histograms, printed periodically by a
// background reporter thread.
#pragma once

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>

namespace kvstore {

struct Histogram {
  long count = 0;
  double sum = 0;
  double max = 0;

  void add(double value) {
    ++count;
    sum += value;
    if (value > max)
      max = value;
  }
};

class Metrics {
public:
  Metrics();
  ~Metrics();
  Metrics(const Metrics &) = delete;
  Metrics &operator=(const Metrics &) = delete;

  void increment(const std::string &name, long by = 1);
  void observeLatency(const std::string &operation, double millis);
  // A copy of the counters, safe to use without a lock.
  std::map<std::string, long> snapshot() const;

  // Prints and resets the counters every period until stopReporter().
  void startReporter(std::chrono::milliseconds period, std::ostream &out);
  void stopReporter();

private:
  void reportLoop(std::chrono::milliseconds period, std::ostream &out);

  mutable std::mutex mu_;
  std::map<std::string, long> counters_;
  std::map<std::string, Histogram> *latencies_;
  std::atomic<bool> stop_{false};
  std::thread reporter_;
};

} // namespace kvstore
