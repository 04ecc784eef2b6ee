// A bounded read-through cache shared by all request threads. Misses are
// filled by a loader; prefetches run on the worker pool.
#pragma once

#include "kvstore/worker_pool.h"

#include <cstddef>
#include <functional>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace kvstore {

class Cache {
public:
  using Loader = std::function<std::optional<std::string>(const std::string &)>;

  Cache(std::size_t capacity, WorkerPool &pool, Loader loader);

  // The cached value, or nullopt on a miss. Many readers at a time.
  std::optional<std::string> get(const std::string &key);
  // The cached value, loading (and caching) it on a miss.
  std::optional<std::string> getOrLoad(const std::string &key);
  void put(const std::string &key, std::string value);
  bool erase(const std::string &key);
  // Loads the keys in the background on the worker pool.
  void prefetch(const std::vector<std::string> &keys);

  // The n most frequently read keys with their hit counts, hottest first.
  std::vector<std::pair<std::string, std::size_t>> hottest(std::size_t n) const;
  std::size_t size() const;

private:
  // Drops the least-read entry. Needs mu_ held exclusively.
  void evictColdestLocked();

  mutable std::shared_mutex mu_;
  std::unordered_map<std::string, std::string> entries_;
  std::unordered_map<std::string, std::size_t> hits_;
  const std::size_t capacity_;
  WorkerPool &pool_;
  Loader loader_;
};

} // namespace kvstore
