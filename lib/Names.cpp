//===--- Names.cpp - Small helpers the concurrency models share ----------===//

#include "lib/Names.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace mapsafety {

namespace {

/// Qualified name without template arguments and inline namespaces.
std::string declName(const NamedDecl *D) {
  llvm::SmallVector<StringRef, 4> Parts;
  for (const DeclContext *Ctx = D->getDeclContext();
       Ctx && !Ctx->isTranslationUnit(); Ctx = Ctx->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(Ctx)) {
      if (NS->isInline() || NS->isAnonymousNamespace())
        continue;
      Parts.push_back(NS->getName());
    } else if (const auto *RD = dyn_cast<RecordDecl>(Ctx)) {
      Parts.push_back(RD->getName());
    } else if (!isa<LinkageSpecDecl>(Ctx)) {
      break;
    }
  }
  std::string Result;
  for (auto It = Parts.rbegin(); It != Parts.rend(); ++It)
    Result += It->str() + "::";
  return Result + D->getName().str();
}

const Expr *stripAll(const Expr *E) {
  while (E) {
    const Expr *Next = E->IgnoreParenImpCasts();
    if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(Next))
      Next = MT->getSubExpr();
    else if (const auto *BT = dyn_cast<CXXBindTemporaryExpr>(Next))
      Next = BT->getSubExpr();
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

} // namespace

std::string qualifiedDeclName(const NamedDecl *D) {
  return D && D->getIdentifier() ? declName(D) : std::string();
}

std::string qualifiedTypeName(QualType T) {
  if (T.isNull())
    return "";
  T = T.getNonReferenceType();
  if (const auto *TST = T->getAs<TemplateSpecializationType>())
    if (TemplateDecl *TD = TST->getTemplateName().getAsTemplateDecl())
      return declName(TD);
  const TagDecl *TD = T.getCanonicalType()->getAsTagDecl();
  const auto *RD = dyn_cast_or_null<CXXRecordDecl>(TD);
  if (!RD)
    return TD ? declName(TD) : "";
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    return declName(Spec->getSpecializedTemplate());
  return declName(RD);
}

void addNameList(llvm::StringSet<> &Set, StringRef List) {
  llvm::SmallVector<StringRef, 8> Items;
  List.split(Items, ';', -1, false);
  for (StringRef Item : Items) {
    Item = Item.trim();
    Item.consume_front("::");
    if (!Item.empty())
      Set.insert(Item);
  }
}

const Expr *ignoreTemporaries(const Expr *E) {
  while (E) {
    const Expr *Next = E->IgnoreParenImpCasts();
    if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(Next))
      Next = MT->getSubExpr();
    else if (const auto *BT = dyn_cast<CXXBindTemporaryExpr>(Next))
      Next = BT->getSubExpr();
    else if (const auto *EC = dyn_cast<ExprWithCleanups>(Next))
      Next = EC->getSubExpr();
    else if (const auto *FC = dyn_cast<CXXFunctionalCastExpr>(Next);
             FC && FC->getCastKind() == CK_ConstructorConversion)
      Next = FC->getSubExpr(); // T(x) constructs as T x(x) does.
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

} // namespace mapsafety
