// Open client sessions by id. Owned by the connection acceptor: only its
// thread touches the table, so it has no lock.
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace kvstore {

using Clock = std::chrono::steady_clock;

struct Session {
  int id = 0;
  std::string user;
  Clock::time_point lastSeen;
  std::size_t requests = 0;
};

class SessionTable {
public:
  int open(const std::string &user, Clock::time_point now);
  // Records a request on the session; false if there is no such session.
  bool touch(int id, Clock::time_point now);
  void close(int id);

  // Closes the sessions idle for longer than maxIdle; returns how many.
  std::size_t expireIdle(Clock::time_point now, std::chrono::seconds maxIdle);
  // Closes every session of the user.
  void closeUser(const std::string &user);
  // Closes the sessions that made no request at all.
  std::size_t closeUnused();

  std::vector<int> sessionsOf(const std::string &user) const;
  std::size_t size() const { return sessions_.size(); }

private:
  std::map<int, Session> sessions_;
  int nextId_ = 1;
};

} // namespace kvstore
