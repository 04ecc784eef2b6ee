//===--- ContainerModel.cpp - What containers are and what calls do ------===//

#include "lib/ContainerModel.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/TemplateName.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace mapsafety {

namespace {

struct BuiltinContainer {
  const char *Name;
  ContainerFamily Family;
  bool SubscriptInserts;
  bool Multi;
};

// The standard library's containers and the common third-party ones whose
// rules are documented. Users add more through the ContainerTypes option.
const BuiltinContainer Builtins[] = {
    {"std::vector", ContainerFamily::Vector, false, false},
    {"std::basic_string", ContainerFamily::Vector, false, false},
    {"std::deque", ContainerFamily::Deque, false, false},
    {"std::list", ContainerFamily::List, false, false},
    {"std::forward_list", ContainerFamily::List, false, false},
    {"std::map", ContainerFamily::Ordered, true, false},
    {"std::set", ContainerFamily::Ordered, false, false},
    {"std::multimap", ContainerFamily::Ordered, false, true},
    {"std::multiset", ContainerFamily::Ordered, false, true},
    {"std::unordered_map", ContainerFamily::Unordered, true, false},
    {"std::unordered_set", ContainerFamily::Unordered, false, false},
    {"std::unordered_multimap", ContainerFamily::Unordered, false, true},
    {"std::unordered_multiset", ContainerFamily::Unordered, false, true},
    {"absl::flat_hash_map", ContainerFamily::FlatHash, true, false},
    {"absl::flat_hash_set", ContainerFamily::FlatHash, false, false},
    {"absl::node_hash_map", ContainerFamily::NodeHash, true, false},
    {"absl::node_hash_set", ContainerFamily::NodeHash, false, false},
    {"absl::btree_map", ContainerFamily::BTree, true, false},
    {"absl::btree_set", ContainerFamily::BTree, false, false},
    {"absl::btree_multimap", ContainerFamily::BTree, false, true},
    {"absl::btree_multiset", ContainerFamily::BTree, false, true},
    {"boost::container::flat_map", ContainerFamily::Vector, true, false},
    {"boost::container::flat_set", ContainerFamily::Vector, false, false},
    {"boost::unordered_map", ContainerFamily::Unordered, true, false},
    {"boost::unordered_set", ContainerFamily::Unordered, false, false},
    {"boost::unordered_flat_map", ContainerFamily::FlatHash, true, false},
    {"boost::unordered_flat_set", ContainerFamily::FlatHash, false, false},
    {"boost::unordered::unordered_map", ContainerFamily::Unordered, true, false},
    {"boost::unordered::unordered_set", ContainerFamily::Unordered, false, false},
    {"folly::F14FastMap", ContainerFamily::FlatHash, true, false},
    {"folly::F14ValueMap", ContainerFamily::FlatHash, true, false},
    {"folly::F14NodeMap", ContainerFamily::NodeHash, true, false},
    {"folly::F14VectorMap", ContainerFamily::FlatHash, true, false},
    {"folly::F14FastSet", ContainerFamily::FlatHash, false, false},
    {"folly::sorted_vector_map", ContainerFamily::Vector, true, false},
    {"folly::sorted_vector_set", ContainerFamily::Vector, false, false},
};

/// The qualified name a container is known by, with inline namespaces
/// (std::__1, std::__cxx11) dropped, and the standard library's own
/// namespaces directly inside std: with _GLIBCXX_DEBUG, std::map is
/// std::__debug::map, whose members such as operator[] are those of its base
/// std::__cxx1998::map.
std::string containerName(const NamedDecl *D) {
  std::string Result;
  const DeclContext *Ctx = D->getDeclContext();
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  for (; Ctx && !Ctx->isTranslationUnit(); Ctx = Ctx->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(Ctx)) {
      if (NS->isInline() || NS->isAnonymousNamespace() ||
          (NS->getName().starts_with("__") && NS->getParent()->isStdNamespace()))
        continue;
      Parts.push_back(NS->getName());
    } else if (const auto *RD = dyn_cast<RecordDecl>(Ctx)) {
      Parts.push_back(RD->getName());
    } else {
      return "";
    }
  }
  for (auto It = Parts.rbegin(); It != Parts.rend(); ++It) {
    Result += It->str();
    Result += "::";
  }
  Result += D->getName().str();
  return Result;
}

bool isOneOf(llvm::StringRef Name, std::initializer_list<llvm::StringRef> L) {
  for (llvm::StringRef S : L)
    if (Name == S)
      return true;
  return false;
}

} // namespace

