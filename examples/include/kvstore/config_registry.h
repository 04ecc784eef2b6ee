// Runtime configuration: "key = value" settings, read by every thread,
// changed by the admin interface.
#pragma once

#include <istream>
#include <map>
#include <optional>
#include <shared_mutex>
#include <string>

namespace kvstore {

class ConfigRegistry {
public:
  // Reads "key = value" lines; '#' starts a comment. Returns the number of
  // settings read.
  int load(std::istream &in);
  void set(const std::string &key, const std::string &value);
  void remove(const std::string &key);
  // Removes every setting whose key starts with prefix ("cache." ...).
  void removePrefix(const std::string &prefix);

  std::optional<std::string> get(const std::string &key) const;
  std::string getOr(const std::string &key, const std::string &fallback) const;
  int getInt(const std::string &key, int fallback) const;
  // The port to listen on; "port" is always set by the defaults file.
  int port() const;
  // All settings, for the admin page.
  const std::map<std::string, std::string> &all() const;
  std::map<std::string, std::string> copy() const;

private:
  mutable std::shared_mutex mu_;
  std::map<std::string, std::string> values_;
};

} // namespace kvstore
