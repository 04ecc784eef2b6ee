// A small stand-in for the parts of the C++ standard library the mapsafety
// checks know: containers, iterators, strings, smart pointers, optional,
// function, threads, futures, mutexes and lock guards. The fuzz target
// parses every input with these headers instead of the real ones
// (-nostdinc++): a real <map> costs hundreds of milliseconds per input,
// because the checks' matchers visit every declaration of the translation
// unit. Declarations only: nothing here is ever linked.
#ifndef MAPSAFETY_FUZZ_STD_H
#define MAPSAFETY_FUZZ_STD_H

#include <assert.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>

namespace std {
using ::size_t;
using ptrdiff_t = decltype((int *)0 - (int *)0);
using nullptr_t = decltype(nullptr);
using ::printf;
using ::abort;
using ::exit;
using ::malloc;
using ::free;

template <class E> class initializer_list {
  const E *b;
  size_t n;

public:
  initializer_list() noexcept;
  size_t size() const noexcept;
  const E *begin() const noexcept;
  const E *end() const noexcept;
};

template <class T> struct remove_reference { using type = T; };
template <class T> struct remove_reference<T &> { using type = T; };
template <class T> struct remove_reference<T &&> { using type = T; };
template <class T> typename remove_reference<T>::type &&move(T &&) noexcept { __builtin_unreachable(); }
template <class T> T &&forward(typename remove_reference<T>::type &) noexcept { __builtin_unreachable(); }
template <class T> T &&forward(typename remove_reference<T>::type &&) noexcept { __builtin_unreachable(); }
template <class T> T &&declval() noexcept { __builtin_unreachable(); }
template <class T> void swap(T &, T &) noexcept { __builtin_unreachable(); }
template <class T> const T &min(const T &, const T &) { __builtin_unreachable(); }
template <class T> const T &max(const T &, const T &) { __builtin_unreachable(); }

class exception {
public:
  virtual ~exception();
  virtual const char *what() const noexcept;
};
class logic_error : public exception {
public:
  logic_error();
  explicit logic_error(const char *);
  template <class S> explicit logic_error(const S &) { __builtin_unreachable(); }
};
class runtime_error : public exception {
public:
  explicit runtime_error(const char *);
  template <class S> explicit runtime_error(const S &) { __builtin_unreachable(); }
};
class out_of_range : public logic_error {
public:
  explicit out_of_range(const char *);
  template <class S> explicit out_of_range(const S &) { __builtin_unreachable(); }
};

template <class A, class B> struct pair {
  A first;
  B second;
  pair();
  pair(const A &, const B &);
  template <class U, class V>
  pair(U &&u, V &&v) : first(static_cast<U &&>(u)), second(static_cast<V &&>(v)) {}
  template <class U, class V>
  pair(const pair<U, V> &p) : first(p.first), second(p.second) {}
};
template <class A, class B> pair<A, B> make_pair(A, B) { __builtin_unreachable(); }
template <class A, class B>
bool operator==(const pair<A, B> &, const pair<A, B> &);
template <class A, class B>
bool operator<(const pair<A, B> &, const pair<A, B> &);

template <class T> struct less {
  bool operator()(const T &, const T &) const;
};
template <class T> struct equal_to {
  bool operator()(const T &, const T &) const;
};
template <class T> struct hash {
  size_t operator()(const T &) const;
};
template <class T> struct allocator {};

// One iterator for every container: bidirectional, convertible to its const
// form, comparable with it.
template <class T> struct __fuzz_iter {
  using value_type = T;
  using reference = T &;
  using pointer = T *;
  __fuzz_iter();
  template <class U> __fuzz_iter(const __fuzz_iter<U> &) { __builtin_unreachable(); }
  T &operator*() const;
  T *operator->() const;
  __fuzz_iter &operator++();
  __fuzz_iter operator++(int);
  __fuzz_iter &operator--();
  __fuzz_iter operator--(int);
  __fuzz_iter operator+(ptrdiff_t) const;
  __fuzz_iter operator-(ptrdiff_t) const;
  ptrdiff_t operator-(const __fuzz_iter &) const;
  T &operator[](ptrdiff_t) const;
};
template <class A, class B>
bool operator==(const __fuzz_iter<A> &, const __fuzz_iter<B> &);
template <class A, class B>
bool operator!=(const __fuzz_iter<A> &, const __fuzz_iter<B> &);
template <class A, class B>
bool operator<(const __fuzz_iter<A> &, const __fuzz_iter<B> &);
template <class It> It next(It, ptrdiff_t = 1) { __builtin_unreachable(); }
template <class It> It prev(It, ptrdiff_t = 1) { __builtin_unreachable(); }
template <class It> void advance(It &, ptrdiff_t) { __builtin_unreachable(); }
template <class It> ptrdiff_t distance(It, It) { __builtin_unreachable(); }
template <class C> auto begin(C &c) -> decltype(c.begin()) { __builtin_unreachable(); }
template <class C> auto end(C &c) -> decltype(c.end()) { __builtin_unreachable(); }
template <class C> auto cbegin(const C &c) -> decltype(c.begin()) { __builtin_unreachable(); }
template <class C> auto cend(const C &c) -> decltype(c.end()) { __builtin_unreachable(); }

#define MAPSAFETY_FUZZ_COMMON(NAME, V)                                        \
  using value_type = V;                                                       \
  using size_type = size_t;                                                   \
  using reference = V &;                                                      \
  using const_reference = const V &;                                          \
  using iterator = __fuzz_iter<V>;                                            \
  using const_iterator = __fuzz_iter<const V>;                                \
  using reverse_iterator = __fuzz_iter<V>;                                    \
  using const_reverse_iterator = __fuzz_iter<const V>;                        \
  using __fuzz_inserted = pair<iterator, bool>;                               \
  NAME();                                                                     \
  NAME(const NAME &);                                                         \
  NAME(NAME &&) noexcept;                                                     \
  NAME(initializer_list<V>);                                                  \
  template <class It> NAME(It, It) { __builtin_unreachable(); }               \
  ~NAME();                                                                    \
  NAME &operator=(const NAME &);                                              \
  NAME &operator=(NAME &&) noexcept;                                          \
  NAME &operator=(initializer_list<V>);                                       \
  iterator begin() noexcept;                                                  \
  const_iterator begin() const noexcept;                                      \
  iterator end() noexcept;                                                    \
  const_iterator end() const noexcept;                                        \
  const_iterator cbegin() const noexcept;                                     \
  const_iterator cend() const noexcept;                                       \
  reverse_iterator rbegin() noexcept;                                         \
  reverse_iterator rend() noexcept;                                           \
  size_t size() const noexcept;                                               \
  size_t max_size() const noexcept;                                           \
  bool empty() const noexcept;                                                \
  void clear() noexcept;                                                      \
  void swap(NAME &) noexcept;                                                 \
  iterator erase(iterator);                                                   \
  iterator erase(const_iterator);                                             \
  iterator erase(const_iterator, const_iterator);                             \
  template <class... Args> iterator emplace_hint(const_iterator, Args &&...) { __builtin_unreachable(); } \
  friend bool operator==(const NAME &, const NAME &);                         \
  friend bool operator!=(const NAME &, const NAME &);

#define MAPSAFETY_FUZZ_SEQUENCE(NAME)                                         \
  MAPSAFETY_FUZZ_COMMON(NAME, T)                                              \
  explicit NAME(size_t, const T & = T());                                     \
  T &operator[](size_t);                                                      \
  const T &operator[](size_t) const;                                          \
  T &at(size_t);                                                              \
  const T &at(size_t) const;                                                  \
  T &front();                                                                 \
  const T &front() const;                                                     \
  T &back();                                                                  \
  const T &back() const;                                                      \
  void push_back(const T &);                                                  \
  void push_back(T &&);                                                       \
  template <class... Args> T &emplace_back(Args &&...) { __builtin_unreachable(); } \
  void pop_back();                                                            \
  void push_front(const T &);                                                 \
  template <class... Args> T &emplace_front(Args &&...) { __builtin_unreachable(); } \
  void pop_front();                                                           \
  iterator insert(const_iterator, const T &);                                 \
  template <class It> iterator insert(const_iterator, It, It) { __builtin_unreachable(); } \
  template <class... Args> iterator emplace(const_iterator, Args &&...) { __builtin_unreachable(); } \
  void resize(size_t);                                                        \
  void assign(size_t, const T &);                                             \
  void reserve(size_t);                                                       \
  size_t capacity() const;                                                    \
  void shrink_to_fit();                                                       \
  T *data() noexcept;                                                         \
  const T *data() const noexcept;                                             \
  void remove(const T &);                                                     \
  template <class P> void remove_if(P) { __builtin_unreachable(); }           \
  void sort();                                                                \
  void splice(const_iterator, NAME &);

template <class T, class A = allocator<T>> class vector {
public:
  MAPSAFETY_FUZZ_SEQUENCE(vector)
};
template <class T, class A = allocator<T>> class deque {
public:
  MAPSAFETY_FUZZ_SEQUENCE(deque)
};
template <class T, class A = allocator<T>> class list {
public:
  MAPSAFETY_FUZZ_SEQUENCE(list)
};
template <class T, class A = allocator<T>> class forward_list {
public:
  MAPSAFETY_FUZZ_SEQUENCE(forward_list)
};

#define MAPSAFETY_FUZZ_KEYED(NAME, K, V, INSERTED)                            \
  MAPSAFETY_FUZZ_COMMON(NAME, V)                                              \
  using key_type = K;                                                         \
  iterator find(const K &);                                                   \
  const_iterator find(const K &) const;                                       \
  size_t count(const K &) const;                                              \
  bool contains(const K &) const;                                             \
  iterator lower_bound(const K &);                                            \
  const_iterator lower_bound(const K &) const;                                \
  iterator upper_bound(const K &);                                            \
  const_iterator upper_bound(const K &) const;                                \
  pair<iterator, iterator> equal_range(const K &);                            \
  pair<const_iterator, const_iterator> equal_range(const K &) const;          \
  INSERTED insert(const V &);                                                 \
  INSERTED insert(V &&);                                                      \
  iterator insert(const_iterator, const V &);                                 \
  template <class It> void insert(It, It) { __builtin_unreachable(); }        \
  void insert(initializer_list<V>);                                           \
  template <class... Args> INSERTED emplace(Args &&...) { __builtin_unreachable(); } \
  size_t erase(const K &);                                                    \
  void rehash(size_t);                                                        \
  void reserve(size_t);                                                       \
  size_t bucket_count() const;                                                \
  template <class C2> void merge(C2 &) { __builtin_unreachable(); }

#define MAPSAFETY_FUZZ_MAP(NAME, INSERTED)                                    \
  using __fuzz_pair = pair<const K, V>;                                       \
  MAPSAFETY_FUZZ_KEYED(NAME, K, __fuzz_pair, INSERTED)                        \
  using mapped_type = V;                                                      \
  V &operator[](const K &);                                                   \
  V &operator[](K &&);                                                        \
  V &at(const K &);                                                           \
  const V &at(const K &) const;                                               \
  template <class P> INSERTED insert(P &&) { __builtin_unreachable(); }       \
  template <class... Args>                                                    \
  pair<iterator, bool> try_emplace(const K &, Args &&...);                    \
  template <class M> pair<iterator, bool> insert_or_assign(const K &, M &&) { __builtin_unreachable(); }

template <class K, class V, class C = less<K>,
          class A = allocator<pair<const K, V>>>
class map {
public:
  MAPSAFETY_FUZZ_MAP(map, __fuzz_inserted)
};
template <class K, class V, class C = less<K>,
          class A = allocator<pair<const K, V>>>
class multimap {
public:
  MAPSAFETY_FUZZ_MAP(multimap, iterator)
};
template <class K, class V, class H = hash<K>, class E = equal_to<K>,
          class A = allocator<pair<const K, V>>>
class unordered_map {
public:
  MAPSAFETY_FUZZ_MAP(unordered_map, __fuzz_inserted)
};
template <class K, class V, class H = hash<K>, class E = equal_to<K>,
          class A = allocator<pair<const K, V>>>
class unordered_multimap {
public:
  MAPSAFETY_FUZZ_MAP(unordered_multimap, iterator)
};
template <class K, class C = less<K>, class A = allocator<K>> class set {
public:
  MAPSAFETY_FUZZ_KEYED(set, K, K, __fuzz_inserted)
};
template <class K, class C = less<K>, class A = allocator<K>> class multiset {
public:
  MAPSAFETY_FUZZ_KEYED(multiset, K, K, iterator)
};
template <class K, class H = hash<K>, class E = equal_to<K>,
          class A = allocator<K>>
class unordered_set {
public:
  MAPSAFETY_FUZZ_KEYED(unordered_set, K, K, __fuzz_inserted)
};
template <class K, class H = hash<K>, class E = equal_to<K>,
          class A = allocator<K>>
class unordered_multiset {
public:
  MAPSAFETY_FUZZ_KEYED(unordered_multiset, K, K, iterator)
};

template <class C, class P> size_t erase_if(C &, P) { __builtin_unreachable(); }
template <class C, class T> size_t erase(C &, const T &) { __builtin_unreachable(); }

template <class Ch> class basic_string {
public:
  MAPSAFETY_FUZZ_COMMON(basic_string, Ch)
  static const size_t npos = static_cast<size_t>(-1);
  basic_string(const Ch *);
  basic_string(const Ch *, size_t);
  basic_string(size_t, Ch);
  basic_string &operator=(const Ch *);
  const Ch *c_str() const noexcept;
  const Ch *data() const noexcept;
  size_t length() const noexcept;
  Ch &operator[](size_t);
  const Ch &operator[](size_t) const;
  Ch &at(size_t);
  Ch &back();
  Ch &front();
  void push_back(Ch);
  void pop_back();
  void resize(size_t);
  void reserve(size_t);
  basic_string &append(const basic_string &);
  basic_string &operator+=(const basic_string &);
  basic_string &operator+=(const Ch *);
  basic_string &operator+=(Ch);
  basic_string substr(size_t = 0, size_t = npos) const;
  size_t find(const basic_string &, size_t = 0) const;
  size_t find(const Ch *, size_t = 0) const;
  size_t find(Ch, size_t = 0) const;
  size_t rfind(Ch, size_t = npos) const;
  int compare(const basic_string &) const;
  friend basic_string operator+(const basic_string &, const basic_string &);
  friend basic_string operator+(const basic_string &, const Ch *);
  friend basic_string operator+(const Ch *, const basic_string &);
  friend basic_string operator+(const basic_string &, Ch);
  friend bool operator==(const basic_string &, const Ch *);
  friend bool operator!=(const basic_string &, const Ch *);
  friend bool operator<(const basic_string &, const basic_string &);
};
using string = basic_string<char>;
using wstring = basic_string<wchar_t>;
string to_string(int);
string to_string(long);
string to_string(long long);
string to_string(unsigned);
string to_string(unsigned long);
string to_string(unsigned long long);
string to_string(double);
int stoi(const string &);
template <> struct hash<string> {
  size_t operator()(const string &) const;
};

template <class T> struct default_delete {};
template <class T, class D = default_delete<T>> class unique_ptr {
public:
  using element_type = T;
  unique_ptr() noexcept;
  unique_ptr(nullptr_t) noexcept;
  explicit unique_ptr(T *) noexcept;
  unique_ptr(unique_ptr &&) noexcept;
  template <class U> unique_ptr(unique_ptr<U> &&) noexcept { __builtin_unreachable(); }
  ~unique_ptr();
  unique_ptr &operator=(unique_ptr &&) noexcept;
  unique_ptr &operator=(nullptr_t) noexcept;
  T *get() const noexcept;
  T &operator*() const;
  T *operator->() const noexcept;
  explicit operator bool() const noexcept;
  T *release() noexcept;
  void reset(T * = nullptr) noexcept;
};
template <class T, class... A> unique_ptr<T> make_unique(A &&...) { __builtin_unreachable(); }
template <class T> class shared_ptr {
public:
  using element_type = T;
  shared_ptr() noexcept;
  shared_ptr(nullptr_t) noexcept;
  explicit shared_ptr(T *);
  shared_ptr(const shared_ptr &) noexcept;
  shared_ptr(shared_ptr &&) noexcept;
  template <class U> shared_ptr(const shared_ptr<U> &) noexcept { __builtin_unreachable(); }
  template <class U> shared_ptr(unique_ptr<U> &&) { __builtin_unreachable(); }
  ~shared_ptr();
  shared_ptr &operator=(const shared_ptr &) noexcept;
  shared_ptr &operator=(shared_ptr &&) noexcept;
  T *get() const noexcept;
  T &operator*() const noexcept;
  T *operator->() const noexcept;
  explicit operator bool() const noexcept;
  long use_count() const noexcept;
  void reset() noexcept;
  void reset(T *);
};
template <class T, class... A> shared_ptr<T> make_shared(A &&...) { __builtin_unreachable(); }
template <class T> class weak_ptr {
public:
  weak_ptr() noexcept;
  weak_ptr(const shared_ptr<T> &) noexcept;
  shared_ptr<T> lock() const noexcept;
  bool expired() const noexcept;
  void reset() noexcept;
};
template <class T, class D>
bool operator==(const unique_ptr<T, D> &, nullptr_t) noexcept;
template <class T, class D>
bool operator!=(const unique_ptr<T, D> &, nullptr_t) noexcept;
template <class T> bool operator==(const shared_ptr<T> &, nullptr_t);
template <class T> bool operator!=(const shared_ptr<T> &, nullptr_t);

struct nullopt_t {
  explicit constexpr nullopt_t(int) {}
};
inline constexpr nullopt_t nullopt{0};
template <class T> class optional {
public:
  optional() noexcept;
  optional(nullopt_t) noexcept;
  optional(const T &);
  optional(T &&);
  optional(const optional &);
  optional &operator=(nullopt_t) noexcept;
  friend bool operator==(const optional &, nullopt_t) noexcept;
  friend bool operator!=(const optional &, nullopt_t) noexcept;
  optional &operator=(const optional &);
  template <class U> optional &operator=(U &&);
  bool has_value() const noexcept;
  explicit operator bool() const noexcept;
  T &value();
  const T &value() const;
  template <class U> T value_or(U &&) const { __builtin_unreachable(); }
  T &operator*();
  const T &operator*() const;
  T *operator->();
  const T *operator->() const;
  void reset() noexcept;
  template <class... A> T &emplace(A &&...) { __builtin_unreachable(); }
};

template <class Sig> class function;
template <class R, class... A> class function<R(A...)> {
public:
  function() noexcept;
  function(nullptr_t) noexcept;
  template <class F> function(F) { __builtin_unreachable(); }
  R operator()(A...) const;
  explicit operator bool() const noexcept;
};
template <class T> class reference_wrapper {
public:
  reference_wrapper(T &);
  operator T &() const;
  T &get() const;
};
template <class T> reference_wrapper<T> ref(T &) { __builtin_unreachable(); }
template <class T> reference_wrapper<const T> cref(const T &) { __builtin_unreachable(); }

template <class It, class T> It find(It, It, const T &) { __builtin_unreachable(); }
template <class It, class P> It find_if(It, It, P) { __builtin_unreachable(); }
template <class It, class P> It find_if_not(It, It, P) { __builtin_unreachable(); }
template <class It, class P> It remove_if(It, It, P) { __builtin_unreachable(); }
template <class It, class T> It remove(It, It, const T &) { __builtin_unreachable(); }
template <class It> void sort(It, It) { __builtin_unreachable(); }
template <class It, class C> void sort(It, It, C) { __builtin_unreachable(); }
template <class It, class F> F for_each(It, It, F) { __builtin_unreachable(); }
template <class It, class P> bool any_of(It, It, P) { __builtin_unreachable(); }
template <class It, class P> bool all_of(It, It, P) { __builtin_unreachable(); }
template <class It, class P> bool none_of(It, It, P) { __builtin_unreachable(); }
template <class It, class P> ptrdiff_t count_if(It, It, P) { __builtin_unreachable(); }
template <class It, class O> O copy(It, It, O) { __builtin_unreachable(); }

namespace chrono {
template <class R, class P = int> class duration {
public:
  duration();
  duration(R);
  R count() const;
};
using nanoseconds = duration<long long, long>;
using microseconds = duration<long long, short>;
using milliseconds = duration<long long, char>;
using seconds = duration<long long>;
using minutes = duration<int, unsigned>;
class steady_clock {
public:
  class time_point {};
  static time_point now();
};
using system_clock = steady_clock;
} // namespace chrono
inline namespace literals {
inline namespace chrono_literals {
chrono::milliseconds operator""ms(unsigned long long);
chrono::seconds operator""s(unsigned long long);
} // namespace chrono_literals
} // namespace literals

template <class T> struct atomic {
  atomic() noexcept;
  constexpr atomic(T) noexcept;
  T load() const noexcept;
  void store(T) noexcept;
  T exchange(T) noexcept;
  T fetch_add(T) noexcept;
  T operator++() noexcept;
  T operator++(int) noexcept;
  T operator--() noexcept;
  T operator=(T) noexcept;
  operator T() const noexcept;
};

class thread {
public:
  class id {};
  thread() noexcept;
  template <class F, class... A> explicit thread(F &&, A &&...) { __builtin_unreachable(); }
  thread(thread &&) noexcept;
  thread &operator=(thread &&) noexcept;
  ~thread();
  void join();
  void detach();
  bool joinable() const noexcept;
  id get_id() const noexcept;
  static unsigned hardware_concurrency() noexcept;
};
class jthread {
public:
  jthread() noexcept;
  template <class F, class... A> explicit jthread(F &&, A &&...) { __builtin_unreachable(); }
  jthread(jthread &&) noexcept;
  jthread &operator=(jthread &&) noexcept;
  ~jthread();
  void join();
  void detach();
  bool joinable() const noexcept;
};
namespace this_thread {
void yield() noexcept;
thread::id get_id() noexcept;
template <class R, class P> void sleep_for(const chrono::duration<R, P> &) { __builtin_unreachable(); }
} // namespace this_thread

#define MAPSAFETY_FUZZ_MUTEX(NAME)                                            \
  class NAME {                                                                \
  public:                                                                     \
    NAME();                                                                   \
    NAME(const NAME &) = delete;                                              \
    void lock();                                                              \
    bool try_lock();                                                          \
    void unlock();                                                            \
    void lock_shared();                                                       \
    bool try_lock_shared();                                                   \
    void unlock_shared();                                                     \
    template <class D> bool try_lock_for(const D &) { __builtin_unreachable(); } \
  };
MAPSAFETY_FUZZ_MUTEX(mutex)
MAPSAFETY_FUZZ_MUTEX(recursive_mutex)
MAPSAFETY_FUZZ_MUTEX(timed_mutex)
MAPSAFETY_FUZZ_MUTEX(shared_mutex)
MAPSAFETY_FUZZ_MUTEX(shared_timed_mutex)

struct defer_lock_t {
  explicit defer_lock_t() = default;
};
struct try_to_lock_t {
  explicit try_to_lock_t() = default;
};
struct adopt_lock_t {
  explicit adopt_lock_t() = default;
};
inline constexpr defer_lock_t defer_lock{};
inline constexpr try_to_lock_t try_to_lock{};
inline constexpr adopt_lock_t adopt_lock{};

template <class M> class lock_guard {
public:
  explicit lock_guard(M &);
  lock_guard(M &, adopt_lock_t);
  lock_guard(const lock_guard &) = delete;
  ~lock_guard();
};
template <class... M> class scoped_lock {
public:
  explicit scoped_lock(M &...);
  ~scoped_lock();
};
#define MAPSAFETY_FUZZ_LOCK(NAME)                                             \
  template <class M> class NAME {                                             \
  public:                                                                     \
    using mutex_type = M;                                                     \
    NAME() noexcept;                                                          \
    explicit NAME(M &);                                                       \
    NAME(M &, defer_lock_t) noexcept;                                         \
    NAME(M &, try_to_lock_t);                                                 \
    NAME(M &, adopt_lock_t);                                                  \
    NAME(NAME &&) noexcept;                                                   \
    NAME &operator=(NAME &&) noexcept;                                        \
    ~NAME();                                                                  \
    void lock();                                                              \
    bool try_lock();                                                          \
    void unlock();                                                            \
    bool owns_lock() const noexcept;                                          \
    explicit operator bool() const noexcept;                                  \
    M *mutex() const noexcept;                                                \
    M *release() noexcept;                                                    \
  };
MAPSAFETY_FUZZ_LOCK(unique_lock)
MAPSAFETY_FUZZ_LOCK(shared_lock)
template <class L1, class L2, class... L> void lock(L1 &, L2 &, L &...) { __builtin_unreachable(); }
template <class L1, class L2, class... L> int try_lock(L1 &, L2 &, L &...) { __builtin_unreachable(); }
struct once_flag {
  once_flag() noexcept;
};
template <class F, class... A> void call_once(once_flag &, F &&, A &&...) { __builtin_unreachable(); }

class condition_variable {
public:
  void notify_one() noexcept;
  void notify_all() noexcept;
  void wait(unique_lock<mutex> &);
  template <class P> void wait(unique_lock<mutex> &, P) { __builtin_unreachable(); }
  template <class D, class P> bool wait_for(unique_lock<mutex> &, const D &, P) { __builtin_unreachable(); }
};
class condition_variable_any {
public:
  void notify_one() noexcept;
  void notify_all() noexcept;
  template <class L> void wait(L &) { __builtin_unreachable(); }
  template <class L, class P> void wait(L &, P) { __builtin_unreachable(); }
};

template <class T> class future {
public:
  future() noexcept;
  future(future &&) noexcept;
  future &operator=(future &&) noexcept;
  T get();
  void wait() const;
  bool valid() const noexcept;
};
template <class T> class shared_future {
public:
  const T &get() const;
  void wait() const;
};
template <class T> class promise {
public:
  promise();
  future<T> get_future();
  void set_value(const T &);
};
template <> class promise<void> {
public:
  promise();
  future<void> get_future();
  void set_value();
};
enum class launch { async = 1, deferred = 2 };
template <class F, class... A>
future<decltype(declval<F>()(declval<A>()...))> async(F &&, A &&...) {
  __builtin_unreachable();
}
template <class F, class... A>
future<decltype(declval<F>()(declval<A>()...))> async(launch, F &&, A &&...) {
  __builtin_unreachable();
}
} // namespace std

#endif // MAPSAFETY_FUZZ_STD_H
