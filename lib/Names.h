//===--- Names.h - Small helpers the concurrency models share --*- C++ -*-===//

#ifndef MAPSAFETY_LIB_NAMES_H
#define MAPSAFETY_LIB_NAMES_H

#include "clang/AST/Type.h"
#include "llvm/ADT/StringSet.h"
#include <string>

namespace clang {
class Expr;
class NamedDecl;
} // namespace clang

namespace mapsafety {

/// The qualified name of a record or enum, or of the template it
/// instantiates, without template arguments and inline namespaces
/// ("std::unique_lock", "absl::MutexLock", "std::launch").
std::string qualifiedTypeName(clang::QualType T);
/// The same for a declaration ("std::lock", "ThreadPool::submit").
std::string qualifiedDeclName(const clang::NamedDecl *D);

/// Adds the names of a ';'-separated option value ("a::B; c") to Set.
void addNameList(llvm::StringSet<> &Set, llvm::StringRef List);

/// E without parentheses, implicit casts, temporaries and cleanups.
const clang::Expr *ignoreTemporaries(const clang::Expr *E);

} // namespace mapsafety

#endif // MAPSAFETY_LIB_NAMES_H
