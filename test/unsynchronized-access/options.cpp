// RUN: %check_clang_tidy %s mapsafety-unsynchronized-access %t -- \
// RUN:   -config="{CheckOptions: {mapsafety-unsynchronized-access.ThreadEntryFunctions: 'ThreadPool::submit;boost::asio::post', mapsafety-unsynchronized-access.ContainerTypes: 'util::Table=ordered', mapsafety-unsynchronized-access.MutatingMethods: 'Put;Remove'}}" \
// RUN:   -- -I %S/../Inputs
// Thread pools and project containers configured by options.
#include "boost_thread.h"
#include <functional>
#include <map>
#include <string>

class ThreadPool {
public:
  void submit(std::function<void()> task);
};

namespace util {
template <class K, class V> class Table {
public:
  void Put(const K &, const V &);
  void Remove(const K &);
  bool Has(const K &) const;
};
} // namespace util

// Pool tasks run concurrently with each other.
void countAll(ThreadPool &pool, const std::string &word) {
  static std::map<std::string, int> counts;
  pool.submit([&word] { counts[word]++; });
// CHECK-NOTES: :[[@LINE-1]]:25: warning: 'counts' is modified while another thread may modify it, with no common mutex held [mapsafety-unsynchronized-access]
// CHECK-NOTES: :[[@LINE-2]]:8: note: task submitted here; tasks run concurrently with each other
// CHECK-NOTES: :[[@LINE-3]]:25: note: no mutex held here
}

// boost::asio::post, and a project map type with its own mutating methods.
static util::Table<int, int> g_table;
void schedule(boost::asio::io_context &io) {
  boost::asio::post(io, [] { g_table.Put(1, 2); });
// CHECK-NOTES: :[[@LINE-1]]:38: warning: 'g_table' is modified while another thread may modify it, with no common mutex held [mapsafety-unsynchronized-access]
// CHECK-NOTES: :[[@LINE-2]]:3: note: task submitted here; tasks run concurrently with each other
// CHECK-NOTES: :[[@LINE-3]]:38: note: no mutex held here
  (void)g_table.Has(1);
}
