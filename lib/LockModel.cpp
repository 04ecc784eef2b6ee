//===--- LockModel.cpp - Which locks are held, and how -------------------===//

#include "lib/LockModel.h"
#include "lib/Names.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace mapsafety {

namespace {

const char *const DefaultExclusiveGuards[] = {
    "std::lock_guard",         "std::unique_lock",
    "std::scoped_lock",        "boost::lock_guard",
    "boost::unique_lock",      "boost::interprocess::scoped_lock",
    "absl::MutexLock",         "absl::WriterMutexLock",
    "absl::ReleasableMutexLock", "folly::SharedMutexImpl::WriteHolder",
};

const char *const DefaultSharedGuards[] = {
    "std::shared_lock",       "boost::shared_lock",
    "boost::upgrade_lock",    "absl::ReaderMutexLock",
    "folly::SharedMutexImpl::ReadHolder",
    "folly::SharedMutexImpl::UpgradeHolder",
};

struct LockMethod {
  bool Lock;
  bool Shared;
};

std::optional<LockMethod> lockMethod(StringRef Name) {
  // One Case per name: StringSwitch::Cases takes a list in LLVM 22 and
  // separate arguments in LLVM 19 (see lib/LLVMCompat.h).
  const LockMethod Lock{true, false}, LockShared{true, true};
  const LockMethod Unlock{false, false}, UnlockShared{false, true};
  return llvm::StringSwitch<std::optional<LockMethod>>(Name)
      .Case("lock", Lock)
      .Case("Lock", Lock)
      .Case("WriterLock", Lock)
      .Case("WriteLock", Lock)
      .Case("lock_shared", LockShared)
      .Case("ReaderLock", LockShared)
      .Case("ReadLock", LockShared)
      .Case("lock_upgrade", LockShared)
      .Case("unlock", Unlock)
      .Case("Unlock", Unlock)
      .Case("WriterUnlock", Unlock)
      .Case("WriteUnlock", Unlock)
      .Case("unlock_shared", UnlockShared)
      .Case("ReaderUnlock", UnlockShared)
      .Case("ReadUnlock", UnlockShared)
      .Case("unlock_upgrade", UnlockShared)
      .Default(std::nullopt);
}

/// try_lock() and its timed and shared forms; nullopt for other names.
std::optional<bool> tryLockShared(StringRef Name) {
  if (Name == "try_lock" || Name == "try_lock_for" ||
      Name == "try_lock_until" || Name == "TryLock" || Name == "WriterTryLock")
    return false;
  if (Name == "try_lock_shared" || Name == "try_lock_shared_for" ||
      Name == "try_lock_shared_until" || Name == "ReaderTryLock")
    return true;
  return std::nullopt;
}

/// The value of an integer literal, also negated (`-1`).
std::optional<int64_t> literalValue(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  bool Negate = false;
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_Minus) {
    Negate = true;
    E = UO->getSubExpr()->IgnoreParenImpCasts();
  }
  const auto *IL = dyn_cast<IntegerLiteral>(E);
  if (!IL || IL->getValue().getActiveBits() > 62)
    return std::nullopt;
  int64_t V = static_cast<int64_t>(IL->getValue().getZExtValue());
  return Negate ? -V : V;
}

} // namespace

//===--- LockSet ---------------------------------------------------------===//

std::string mutexName(const AccessPath &M) {
  // A member mutex reads best by its own name, whichever object holds it.
  for (auto It = M.steps().rbegin(); It != M.steps().rend(); ++It)
    if (It->Kind == AccessPath::StepKind::Field)
      return It->Field->getName().str();
  return M.describe();
}

void LockSet::acquire(const HeldLock &L) {
  for (const HeldLock &H : Locks)
    if (H.sameLock(L))
      return;
  Locks.push_back(L);
}

void LockSet::releaseGuard(const VarDecl *G) {
  llvm::erase_if(Locks, [&](const HeldLock &H) { return H.Guard == G; });
}

void LockSet::release(const AccessPath &M) {
  llvm::erase_if(Locks, [&](const HeldLock &H) { return H.Mutex == M; });
}

void LockSet::disown(const VarDecl *G) {
  for (HeldLock &H : Locks)
    if (H.Guard == G)
      H.Guard = nullptr;
}

bool LockSet::anyExclusive() const {
  return llvm::any_of(Locks, [](const HeldLock &H) { return !H.Shared; });
}

