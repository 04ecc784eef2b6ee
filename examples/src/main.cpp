// kvserver: a load simulation of the key-value service. Client threads read
// through the cache while the acceptor thread (main) manages sessions.
#include "kvstore/cache.h"
#include "kvstore/config_registry.h"
#include "kvstore/metrics.h"
#include "kvstore/session_table.h"
#include "kvstore/worker_pool.h"

#include <chrono>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using namespace kvstore;

namespace {

const char *const Defaults = R"(# kvserver defaults
port = 7070
cache.capacity = 64
cache.prefetch = 8
clients = 4
requests_per_client = 200
)";

std::optional<std::string> loadFromBackend(const std::string &key) {
  // Stands in for a database read.
  std::this_thread::sleep_for(std::chrono::microseconds(50));
  if (key.size() > 8)
    return std::nullopt;
  return "value-of-" + key;
}

void runClient(int client, int requests, Cache &cache, Metrics &metrics) {
  for (int i = 0; i < requests; ++i) {
    std::string key = "k" + std::to_string((client * 7 + i * 13) % 97);
    auto start = Clock::now();
    bool hit = cache.get(key).has_value();
    if (!hit)
      cache.getOrLoad(key);
    metrics.increment(hit ? "cache.hit" : "cache.miss");
    std::chrono::duration<double, std::milli> took = Clock::now() - start;
    if (took.count() > 100)
      metrics.increment("slow_requests");
  }
}

} // namespace

int main() {
  ConfigRegistry config;
  std::istringstream defaults(Defaults);
  config.load(defaults);

  WorkerPool pool(2);
  Metrics metrics;
  Cache cache(config.getInt("cache.capacity", 64), pool, loadFromBackend);

  std::vector<std::string> warm;
  for (int i = 0; i < config.getInt("cache.prefetch", 0); ++i)
    warm.push_back("k" + std::to_string(i));
  cache.prefetch(warm);
  pool.drain();

  metrics.startReporter(std::chrono::milliseconds(200), std::cout);

  SessionTable sessions;
  int clients = config.getInt("clients", 4);
  int requests = config.getInt("requests_per_client", 100);
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c) {
    sessions.open("user" + std::to_string(c % 2), Clock::now());
    threads.emplace_back(runClient, c, requests, std::ref(cache),
                         std::ref(metrics));
  }
  for (std::thread &t : threads)
    t.join();
  metrics.stopReporter();

  sessions.closeUnused();
  sessions.expireIdle(Clock::now(), std::chrono::seconds(30));
  sessions.closeUser("user1");

  std::cout << "listening on port " << config.port() << " with "
            << config.all().size() << " settings\n";
  for (const auto &[key, hits] : cache.hottest(3))
    std::cout << "hot key " << key << ": " << hits << " hits\n";
  std::cout << cache.size() << " cached, " << sessions.size()
            << " sessions open\n";
  return 0;
}
