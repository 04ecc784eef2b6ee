//===--- ThreadModel.cpp - Where threads start and are joined ------------===//

#include "lib/ThreadModel.h"
#include "lib/Names.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace mapsafety {

namespace {

/// Sees through temporaries, copies and wrappers: a copied, moved or
/// wrapped callable is the same one.
const Expr *strip(const Expr *E) {
  while (E) {
    const Expr *Next = ignoreTemporaries(E);
    if (const auto *CE = dyn_cast<CXXConstructExpr>(Next);
        CE && CE->getNumArgs() == 1 && CE->getConstructor() &&
        (CE->getConstructor()->isCopyOrMoveConstructor() ||
         isa<LambdaExpr>(ignoreTemporaries(CE->getArg(0)))))
      Next = CE->getArg(0); // Also std::function<void()>([&] {...}).
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

bool isNamed(QualType T, std::initializer_list<StringRef> Names) {
  std::string N = qualifiedTypeName(T);
  for (StringRef S : Names)
    if (N == S)
      return true;
  return false;
}

/// std::async(std::launch::deferred, f) runs f in the thread that calls get().
bool isDeferredPolicy(const Expr *E) {
  const auto *DRE = dyn_cast<DeclRefExpr>(strip(E));
  return DRE && isa<EnumConstantDecl>(DRE->getDecl()) &&
         DRE->getDecl()->getName() == "deferred";
}

bool isStopToken(QualType T) {
  return isNamed(T, {"std::stop_token"});
}

} // namespace

ThreadModel::ThreadModel() = default;

void ThreadModel::addEntryFunctions(StringRef List) {
  addNameList(EntryFunctions, List);
}

bool ThreadModel::isThreadType(QualType T) {
  return isNamed(T, {"std::thread", "std::jthread", "boost::thread"});
}

bool ThreadModel::isJoiningThreadType(QualType T) {
  return isNamed(T, {"std::jthread"});
}

bool ThreadModel::holdsThreads(QualType T) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getNonReferenceType().getCanonicalType()->getAsCXXRecordDecl());
  if (!Spec || Spec->getTemplateArgs().size() == 0 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return false;
  QualType Elem = Spec->getTemplateArgs()[0].getAsType();
  return isThreadType(Elem) ||
         isNamed(Elem, {"std::future", "std::shared_future"});
}

const LambdaExpr *ThreadModel::lambdaOf(const Expr *E) {
  E = strip(E);
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      if (VD->hasLocalStorage() && VD->getInit() &&
          isa<LambdaExpr>(strip(VD->getInit())))
        E = strip(VD->getInit()); // auto work = [&] {...}; std::thread t(work);
  return dyn_cast_or_null<LambdaExpr>(E);
}

bool ThreadModel::resolveEntry(const Expr *Callable, ThreadStart &S) const {
  const Expr *E = strip(Callable);
  if (const LambdaExpr *LE = lambdaOf(E)) {
    S.Lambda = LE;
    S.Entry = LE->getCallOperator();
    return S.Entry != nullptr;
  }
  if (const auto *UO = dyn_cast_or_null<UnaryOperator>(E))
    if (UO->getOpcode() == UO_AddrOf)
      E = strip(UO->getSubExpr());
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E)) {
    const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl());
    if (!FD)
      return false;
    S.Entry = FD;
    return true;
  }
  return false;
}