bool LockSet::anyShared() const { return firstShared() != nullptr; }

const HeldLock *LockSet::firstShared() const {
  for (const HeldLock &H : Locks)
    if (H.Shared)
      return &H;
  return nullptr;
}

bool LockSet::holds(const AccessPath &M) const {
  return llvm::any_of(Locks, [&](const HeldLock &H) {
    return !H.Mutex.isValid() || H.Mutex == M;
  });
}

bool LockSet::excludes(const LockSet &O) const {
  for (const HeldLock &A : Locks)
    for (const HeldLock &B : O.Locks)
      if (!A.Mutex.isValid() || !B.Mutex.isValid() || A.Mutex == B.Mutex)
        return true; // Shared + shared on one mutex is left to the
                     // write-under-shared-lock check.
  return false;
}

LockSet LockSet::meet(const LockSet &A, const LockSet &B) {
  LockSet R;
  for (const HeldLock &H : A.Locks)
    if (llvm::any_of(B.Locks, [&](const HeldLock &O) { return O.sameLock(H); }))
      R.Locks.push_back(H);
  return R;
}

void LockSet::add(const LockSet &O) {
  for (const HeldLock &H : O.Locks)
    acquire(H);
}

LockSet
LockSet::mapped(const std::function<AccessPath(const AccessPath &)> &F) const {
  LockSet R;
  for (HeldLock H : Locks) {
    H.Mutex = H.Mutex.isValid() ? F(H.Mutex) : AccessPath();
    H.Guard = nullptr; // The guard belongs to the callee's frame.
    R.acquire(H);
  }
  return R;
}

std::string LockSet::describe() const {
  std::string S;
  for (size_t I = 0; I < Locks.size(); ++I) {
    if (I)
      S += I + 1 == Locks.size() ? " and " : ", ";
    S += Locks[I].Mutex.isValid() ? "'" + mutexName(Locks[I].Mutex) + "'"
                                  : std::string("a lock");
  }
  return S;
}

//===--- LockModel -------------------------------------------------------===//

LockModel::LockModel() {
  for (const char *N : DefaultExclusiveGuards)
    ExclusiveGuards.insert(N);
  for (const char *N : DefaultSharedGuards)
    SharedGuards.insert(N);
}

void LockModel::addGuardTypes(StringRef List, bool Shared) {
  addNameList(Shared ? SharedGuards : ExclusiveGuards, List);
}

bool LockModel::isGuardType(QualType T, bool *Shared) const {
  std::string Name = qualifiedTypeName(T);
  if (Name.empty())
    return false;
  bool IsShared = SharedGuards.contains(Name);
  if (!IsShared && !ExclusiveGuards.contains(Name)) {
    int Kind = inferredGuard(T.getNonReferenceType()->getAsCXXRecordDecl());
    if (!Kind)
      return false;
    IsShared = Kind == 2;
  }
  if (Shared)
    *Shared = IsShared;
  return true;
}

/// The lock and unlock calls in a function body.
static void collectMutexOps(const Stmt *S, const LockModel &Locks,
                            llvm::SmallVectorImpl<MutexOp> &Out) {
  if (!S)
    return;
  if (const auto *CE = dyn_cast<CallExpr>(S))
    if (std::optional<MutexOp> Op = Locks.mutexOp(CE))
      Out.push_back(*Op);
  for (const Stmt *Child : S->children())
    collectMutexOps(Child, Locks, Out);
}

int LockModel::inferredGuard(const CXXRecordDecl *RD) const {
  if (!RD || !(RD = RD->getDefinition()) || RD->isInStdNamespace())
    return 0;
  auto [It, Inserted] = Inferred.try_emplace(RD, 0);
  if (!Inserted)
    return It->second; // Also stops a class locking through itself.
  const CXXDestructorDecl *Dtor = RD->getDestructor();
  if (!Dtor || !Dtor->hasBody())
    return 0;
  llvm::SmallVector<MutexOp, 2> Released, Taken;
  collectMutexOps(Dtor->getBody(), *this, Released);
  if (!llvm::any_of(Released,
                    [](const MutexOp &Op) { return Op.Op == MutexOp::Unlock; }))
    return 0;
  for (const CXXConstructorDecl *Ctor : RD->ctors())
    if (!Ctor->isCopyOrMoveConstructor() && Ctor->hasBody())
      collectMutexOps(Ctor->getBody(), *this, Taken);
  int Kind = 0;
  for (const MutexOp &Op : Taken)
    if (Op.Op == MutexOp::Lock)
      Kind = Op.Shared ? 2 : 1;
  // A reader lock with a method that takes the writer lock (an upgrade,
  // `LockForWriting()`) may hold either, which the callers do not show.
  if (Kind == 2) {
    llvm::SmallVector<MutexOp, 2> Others;
    for (const CXXMethodDecl *MD : RD->methods())
      if (!isa<CXXConstructorDecl, CXXDestructorDecl>(MD) && MD->hasBody())
        collectMutexOps(MD->getBody(), *this, Others);
    if (llvm::any_of(Others, [](const MutexOp &Op) {
          return Op.Op == MutexOp::Lock && !Op.Shared;
        }))
      Kind = 0;
  }
  // Looked up again: the walks above may have grown the map.
  Inferred[RD] = Kind;
  return Kind;
}

