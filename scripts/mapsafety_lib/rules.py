"""What the machine-readable formats say about each check: a one-line
description, the first paragraph of its documentation page, the page itself
and where it is published."""
import os
import re
import urllib.request

# One line per check, as in the README's table. test/cli/rules.test keeps
# this in step with docs/checks/.
SHORT_DESCRIPTIONS = {
    "mapsafety-unsynchronized-access":
        "A container written by one thread while another may use it, with no common mutex",
    "mapsafety-write-under-shared-lock":
        "A write to a container (including map::operator[]) under a reader lock",
    "mapsafety-guarded-reference-escape":
        "A reference to a mutex-guarded container that outlives the lock",
    "mapsafety-mutation-during-iteration":
        "A container changed while a loop iterates over it, or an iterator used after erase",
    "mapsafety-null-map-dereference":
        "A pointer to a container used while it may be null or was never set",
    "mapsafety-unchecked-find":
        "The result of find used without comparing it with end()",
}

CLANG_TIDY_DOCS = "https://clang.llvm.org/extra/clang-tidy/checks/%s/%s.html"


class Rule:
    def __init__(self, check, docs_dirs):
        self.id = check
        self.page = find_page(check, docs_dirs)
        self.markdown = read_text(self.page) if self.page else ""
        self.short = SHORT_DESCRIPTIONS.get(check) or check
        self.full = first_paragraph(self.markdown) or self.short
        self.help_uri = help_uri(check, self.page)


def docs_dirs(root):
    """Where the check pages are: the source tree, or an installed prefix."""
    return [os.path.join(root, "docs", "checks"),
            os.path.join(root, "share", "doc", "mapsafety", "checks")]


def find_page(check, dirs):
    for d in dirs:
        page = os.path.join(d, check + ".md")
        if os.path.isfile(page):
            return page
    return None


def read_text(path):
    with open(path, encoding="utf-8", errors="replace") as fh:
        return fh.read()


def first_paragraph(markdown):
    """The first paragraph after the page's title, on one line."""
    paragraphs = [p for p in re.split(r"\n\s*\n", markdown) if p.strip()]
    for p in paragraphs:
        if not p.lstrip().startswith("#"):
            return " ".join(p.split())
    return ""


def help_uri(check, page):
    """MAPSAFETY_DOCS_URL/<check>.md when set (the published docs/checks/),
    else the local page; clang-tidy's own checks link to LLVM's pages."""
    base = os.environ.get("MAPSAFETY_DOCS_URL")
    if check.startswith("mapsafety-"):
        if base:
            return base.rstrip("/") + "/" + check + ".md"
        if page:
            return "file://" + urllib.request.pathname2url(os.path.abspath(page))
        return None
    if check.startswith("clang-diagnostic-") or "-" not in check:
        return None
    module, name = check.split("-", 1)
    if module == "clang" and name.startswith("analyzer-"):
        module, name = "clang-analyzer", name[len("analyzer-"):]
    return CLANG_TIDY_DOCS % (module, name)
