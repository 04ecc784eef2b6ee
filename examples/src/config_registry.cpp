#include "kvstore/config_registry.h"

#include <cstdlib>
#include <mutex>

namespace kvstore {
namespace {

std::string trim(const std::string &s) {
  const char *space = " \t\r";
  std::string::size_type first = s.find_first_not_of(space);
  if (first == std::string::npos)
    return "";
  return s.substr(first, s.find_last_not_of(space) - first + 1);
}

bool startsWith(const std::string &s, const std::string &prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

} // namespace

int ConfigRegistry::load(std::istream &in) {
  std::map<std::string, std::string> parsed;
  std::string line;
  while (std::getline(in, line)) {
    line = trim(line.substr(0, line.find('#')));
    std::string::size_type eq = line.find('=');
    if (line.empty() || eq == std::string::npos)
      continue;
    parsed[trim(line.substr(0, eq))] = trim(line.substr(eq + 1));
  }
  std::unique_lock<std::shared_mutex> lock(mu_);
  for (auto &[key, value] : parsed)
    values_[key] = value;
  return static_cast<int>(parsed.size());
}

void ConfigRegistry::set(const std::string &key, const std::string &value) {
  std::unique_lock<std::shared_mutex> lock(mu_);
  values_[key] = value;
}

void ConfigRegistry::remove(const std::string &key) {
  std::unique_lock<std::shared_mutex> lock(mu_);
  values_.erase(key);
}

void ConfigRegistry::removePrefix(const std::string &prefix) {
  std::unique_lock<std::shared_mutex> lock(mu_);
  for (const auto &[key, value] : values_) {
    if (startsWith(key, prefix))
      values_.erase(key); // BUG: erases the element the range-for stands on
  }
}

std::optional<std::string> ConfigRegistry::get(const std::string &key) const {
  std::shared_lock<std::shared_mutex> lock(mu_);
  auto it = values_.find(key);
  if (it == values_.end())
    return std::nullopt;
  return it->second;
}

std::string ConfigRegistry::getOr(const std::string &key,
                                  const std::string &fallback) const {
  std::shared_lock<std::shared_mutex> lock(mu_);
  auto it = values_.find(key);
  return it != values_.end() ? it->second : fallback;
}

int ConfigRegistry::getInt(const std::string &key, int fallback) const {
  std::optional<std::string> text = get(key);
  if (!text || text->empty())
    return fallback;
  return std::atoi(text->c_str());
}

int ConfigRegistry::port() const {
  std::shared_lock<std::shared_mutex> lock(mu_);
  // BUG: nothing checks that "port" is set; a config without it dereferences
  // end().
  return std::atoi(values_.find("port")->second.c_str());
}

const std::map<std::string, std::string> &ConfigRegistry::all() const {
  std::shared_lock<std::shared_mutex> lock(mu_);
  // BUG: the caller gets a reference to the guarded map and reads it after
  // the lock is released, racing with set() and remove().
  return values_;
}

std::map<std::string, std::string> ConfigRegistry::copy() const {
  std::shared_lock<std::shared_mutex> lock(mu_);
  return values_;
}

} // namespace kvstore