AccessPath LockModel::mutexPath(const Expr *E) {
  E = ignoreTemporaries(E);
  if (!E)
    return AccessPath();
  if (E->getType()->isPointerType())
    return AccessPath::pointeeOf(E);
  return AccessPath::of(E);
}

std::optional<GuardConstruction>
LockModel::guardConstruction(const CXXConstructExpr *E) const {
  GuardConstruction G;
  if (!E || !isGuardType(E->getType(), &G.Shared))
    return std::nullopt;
  const CXXConstructorDecl *Ctor = E->getConstructor();
  if (Ctor && (Ctor->isCopyOrMoveConstructor()))
    return std::nullopt;
  for (const Expr *Arg : E->arguments()) {
    if (isa<CXXDefaultArgExpr>(Arg))
      continue;
    std::string ArgType = qualifiedTypeName(Arg->getType());
    if (ArgType == "std::defer_lock_t" || ArgType == "boost::defer_lock_t") {
      G.Acquires = false;
      continue;
    }
    if (ArgType == "std::try_to_lock_t" || ArgType == "boost::try_to_lock_t") {
      G.Acquires = false; // Held only where owns_lock() says so.
      continue;
    }
    if (StringRef(ArgType).ends_with("_lock_t"))
      continue; // adopt_lock: held from here on.
    QualType T = Arg->getType();
    if (T->isPointerType())
      T = T->getPointeeType();
    if (!T->isRecordType())
      continue; // Timeouts and the like.
    G.Mutexes.push_back(mutexPath(Arg));
  }
  if (G.Mutexes.empty())
    G.Acquires = false;
  return G;
}

std::optional<MutexOp> LockModel::mutexOp(const CallExpr *E) const {
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (!MD || !MD->getIdentifier() || !MD->getReturnType()->isVoidType())
      return std::nullopt;
    std::optional<LockMethod> LM = lockMethod(MD->getName());
    const Expr *Obj = MC->getImplicitObjectArgument();
    if (!LM || !Obj || isGuardType(Obj->getType()))
      return std::nullopt;
    MutexOp Op{LM->Lock ? MutexOp::Lock : MutexOp::Unlock, LM->Shared, {}};
    Op.Mutexes.push_back(mutexPath(Obj));
    return Op;
  }
  const FunctionDecl *FD = E->getDirectCallee();
  if (!FD || !FD->getIdentifier())
    return std::nullopt;
  StringRef Name = FD->getName();
  if (Name.starts_with("pthread_")) {
    if (E->getNumArgs() < 1)
      return std::nullopt;
    std::optional<MutexOp> Op;
    if (Name == "pthread_mutex_lock" || Name == "pthread_rwlock_wrlock" ||
        Name == "pthread_spin_lock")
      Op = MutexOp{MutexOp::Lock, false, {}};
    else if (Name == "pthread_rwlock_rdlock")
      Op = MutexOp{MutexOp::Lock, true, {}};
    else if (Name == "pthread_mutex_unlock" ||
             Name == "pthread_rwlock_unlock" || Name == "pthread_spin_unlock")
      Op = MutexOp{MutexOp::Unlock, false, {}};
    if (Op)
      Op->Mutexes.push_back(mutexPath(E->getArg(0)));
    return Op;
  }
  if (Name == "lock" && qualifiedDeclName(FD) == "std::lock") {
    MutexOp Op{MutexOp::Lock, false, {}};
    for (const Expr *Arg : E->arguments())
      Op.Mutexes.push_back(mutexPath(Arg));
    return Op;
  }
  return std::nullopt;
}

