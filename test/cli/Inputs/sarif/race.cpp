#include <map>
#include <string>
#include <thread>

class Counters {
  std::map<std::string, int> counts_;
  std::thread flusher_;

public:
  void add(const std::string &name) { counts_[name] += 1; }
  void start() {
    flusher_ = std::thread([this] { counts_.clear(); });
  }
};