ContainerModel::ContainerModel() {
  for (const BuiltinContainer &B : Builtins) {
    ContainerInfo Info;
    Info.Family = B.Family;
    Info.SubscriptInserts = B.SubscriptInserts;
    Info.Multi = B.Multi;
    Info.Name = B.Name;
    Info.IsStd = llvm::StringRef(B.Name).starts_with("std::");
    Known[B.Name] = Info;
  }
}

std::optional<ContainerFamily> ContainerModel::parseFamily(llvm::StringRef N) {
  return llvm::StringSwitch<std::optional<ContainerFamily>>(N.trim().lower())
      .Case("vector", ContainerFamily::Vector)
      .Case("deque", ContainerFamily::Deque)
      .Case("list", ContainerFamily::List)
      .Case("ordered", ContainerFamily::Ordered)
      .Case("unordered", ContainerFamily::Unordered)
      .Case("flathash", ContainerFamily::FlatHash)
      .Case("nodehash", ContainerFamily::NodeHash)
      .Case("btree", ContainerFamily::BTree)
      .Default(std::nullopt);
}

llvm::StringRef ContainerModel::familyName(ContainerFamily F) {
  switch (F) {
  case ContainerFamily::Vector: return "vector";
  case ContainerFamily::Deque: return "deque";
  case ContainerFamily::List: return "list";
  case ContainerFamily::Ordered: return "ordered";
  case ContainerFamily::Unordered: return "unordered";
  case ContainerFamily::FlatHash: return "flathash";
  case ContainerFamily::NodeHash: return "nodehash";
  case ContainerFamily::BTree: return "btree";
  }
  return "unknown";
}

bool ContainerModel::addContainerType(llvm::StringRef Spec) {
  Spec = Spec.trim();
  if (Spec.empty())
    return true;
  auto [Name, FamilyText] = Spec.split('=');
  Name = Name.trim();
  Name.consume_front("::");
  ContainerFamily Family = ContainerFamily::Unordered;
  if (!FamilyText.trim().empty()) {
    std::optional<ContainerFamily> F = parseFamily(FamilyText);
    if (!F)
      return false;
    Family = *F;
  }
  ContainerInfo Info;
  Info.Family = Family;
  // A map-like name is assumed to insert on operator[], as map types do.
  Info.SubscriptInserts = Name.contains_insensitive("map") &&
                          Family != ContainerFamily::Vector;
  Info.Multi = Name.contains_insensitive("multi");
  Info.Name = Name.str();
  Known[Name] = Info;
  return true;
}

void ContainerModel::addContainerTypes(llvm::StringRef List) {
  llvm::SmallVector<llvm::StringRef, 8> Items;
  List.split(Items, ';', -1, false);
  for (llvm::StringRef Item : Items) {
    llvm::SmallVector<llvm::StringRef, 8> Sub;
    Item.split(Sub, ',', -1, false);
    for (llvm::StringRef S : Sub)
      addContainerType(S);
  }
}

std::optional<ContainerInfo>
ContainerModel::lookup(llvm::StringRef QualName) const {
  auto It = Known.find(QualName);
  if (It == Known.end())
    return std::nullopt;
  return It->second;
}

std::optional<ContainerInfo>
ContainerModel::classify(const CXXRecordDecl *RD) const {
  if (!RD)
    return std::nullopt;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    return lookup(containerName(Spec->getSpecializedTemplate()));
  if (const ClassTemplateDecl *TD = RD->getDescribedClassTemplate())
    return lookup(containerName(TD));
  return lookup(containerName(RD));
}

std::optional<ContainerInfo> ContainerModel::classify(QualType T) const {
  if (T.isNull())
    return std::nullopt;
  T = T.getNonReferenceType();
  // Dependent specialisations (std::map<K, V> inside a template) still name
  // their template.
  if (const auto *TST = T->getAs<TemplateSpecializationType>()) {
    if (TemplateDecl *TD = TST->getTemplateName().getAsTemplateDecl()) {
      if (auto Info = lookup(containerName(TD)))
        return Info;
    }
  }
  T = T.getCanonicalType();
  if (const auto *InjT = T->getAs<InjectedClassNameType>())
    return classify(InjT->getDecl());
  return classify(T->getAsCXXRecordDecl());
}

