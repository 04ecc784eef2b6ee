//===--- MutationSummary.h - Which containers a function modifies -*- C++ -*-===//
//
// Per-function summaries of structural container modifications: for each
// function defined in the translation unit, the containers it (or anything
// it calls) inserts into, erases from or resets, expressed in terms a caller
// can map back onto its own expressions: the enclosing object's members,
// the function's parameters, and globals. Each function is summarised once.
//
//===----------------------------------------------------------------------===//

#ifndef MAPSAFETY_LIB_MUTATIONSUMMARY_H
#define MAPSAFETY_LIB_MUTATIONSUMMARY_H

#include "lib/AccessPath.h"
#include "lib/ContainerModel.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <string>
#include <vector>

namespace clang {
class CallExpr;
class Expr;
class FunctionDecl;
class Stmt;
} // namespace clang

namespace mapsafety {

/// Sees through parentheses, implicit casts, temporaries and single-argument
/// (copy or converting) constructions: the object an argument stands for.
const clang::Expr *stripTemporaries(const clang::Expr *E);

/// Where the key, value or iterator argument of a modification comes from.
struct KeyOrigin {
  enum class Kind { None, Expr, Param };
  Kind K = Kind::None;
  /// Kind::Expr: the argument, in the function being analysed.
  const clang::Expr *Arg = nullptr;
  /// Kind::Param: the index of the summarised function's parameter.
  unsigned ParamIndex = 0;
};

/// One structural modification of a container.
struct Mutation {
  AccessPath Container;
  ContainerInfo Info;
  OpEffect Effect;
  /// The member function or operator, as spelled: "erase", "operator[]".
  std::string Op;
  /// The first argument of the operation (key, iterator or value).
  KeyOrigin Key;
  /// The call that performs the modification, and the function it is in.
  const clang::Expr *Leaf = nullptr;
  const clang::FunctionDecl *LeafFunction = nullptr;
  /// The container as the leaf call names it, for notes.
  std::string LeafContainer;
  /// In the statement analysed: the expression that causes the modification
  /// (the modifying call itself, or the call leading to it).
  const clang::Expr *Trigger = nullptr;
  /// The function called at Trigger when the modification is indirect.
  const clang::FunctionDecl *Via = nullptr;
  /// The summarised function makes the modification on some of its paths
  /// only: the modifying call is nested in a branch, loop, `?:` or `&&`/`||`
  /// operand of its body, or follows a return (here or in a callee).
  bool Conditional = false;
};

class MutationSummaries {
public:
  explicit MutationSummaries(const ContainerModel &Model) : Model(Model) {}

  /// The modifications a call of FD makes to containers its caller can name.
  llvm::ArrayRef<Mutation> of(const clang::FunctionDecl *FD);

  /// Every modification made while S runs: direct ones, those inside lambdas
  /// that S runs in place (immediately invoked, or given to a standard
  /// algorithm), and those of the functions S calls.
  void collect(const clang::Stmt *S, std::vector<Mutation> &Out);

  const ContainerModel &model() const { return Model; }

  /// Summaries never grow past this many entries, so that the cost stays
  /// linear in the size of the translation unit.
  static constexpr unsigned MaxEntriesPerFunction = 64;

private:
  friend class MutationCollector;
  const ContainerModel &Model;
  llvm::DenseMap<const clang::FunctionDecl *, std::vector<Mutation>> Cache;
  llvm::SmallPtrSet<const clang::FunctionDecl *, 8> InProgress;
};

} // namespace mapsafety

#endif // MAPSAFETY_LIB_MUTATIONSUMMARY_H