const VarDecl *LockModel::guardCall(const CallExpr *E,
                                    StringRef &Method) const {
  const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
  if (!MC)
    return nullptr;
  const CXXMethodDecl *MD = MC->getMethodDecl();
  const Expr *Obj = MC->getImplicitObjectArgument();
  if (!MD || !MD->getIdentifier() || !Obj || !isGuardType(Obj->getType()))
    return nullptr;
  const auto *DRE = dyn_cast<DeclRefExpr>(ignoreTemporaries(Obj));
  if (!DRE)
    return nullptr;
  Method = MD->getName();
  return dyn_cast<VarDecl>(DRE->getDecl());
}

/// Status-returning try-locks: pthread_*trylock (0 on success) and
/// std::try_lock (-1 on success). Returns the success value.
static std::optional<int64_t> statusTryLock(const CallExpr *CE,
                                             LockTest &T) {
  const FunctionDecl *FD = CE ? CE->getDirectCallee() : nullptr;
  if (!FD || !FD->getIdentifier() || CE->getNumArgs() == 0)
    return std::nullopt;
  StringRef N = FD->getName();
  if (N == "pthread_mutex_trylock" || N == "pthread_rwlock_trywrlock" ||
      N == "pthread_rwlock_tryrdlock" || N == "pthread_spin_trylock") {
    T.Shared = N == "pthread_rwlock_tryrdlock";
    T.Mutexes.push_back(LockModel::mutexPath(CE->getArg(0)));
    return 0;
  }
  if (N == "try_lock" && qualifiedDeclName(FD) == "std::try_lock") {
    for (const Expr *Arg : CE->arguments())
      T.Mutexes.push_back(LockModel::mutexPath(Arg));
    return -1;
  }
  return std::nullopt;
}

std::optional<LockTest> LockModel::lockTest(const Expr *Cond) const {
  if (!Cond)
    return std::nullopt;
  const Expr *E = Cond->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_LNot) {
    std::optional<LockTest> T = lockTest(UO->getSubExpr());
    if (T)
      T->WhenTrue = !T->WhenTrue;
    return T;
  }
  LockTest T;
  if (const auto *BO = dyn_cast<BinaryOperator>(E);
      BO && (BO->getOpcode() == BO_EQ || BO->getOpcode() == BO_NE)) {
    const Expr *Call = BO->getLHS(), *Lit = BO->getRHS();
    if (!literalValue(Lit))
      std::swap(Call, Lit);
    std::optional<int64_t> V = literalValue(Lit);
    std::optional<int64_t> Success =
        V ? statusTryLock(dyn_cast<CallExpr>(Call->IgnoreParenImpCasts()), T)
          : std::nullopt;
    if (!Success)
      return std::nullopt;
    // `== success` holds the lock when true; `== failure` when false.
    T.WhenTrue = (*V == *Success) == (BO->getOpcode() == BO_EQ);
    return T;
  }
  const auto *CE = dyn_cast<CallExpr>(E);
  if (!CE)
    return std::nullopt;
  if (std::optional<int64_t> Success = statusTryLock(CE, T)) {
    T.WhenTrue = *Success != 0; // `if (pthread_mutex_trylock(&m))` failed.
    return T;
  }
  const auto *MC = dyn_cast<CXXMemberCallExpr>(CE);
  const CXXMethodDecl *MD = MC ? MC->getMethodDecl() : nullptr;
  const Expr *Obj = MC ? MC->getImplicitObjectArgument() : nullptr;
  if (!MD || !Obj)
    return std::nullopt;
  if (isGuardType(Obj->getType(), &T.Shared)) {
    // lk.owns_lock(), lk.try_lock(), `if (lk)`.
    bool Tests = isa<CXXConversionDecl>(MD) ||
                 (MD->getIdentifier() &&
                  (MD->getName() == "owns_lock" ||
                   tryLockShared(MD->getName())));
    const auto *DRE = dyn_cast<DeclRefExpr>(ignoreTemporaries(Obj));
    T.Guard = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (!Tests || !T.Guard)
      return std::nullopt;
    return T;
  }
  std::optional<bool> Shared =
      MD->getIdentifier() ? tryLockShared(MD->getName()) : std::nullopt;
  if (!Shared)
    return std::nullopt;
  T.Shared = *Shared;
  T.Mutexes.push_back(mutexPath(Obj));
  return T;
}

} // namespace mapsafety
