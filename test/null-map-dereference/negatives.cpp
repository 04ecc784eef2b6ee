// RUN: %check_clang_tidy %s mapsafety-null-map-dereference %t
// Checked in every spelling, created lazily, set from constructors,
// factories and addresses, or simply unknown: silent.
#include <cassert>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>

#define MS_CHECK(cond)                                                         \
  do {                                                                         \
    if (!(cond))                                                               \
      std::abort();                                                            \
  } while (0)

using Map = std::map<int, int>;
static Map g_map, g_other;
Map *lookup(int id);                 // unknown: not null
std::unique_ptr<Map> makeMap();      // unknown: not null
Map *next();
void fill(Map &m);
void init(std::unique_ptr<Map> &m);

Map *findOrNull(int id) { return id ? &g_map : nullptr; }
Map *alwaysSome(int id) { return id ? &g_map : &g_other; }

void ifChecked(bool b) {
  Map *p = nullptr;
  if (b)
    p = &g_map;
  if (p)
    (*p)[1] = 1;
  if (p != nullptr)
    p->clear();
  if (nullptr != p)
    p->clear();
  if (p && p->empty())
    return;
}

void earlyExits(bool b) {
  Map *p = b ? &g_map : nullptr;
  if (!p)
    return;
  p->clear();
  std::unique_ptr<Map> up;
  if (b)
    up = std::make_unique<Map>();
  if (up == nullptr)
    throw std::runtime_error("no map");
  up->clear();
}

void asserted(bool b) {
  Map *p = nullptr;
  if (b)
    p = &g_map;
  assert(p);
  p->clear();
  Map *q = b ? &g_other : nullptr;
  MS_CHECK(q != nullptr);
  (*q)[2] = 2;
}

void lazyCreation(bool b) {
  std::unique_ptr<Map> p;
  if (!p)
    p = std::make_unique<Map>();
  (*p)[1] = 2;
  std::shared_ptr<Map> s;
  if (b)
    s = std::make_shared<Map>();
  else
    s.reset(new Map());
  s->clear();
}

void setFromEverywhere(bool b, Map &param) {
  Map *a = &param;
  Map *c = new Map();
  auto d = std::make_unique<Map>();
  auto e = std::make_shared<Map>();
  Map *f = lookup(1);
  auto g = makeMap();
  Map *h = alwaysSome(2);
  Map *i = b ? &g_map : &g_other;
  a->clear();
  c->clear();
  d->clear();
  e->clear();
  f->clear();
  g->clear();
  h->clear();
  i->clear();
  delete c;
}

void parameters(Map *p, std::unique_ptr<Map> &up, const std::shared_ptr<Map> &sp) {
  p->clear();
  up->clear();
  sp->clear();
}

void factoryChecked() {
  Map *m = findOrNull(3);
  if (m == nullptr)
    return;
  m->clear();
  if (Map *n = findOrNull(4))
    n->clear();
}

void reassignedAfterMove() {
  auto p = std::make_unique<Map>();
  auto q = std::move(p);
  p = std::make_unique<Map>();
  p->clear();
  q->clear();
}

void rawAndOptionalMovesKeepValues() {
  Map *raw = &g_map;
  Map *copy = std::move(raw);
  raw->clear();
  std::optional<Map> o = Map{};
  std::optional<Map> other = std::move(o);
  o->clear();
  copy->clear();
  other->clear();
}

void setThroughReferenceOrAddress() {
  std::unique_ptr<Map> p;
  init(p);
  p->clear();
  Map *q = nullptr;
  Map **qq = &q;
  *qq = &g_map;
  q->clear();
}

void setInLambda() {
  Map *p = nullptr;
  auto set = [&] { p = &g_map; };
  set();
  p->clear();
}

void loopUntilSet() {
  Map *p = nullptr;
  while (!p)
    p = next();
  p->clear();
  Map *q = nullptr;
  do {
    q = next();
  } while (q == nullptr);
  q->clear();
}

int everyCaseSets(int mode) {
  Map *m;
  switch (mode) {
  case 0:
    m = &g_map;
    break;
  default:
    m = &g_other;
    break;
  }
  return m->count(1);
}

