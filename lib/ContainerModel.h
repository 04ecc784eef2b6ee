//===--- ContainerModel.h - What containers are and what calls do -*- C++ -*-===//
//
// The shared knowledge of the C++ container rules: which types are
// containers, which family each belongs to, and what a member call or
// operator does to it: read, structural write, and which iterators it
// invalidates.
//
//===----------------------------------------------------------------------===//

#ifndef MAPSAFETY_LIB_CONTAINERMODEL_H
#define MAPSAFETY_LIB_CONTAINERMODEL_H

#include "clang/AST/Type.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace clang {
class CXXRecordDecl;
class Expr;
class FunctionDecl;
class TemplateName;
} // namespace clang

namespace mapsafety {

/// Container families, grouped by their iterator-invalidation rules.
enum class ContainerFamily {
  Vector,    ///< std::vector, std::string, contiguous sequences.
  Deque,     ///< std::deque.
  List,      ///< std::list, std::forward_list.
  Ordered,   ///< std::map/set/multimap/multiset and node-based trees.
  Unordered, ///< std::unordered_* (rehash invalidates all iterators).
  FlatHash,  ///< absl::flat_hash_* and other open-addressing tables.
  NodeHash,  ///< absl::node_hash_* (iterators invalidated by rehash).
  BTree,     ///< absl::btree_* (insert and erase invalidate all).
};

/// Which iterators of a container an operation invalidates.
enum class Invalidation {
  None,     ///< No iterator is invalidated.
  Erased,   ///< Only iterators to the erased elements.
  AtOrAfter, ///< Iterators at or after the point of change, and end().
  All,      ///< Every iterator (and, for contiguous storage, every pointer).
};

/// What an operation does to the container's structure.
enum class OpKind {
  Read,   ///< No structural change (const for data-race purposes).
  Insert, ///< Adds elements.
  Erase,  ///< Removes specific elements (by key, iterator or value).
  Reset,  ///< Replaces or reorganises the whole content (clear, =, swap).
};

struct ContainerInfo {
  ContainerFamily Family;
  /// Associative containers whose operator[] inserts (map, unordered_map...).
  bool SubscriptInserts = false;
  /// Keys may repeat (multimap, multiset...): erase(key) removes several.
  bool Multi = false;
  /// The standard library's own type, for which std::erase_if exists.
  bool IsStd = false;
  /// Qualified name of the class template (or class), e.g. "std::map".
  std::string Name;
};

struct OpEffect {
  OpKind Kind = OpKind::Read;
  Invalidation Invalidates = Invalidation::None;
  bool isStructuralWrite() const { return Kind != OpKind::Read; }
};

/// Classifies types and operations. Construct once per check; extra
/// container types come from options ("absl::flat_hash_map=flathash").
class ContainerModel {
public:
  ContainerModel();

  /// Adds a user type: Spec is "qualified::Name" or "qualified::Name=family"
  /// where family is one of vector, deque, list, ordered, unordered,
  /// flathash, nodehash, btree (default: unordered). Returns false when the
  /// family is unknown.
  bool addContainerType(llvm::StringRef Spec);
  /// Adds a ';'/','-separated list of addContainerType specs.
  void addContainerTypes(llvm::StringRef List);

  /// The container a type denotes, seen through typedefs, aliases,
  /// references and cv-qualifiers (not pointers: see pointee()).
  std::optional<ContainerInfo> classify(clang::QualType T) const;
  std::optional<ContainerInfo> classify(const clang::CXXRecordDecl *RD) const;
  /// Looks at the container inside a pointer, smart pointer or optional.
  std::optional<ContainerInfo> classifyPointee(clang::QualType T) const;

  /// The effect of calling member function (or operator) Name on a container
  /// of the given kind. Operators are spelled as C++ does: "operator[]".
  /// IsConstCall: the call resolves to a const overload (e.g. a const map
  /// has no operator[]).
  static OpEffect effectOf(const ContainerInfo &C, llvm::StringRef Name,
                           bool IsConstCall = false);
  /// The effect of a free function on its first argument when that argument
  /// is a container (std::erase_if, std::erase, std::swap).
  static std::optional<OpEffect> effectOfFreeFunction(const ContainerInfo &C,
                                                      llvm::StringRef QualName);

  static llvm::StringRef familyName(ContainerFamily F);
  static std::optional<ContainerFamily> parseFamily(llvm::StringRef Name);

private:
  std::optional<ContainerInfo> lookup(llvm::StringRef QualName) const;
  llvm::StringMap<ContainerInfo> Known;
};

} // namespace mapsafety

#endif // MAPSAFETY_LIB_CONTAINERMODEL_H
