#include "kvstore/cache.h"

#include <algorithm>
#include <mutex>

namespace kvstore {

Cache::Cache(std::size_t capacity, WorkerPool &pool, Loader loader)
    : capacity_(capacity == 0 ? 1 : capacity), pool_(pool),
      loader_(std::move(loader)) {}

std::optional<std::string> Cache::get(const std::string &key) {
  std::shared_lock<std::shared_mutex> lock(mu_);
  auto it = entries_.find(key);
  if (it == entries_.end())
    return std::nullopt;
  // BUG: operator[] inserts the counter on a key's first hit. That is a write
  // to hits_ made under the reader lock, so two readers can insert at once.
  ++hits_[key];
  return it->second;
}

std::optional<std::string> Cache::getOrLoad(const std::string &key) {
  if (std::optional<std::string> cached = get(key))
    return cached;
  std::optional<std::string> loaded = loader_(key);
  if (loaded)
    put(key, *loaded);
  return loaded;
}

void Cache::put(const std::string &key, std::string value) {
  std::unique_lock<std::shared_mutex> lock(mu_);
  auto it = entries_.find(key);
  if (it != entries_.end()) {
    it->second = std::move(value);
    return;
  }
  if (entries_.size() >= capacity_)
    evictColdestLocked();
  entries_.emplace(key, std::move(value));
}

bool Cache::erase(const std::string &key) {
  std::unique_lock<std::shared_mutex> lock(mu_);
  hits_.erase(key);
  return entries_.erase(key) != 0;
}

void Cache::prefetch(const std::vector<std::string> &keys) {
  for (const std::string &key : keys) {
    pool_.submit([this, key] {
      std::optional<std::string> value = loader_(key);
      if (!value)
        return;
      std::unique_lock<std::shared_mutex> lock(mu_);
      if (entries_.size() >= capacity_ && entries_.count(key) == 0)
        evictColdestLocked();
      entries_[key] = std::move(*value);
    });
  }
}

std::vector<std::pair<std::string, std::size_t>>
Cache::hottest(std::size_t n) const {
  std::vector<std::pair<std::string, std::size_t>> result;
  {
    std::shared_lock<std::shared_mutex> lock(mu_);
    result.assign(hits_.begin(), hits_.end());
  }
  std::sort(result.begin(), result.end(),
            [](const auto &a, const auto &b) { return a.second > b.second; });
  if (result.size() > n)
    result.resize(n);
  return result;
}

std::size_t Cache::size() const {
  std::shared_lock<std::shared_mutex> lock(mu_);
  return entries_.size();
}

void Cache::evictColdestLocked() {
  auto coldest = entries_.end();
  std::size_t fewest = 0;
  for (auto it = entries_.begin(); it != entries_.end(); ++it) {
    auto hit = hits_.find(it->first);
    std::size_t count = hit == hits_.end() ? 0 : hit->second;
    if (coldest == entries_.end() || count < fewest) {
      coldest = it;
      fewest = count;
    }
  }
  if (coldest == entries_.end())
    return;
  hits_.erase(coldest->first);
  entries_.erase(coldest);
}

} // namespace kvstore