void viaGet(std::unique_ptr<Map> &maybe, bool b) {
  std::unique_ptr<Map> up;
  if (b)
    up = std::make_unique<Map>();
  if (up.get() != nullptr)
    up->clear();
  if (up.get())
    fill(*up);
}

int optionals(bool present) {
  std::optional<Map> o;
  if (present)
    o.emplace();
  int n = 0;
  if (o.has_value())
    n += o->at(1);
  if (o)
    n += (*o)[2];
  if (o != std::nullopt)
    n += static_cast<int>(o->size());
  std::optional<Map> filled = Map{{1, 2}};
  n += filled->at(1);
  return n + static_cast<int>(o.value_or(Map{}).size());
}

int weakChecked(const std::weak_ptr<Map> &w) {
  if (auto sp = w.lock())
    return static_cast<int>(sp->size());
  auto other = w.lock();
  if (!other)
    return 0;
  return static_cast<int>(other->size());
}

void nestedChecked(std::map<int, std::unique_ptr<Map>> &outer,
                   std::map<int, Map *> &raw, int k) {
  auto &inner = outer[k];
  if (!inner)
    inner = std::make_unique<Map>();
  (*inner)[1] = 2;
  if (!outer.count(k + 1))
    outer[k + 1] = std::make_unique<Map>();
  (*outer[k + 1])[1] = 2;
  if (raw.find(k) == raw.end())
    raw[k] = new Map();
  (*raw[k])[3] = 4;
  outer[k + 2] = std::make_unique<Map>();
  outer[k + 2]->clear();
}

// Members set in every constructor, by a setter, or lazily.
class Owned {
public:
  explicit Owned(Map *m) : m_(m) {}
  void set(int k, int v) { (*m_)[k] = v; }

private:
  Map *m_;
};

class Lazy {
public:
  void put(int k, int v) {
    if (!cache_)
      cache_ = std::make_unique<Map>();
    (*cache_)[k] = v;
  }
  int get(int k) const {
    if (cache_ == nullptr)
      return 0;
    auto it = cache_->find(k);
    return it == cache_->end() ? 0 : it->second;
  }

private:
  std::unique_ptr<Map> cache_;
};

class InitialisedInBody {
public:
  InitialisedInBody() { table_ = std::make_unique<Map>(); }
  void add(int k) { (*table_)[k] = 1; }

private:
  std::unique_ptr<Map> table_;
};

class WithSetter {
public:
  void attach(Map *m) { target_ = m; }
  void add(int k) { (*target_)[k] = 1; }

private:
  Map *target_ = nullptr;
};

class Swapped {
public:
  void adopt(std::unique_ptr<Map> &other) { std::swap(data_, other); }
  void add(int k) { (*data_)[k] = 1; }

private:
  std::unique_ptr<Map> data_;
};

class DefinedElsewhere {
public:
  void load();                        // may set it: not defined here
  void add(int k) { (*data_)[k] = 1; }

private:
  std::unique_ptr<Map> data_;
};

class Friendly {
  friend void setUp(Friendly &);
public:
  void add(int k) { (*data_)[k] = 1; }

private:
  std::unique_ptr<Map> data_;
};

struct PublicMember {
  void add(int k) { (*data)[k] = 1; }
  std::unique_ptr<Map> data;
};

class ResetThenReinit {
public:
  void rebuild() {
    data_.reset();
    reinit();
    data_->clear();
  }
  void reinit() { data_ = std::make_unique<Map>(); }

private:
  std::unique_ptr<Map> data_ = std::make_unique<Map>();
};

class MovedThenReassigned {
public:
  std::unique_ptr<Map> take() {
    auto out = std::move(data_);
    data_ = std::make_unique<Map>();
    data_->clear();
    return out;
  }

private:
  std::unique_ptr<Map> data_ = std::make_unique<Map>();
};

template <class M> void templatedChecked(M *p) {
  if (p == nullptr)
    return;
  p->clear();
}
template void templatedChecked<Map>(Map *);