std::optional<ContainerInfo>
ContainerModel::classifyPointee(QualType T) const {
  if (T.isNull())
    return std::nullopt;
  T = T.getNonReferenceType();
  if (const auto *PT = T->getAs<PointerType>())
    return classify(PT->getPointeeType());
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD);
  if (!Spec || Spec->getTemplateArgs().size() == 0)
    return std::nullopt;
  std::string Name = containerName(Spec->getSpecializedTemplate());
  if (!isOneOf(Name, {"std::unique_ptr", "std::shared_ptr", "std::optional",
                      "boost::optional", "absl::optional"}))
    return std::nullopt;
  const TemplateArgument &Arg = Spec->getTemplateArgs()[0];
  if (Arg.getKind() != TemplateArgument::Type)
    return std::nullopt;
  return classify(Arg.getAsType());
}

OpEffect ContainerModel::effectOf(const ContainerInfo &C, llvm::StringRef Name,
                                  bool IsConstCall) {
  OpEffect E;
  const ContainerFamily F = C.Family;
  const bool Contiguous = F == ContainerFamily::Vector;

  if (Name == "operator[]") {
    if (!C.SubscriptInserts || IsConstCall)
      return E; // A sequence's operator[] only reads the structure.
    Name = "try_emplace"; // An associative operator[] inserts when missing.
  }

  if (isOneOf(Name, {"insert", "emplace", "emplace_hint", "try_emplace",
                     "insert_or_assign", "push_back", "push_front",
                     "emplace_back", "emplace_front", "merge", "insert_range",
                     "append_range", "prepend_range", "append", "operator+=",
                     "splice", "insert_after", "emplace_after",
                     "splice_after"})) {
    E.Kind = OpKind::Insert;
    switch (F) {
    case ContainerFamily::List:
    case ContainerFamily::Ordered:
      E.Invalidates = Invalidation::None;
      break;
    default:
      // Contiguous storage may reallocate; hash tables may rehash; deque
      // insertion invalidates every iterator; B-trees split nodes.
      E.Invalidates = Invalidation::All;
      break;
    }
    return E;
  }

  if (isOneOf(Name, {"erase", "pop_back", "pop_front", "extract", "remove",
                     "remove_if", "unique", "erase_after"})) {
    E.Kind = OpKind::Erase;
    switch (F) {
    case ContainerFamily::Vector:
      E.Invalidates = Invalidation::AtOrAfter;
      break;
    case ContainerFamily::Deque:
      // Erasing at either end invalidates only the erased element; in the
      // middle, everything.
      E.Invalidates = (Name == "pop_back" || Name == "pop_front")
                          ? Invalidation::Erased
                          : Invalidation::All;
      break;
    case ContainerFamily::BTree:
      E.Invalidates = Invalidation::All;
      break;
    default:
      E.Invalidates = Invalidation::Erased;
      break;
    }
    return E;
  }

  if (isOneOf(Name, {"clear", "assign", "operator=", "swap", "assign_range"})) {
    E.Kind = OpKind::Reset;
    E.Invalidates = Invalidation::All;
    return E;
  }

  if (isOneOf(Name, {"reserve", "rehash"})) {
    E.Kind = OpKind::Reset;
    E.Invalidates = (F == ContainerFamily::List || F == ContainerFamily::Ordered)
                        ? Invalidation::None
                        : Invalidation::All;
    return E;
  }

  if (isOneOf(Name, {"resize", "shrink_to_fit"})) {
    E.Kind = OpKind::Reset;
    E.Invalidates = (Contiguous || F == ContainerFamily::Deque)
                        ? Invalidation::All
                        : Invalidation::Erased;
    return E;
  }

  if (isOneOf(Name, {"sort", "reverse"}) && F == ContainerFamily::List) {
    // Relinks nodes: iterators stay valid but the traversal order changes.
    E.Kind = OpKind::Reset;
    E.Invalidates = Invalidation::None;
    return E;
  }

  return E; // begin, end, find, at, size, count, contains, ...: reads.
}

std::optional<OpEffect>
ContainerModel::effectOfFreeFunction(const ContainerInfo &C,
                                     llvm::StringRef QualName) {
  QualName.consume_front("::");
  if (QualName.consume_front("std::")) {
    if (QualName.starts_with("__"))
      return std::nullopt;
    if (QualName == "erase_if" || QualName == "erase") {
      OpEffect E = effectOf(C, "erase");
      // Removes elements anywhere: for sequences, everything after the first.
      if (C.Family == ContainerFamily::Vector ||
          C.Family == ContainerFamily::Deque)
        E.Invalidates = Invalidation::All;
      return E;
    }
    if (QualName == "swap")
      return effectOf(C, "swap");
  }
  return std::nullopt;
}

} // namespace mapsafety
