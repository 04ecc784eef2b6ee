//===--- ExprShapes.h - Recognisers for common expression shapes -*- C++ -*-===//
//
// Small recognisers the flow analyses share: seeing through the implicit
// wrappers Clang puts around values, null values in their many spellings,
// comparisons in their many spellings, and structural equality of
// expressions.
//
//===----------------------------------------------------------------------===//

#ifndef MAPSAFETY_LIB_EXPRSHAPES_H
#define MAPSAFETY_LIB_EXPRSHAPES_H

#include "clang/AST/OperationKinds.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace clang {
class ASTContext;
class CallExpr;
class Expr;
class FunctionDecl;
class NamedDecl;
class Stmt;
class VarDecl;
} // namespace clang

namespace mapsafety {

/// Sees through parentheses, implicit casts, temporaries, cleanups, default
/// arguments and copy/move constructions: the value an initialiser or argument carries.
const clang::Expr *stripValue(const clang::Expr *E);

/// Like stripValue, and also through explicit casts to bool, through
/// contextual `operator bool` / pointer-to-bool conversions of their operand
/// when the operand is what is being tested, and through
/// `__builtin_expect(c, …)` (the `likely(c)` of many projects).
const clang::Expr *stripCondition(const clang::Expr *E);

/// `nullptr`, `NULL`, `0`, `{}`, `std::nullopt`, and default- or null-
/// constructed smart pointers and optionals.
bool isNullValue(const clang::Expr *E, clang::ASTContext &Ctx);

/// An `==` / `!=` (or relational) comparison in any spelling: built-in,
/// overloaded operator, or C++20 rewritten operator.
struct Comparison {
  clang::BinaryOperatorKind Op;
  const clang::Expr *LHS;
  const clang::Expr *RHS;
};
std::optional<Comparison> asComparison(const clang::Expr *E);

/// Whether two expressions compute the same value by their structure (same
/// variables, same literals, same calls).
bool sameValue(const clang::Expr *A, const clang::Expr *B,
               clang::ASTContext &Ctx);

/// The name of a function if it is declared in namespace std (in any
/// inline namespace), else empty.
llvm::StringRef stdFunctionName(const clang::FunctionDecl *FD);

/// The local or parameter variable an expression names, or null.
const clang::VarDecl *referencedVar(const clang::Expr *E);

/// The variable a statement writes: `v = …`, `v += …`, `++v`, `v--`.
const clang::VarDecl *assignedVar(const clang::Stmt *S);

/// Calls F on each argument of a call or construction that the callee
/// receives by non-const reference, or that an unknown callee receives. The
/// object of a member call or member operator is not an argument here.
void forEachMutableArg(const clang::Expr *Call,
                       llvm::function_ref<void(const clang::Expr *)> F);

/// A short source spelling of an expression for messages.
std::string sourceText(const clang::Expr *E, clang::ASTContext &Ctx);

} // namespace mapsafety

#endif // MAPSAFETY_LIB_EXPRSHAPES_H