std::optional<ThreadStart> ThreadModel::threadStart(const Expr *E) const {
  ThreadStart S;
  S.Site = E;
  llvm::SmallVector<const Expr *, 6> Args; // Callable, then its arguments.

  if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    if (!isThreadType(CE->getType()) || CE->getNumArgs() == 0 ||
        (CE->getConstructor() &&
         CE->getConstructor()->isCopyOrMoveConstructor()))
      return std::nullopt;
    for (const Expr *A : CE->arguments())
      Args.push_back(A);
    S.HandleExpr = CE;
    S.JoinsOnDestruction = isJoiningThreadType(CE->getType());
  } else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    // workers.emplace_back([&] {...}) on a std::vector<std::thread>.
    const CXXMethodDecl *MD = MC->getMethodDecl();
    const Expr *Obj = MC->getImplicitObjectArgument();
    if (MD && MD->getIdentifier() &&
        (MD->getName() == "emplace_back" || MD->getName() == "emplace") &&
        Obj && MC->getNumArgs() > 0) {
      QualType ObjT = Obj->getType();
      if (ObjT->isPointerType())
        ObjT = ObjT->getPointeeType();
      if (!holdsThreads(ObjT) || isThreadType(MC->getArg(0)->getType()))
        return std::nullopt;
      for (const Expr *A : MC->arguments())
        Args.push_back(A);
      S.HandleExpr = Obj;
      const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(
          ObjT.getCanonicalType()->getAsCXXRecordDecl());
      S.JoinsOnDestruction =
          Spec && isJoiningThreadType(Spec->getTemplateArgs()[0].getAsType());
    }
  }
  if (Args.empty()) {
    const auto *Call = dyn_cast<CallExpr>(E);
    const FunctionDecl *FD = Call ? Call->getDirectCallee() : nullptr;
    if (!FD || !FD->getIdentifier())
      return std::nullopt;
    std::string Name = qualifiedDeclName(FD);
    if (Name == "std::async") {
      unsigned First = 0;
      if (Call->getNumArgs() > 0 &&
          isNamed(Call->getArg(0)->getType(), {"std::launch"})) {
        if (isDeferredPolicy(Call->getArg(0)))
          return std::nullopt;
        First = 1;
      }
      for (unsigned I = First; I < Call->getNumArgs(); ++I)
        Args.push_back(Call->getArg(I));
    } else if (Name == "pthread_create") {
      if (Call->getNumArgs() != 4)
        return std::nullopt;
      Args.push_back(Call->getArg(2));
      Args.push_back(Call->getArg(3));
      S.HandleExpr = Call->getArg(0);
    } else if (EntryFunctions.contains(Name)) {
      // A pool task: the first argument that is a known callable.
      for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
        if (resolveEntry(Call->getArg(I), S)) {
          S.Pooled = true;
          return S;
        }
      }
      return std::nullopt;
    } else {
      return std::nullopt;
    }
  }
  if (Args.empty() || !resolveEntry(Args[0], S))
    return std::nullopt;

  unsigned Next = 1;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(S.Entry);
      MD && !S.Lambda && MD->isInstance()) {
    if (Args.size() < 2)
      return std::nullopt;
    S.Object = Args[1];
    Next = 2;
  }
  // std::jthread passes its stop_token first when the entry takes one.
  unsigned Param = 0;
  if (S.JoinsOnDestruction && S.Entry->getNumParams() > 0 &&
      isStopToken(S.Entry->getParamDecl(0)->getType())) {
    S.Args.push_back(nullptr);
    Param = 1;
  }
  for (; Param < S.Entry->getNumParams() && Next < Args.size(); ++Param)
    S.Args.push_back(Args[Next++]);
  return S;
}

const Expr *ThreadModel::joinedHandle(const CallExpr *E) const {
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    const Expr *Obj = MC->getImplicitObjectArgument();
    if (!MD || !MD->getIdentifier() || !Obj)
      return nullptr;
    Obj = Obj->IgnoreParenImpCasts(); // future::wait() is a base's member.
    QualType T = Obj->getType();
    if (T->isPointerType())
      T = T->getPointeeType();
    StringRef N = MD->getName();
    if (N == "join" && isThreadType(T))
      return Obj;
    if ((N == "get" || N == "wait") &&
        isNamed(T, {"std::future", "std::shared_future"}))
      return Obj;
    return nullptr;
  }
  const FunctionDecl *FD = E->getDirectCallee();
  if (FD && FD->getIdentifier() && FD->getName() == "pthread_join" &&
      E->getNumArgs() >= 1)
    return E->getArg(0);
  return nullptr;
}

} // namespace mapsafety
