#include "kvstore/session_table.h"

namespace kvstore {

int SessionTable::open(const std::string &user, Clock::time_point now) {
  int id = nextId_++;
  Session &s = sessions_[id];
  s.id = id;
  s.user = user;
  s.lastSeen = now;
  return id;
}

bool SessionTable::touch(int id, Clock::time_point now) {
  auto it = sessions_.find(id);
  if (it == sessions_.end())
    return false;
  it->second.lastSeen = now;
  ++it->second.requests;
  return true;
}

void SessionTable::close(int id) { sessions_.erase(id); }

std::size_t SessionTable::expireIdle(Clock::time_point now,
                                     std::chrono::seconds maxIdle) {
  std::size_t expired = 0;
  for (const auto &[id, session] : sessions_) {
    if (now - session.lastSeen > maxIdle) {
      // BUG: close() erases the element the loop is standing on; the loop's
      // iterator is invalidated and incrementing it is undefined behaviour.
      close(id);
      ++expired;
    }
  }
  return expired;
}

void SessionTable::closeUser(const std::string &user) {
  for (auto it = sessions_.begin(); it != sessions_.end(); ++it) {
    if (it->second.user == user)
      sessions_.erase(it); // BUG: 'it' is invalid now, and the loop increments it
  }
}

std::size_t SessionTable::closeUnused() {
  std::size_t closed = 0;
  for (auto it = sessions_.begin(); it != sessions_.end();) {
    if (it->second.requests == 0) {
      it = sessions_.erase(it);
      ++closed;
    } else {
      ++it;
    }
  }
  return closed;
}

std::vector<int> SessionTable::sessionsOf(const std::string &user) const {
  std::vector<int> ids;
  for (const auto &[id, session] : sessions_)
    if (session.user == user)
      ids.push_back(id);
  return ids;
}

} // namespace kvstore
