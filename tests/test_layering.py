"""The layers of ``src/``, enforced by a small import scan (``ast``; no extra dependency).

- Only the web layer imports a views module: modules named ``views`` or ``urls`` and the site
  shell ``onderwijsgids.web``. A service, an API, a CLI command, a domain module does not.
- Only the web layer and the API itself import an API module (``api``, ``api_*``: the ninja
  routers and their schemas); a CLI command gets its JSON from a plain module.
- Nothing under ``src/`` imports from ``tests`` or names a path under it.
- The domain modules (``kb``, ``advice/engine``, ``search/engine``, ``workspace/domain`` and
  ``errors``) import no web framework (django, ninja), not even through another project module
  or a parent package.
- No module imports a ``_private`` name from a module of another package.

Every import counts, also one inside a function. The scan runs on ``src/`` and, to show that it
catches each kind of leak, on a small made-up tree with one leak of each kind.
"""

from __future__ import annotations

import ast
import textwrap
from dataclasses import dataclass
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
DOMAIN = ("onderwijsgids.kb", "onderwijsgids.advice.engine", "onderwijsgids.search.engine",
          "onderwijsgids.workspace.domain", "onderwijsgids.errors")
WEB_FRAMEWORKS = ("django", "ninja")
WEB_LAYER = ("onderwijsgids.web",)
TEST_ROOTS = ("tests", "conftest")


@dataclass(frozen=True)
class Import:
    importer: str
    target: str  # the module imported, or imported from
    name: str | None  # for ``from target import name``
    line: int


def _in(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


class Tree:
    """The Python modules under one source root, by dotted name."""

    def __init__(self, root: Path):
        self.root = root
        self.files: dict[str, Path] = {}
        self.packages: set[str] = set()
        for path in sorted(root.rglob("*.py")):
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
                self.packages.add(".".join(parts))
            self.files[".".join(parts)] = path

    def package_of(self, module: str) -> str:
        return module if module in self.packages else module.rpartition(".")[0]

    def imports(self, module: str) -> list[Import]:
        found = []
        tree = ast.parse(self.files[module].read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found += [Import(module, alias.name, None, node.lineno) for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                target = self._resolve(module, node.module, node.level)
                found += [Import(module, target, alias.name, node.lineno) for alias in node.names]
        return found

    def _resolve(self, module: str, name: str | None, level: int) -> str:
        if not level:
            return name or ""
        base = self.package_of(module).split(".")
        base = base[: len(base) - (level - 1)]
        return ".".join(base + ([name] if name else []))

    def modules_reached(self, imp: Import) -> list[str]:
        """The project modules an import names: the target, and ``target.name`` if a module."""
        reached = [imp.target] if imp.target in self.files else []
        if imp.name and f"{imp.target}.{imp.name}" in self.files:
            reached.append(f"{imp.target}.{imp.name}")
        return reached

    def parents(self, module: str) -> list[str]:
        """The packages Python runs before ``module``, nearest first."""
        parts = module.split(".")
        return [p for p in (".".join(parts[:n]) for n in range(len(parts) - 1, 0, -1))
                if p in self.packages]

    def path(self, module: str) -> str:
        return self.files[module].relative_to(self.root).as_posix()


def _is_view(module: str) -> bool:
    return module.rpartition(".")[2] == "views"


def _is_web_layer(module: str) -> bool:
    return module.rpartition(".")[2] in ("views", "urls") or _in(module, WEB_LAYER)


def _is_api(module: str) -> bool:
    name = module.rpartition(".")[2]
    return name == "api" or name.startswith("api_")


def _names_tests_path(source: str) -> int | None:
    """The line of a string that is a path into ``tests/`` (e.g. ``root / "tests" / …``)."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and (
                node.value == "tests" or node.value.startswith("tests/")):
            return node.lineno
    return None


def _web_importers(tree: Tree) -> dict[str, str]:
    """Every module that imports a web framework, with what it imports."""
    return {imp.importer: imp.target for module in tree.files for imp in tree.imports(module)
            if _in(imp.target, WEB_FRAMEWORKS)}


def _web_chain(tree: Tree, start: str, web: dict[str, str]) -> list[str] | None:
    """The shortest chain of project imports from ``start`` to a web framework, if any."""
    seen, queue = {start}, [[start]]
    while queue:
        chain = queue.pop(0)
        if chain[-1] in web:
            return chain + [web[chain[-1]]]
        loaded = tree.parents(chain[-1]) + [
            module for imp in tree.imports(chain[-1]) for module in tree.modules_reached(imp)]
        for module in loaded:
            if module not in seen:
                seen.add(module)
                queue.append(chain + [module])
    return None


def layering_violations(root: Path) -> list[str]:
    """Every leak under ``root``, one line each: ``path:line: what``."""
    tree = Tree(root)
    web = _web_importers(tree)
    found = []
    for module in tree.files:
        where = tree.path(module)
        for imp in tree.imports(module):
            for reached in tree.modules_reached(imp):
                if _is_view(reached) and not _is_web_layer(module):
                    found.append(f"{where}:{imp.line}: imports a views module ({reached})")
                if _is_api(reached) and not (_is_web_layer(module) or _is_api(module)):
                    found.append(f"{where}:{imp.line}: imports an API module ({reached})")
            if _in(imp.target, TEST_ROOTS):
                found.append(f"{where}:{imp.line}: imports from tests ({imp.target})")
            private = imp.name and imp.name.startswith("_") and not imp.name.startswith("__")
            if private and imp.target in tree.files and \
                    tree.package_of(imp.target) != tree.package_of(module):
                found.append(f"{where}:{imp.line}: imports the private {imp.name} of "
                             f"another package ({imp.target})")
        line = _names_tests_path(tree.files[module].read_text(encoding="utf-8"))
        if line:
            found.append(f"{where}:{line}: reads a file under tests/")
        if _in(module, DOMAIN):
            chain = _web_chain(tree, module, web)
            if chain:
                found.append(f"{where}: domain module reaches {chain[-1]} ({' → '.join(chain)})")
    return sorted(found)


def test_src_keeps_its_layers():
    assert layering_violations(SRC) == []


# --- the scan itself catches every kind of leak -------------------------------------------

LEAKY_TREE = {
    "onderwijsgids/__init__.py": "",
    "onderwijsgids/helpers.py": "from django.conf import settings\n",
    "onderwijsgids/urls.py": "from .search import views\nfrom .api import api\n",  # allowed
    "onderwijsgids/web/__init__.py": "",
    "onderwijsgids/web/limits.py": "from .views import too_large\n",  # allowed
    "onderwijsgids/web/views.py": "",
    "onderwijsgids/search/__init__.py": "",
    "onderwijsgids/search/views.py": "from . import services\n",  # allowed
    "onderwijsgids/search/services.py": "from .views import finder_results\n",
    "onderwijsgids/search/api.py": """
        def zoeken():
            from onderwijsgids.search import views
        """,
    "onderwijsgids/search/commands.py": """
        def cmd_zoek():
            from .api import search_document
        """,
    "onderwijsgids/api.py": "from .search import api\n",  # allowed: the API itself
    "onderwijsgids/search/engine/__init__.py": "",
    "onderwijsgids/search/engine/evaluation.py": """
        from pathlib import Path
        QUESTIONS = Path(__file__).parents[4] / "tests" / "search" / "questions.tsv"
        """,
    "onderwijsgids/search/engine/query.py": "from tests.search.conftest import index\n",
    "onderwijsgids/kb/__init__.py": "import django\n",
    "onderwijsgids/advice/__init__.py": "",
    "onderwijsgids/advice/batch.py": "from .engine.rules.common import _outcome\n",
    "onderwijsgids/advice/engine/__init__.py": "from onderwijsgids.helpers import settings\n",
    "onderwijsgids/advice/engine/rules/__init__.py": "",
    "onderwijsgids/advice/engine/rules/common.py": "def _outcome(): ...\n",
    "onderwijsgids/advice/engine/rules/jobstart.py": "from .common import _outcome\n",  # allowed
    "onderwijsgids/workspace/__init__.py": "",
    "onderwijsgids/workspace/api.py": "from . import views\n",
    "onderwijsgids/workspace/views.py": "",
    "onderwijsgids/workspace/domain/__init__.py": "",
    "onderwijsgids/workspace/domain/csvio.py": "def _cell(): ...\n",
    "onderwijsgids/workspace/advisor.py": "from .domain.csvio import _cell\n",
}


def test_the_scan_finds_each_kind_of_leak(tmp_path):
    for rel, text in LEAKY_TREE.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    assert layering_violations(tmp_path) == [
        "onderwijsgids/advice/batch.py:1: imports the private _outcome of another package "
        "(onderwijsgids.advice.engine.rules.common)",
        "onderwijsgids/advice/engine/__init__.py: domain module reaches django.conf "
        "(onderwijsgids.advice.engine → onderwijsgids.helpers → django.conf)",
        "onderwijsgids/advice/engine/rules/__init__.py: domain module reaches django.conf "
        "(onderwijsgids.advice.engine.rules → onderwijsgids.advice.engine → "
        "onderwijsgids.helpers → django.conf)",
        "onderwijsgids/advice/engine/rules/common.py: domain module reaches django.conf "
        "(onderwijsgids.advice.engine.rules.common → onderwijsgids.advice.engine → "
        "onderwijsgids.helpers → django.conf)",
        "onderwijsgids/advice/engine/rules/jobstart.py: domain module reaches django.conf "
        "(onderwijsgids.advice.engine.rules.jobstart → onderwijsgids.advice.engine → "
        "onderwijsgids.helpers → django.conf)",
        "onderwijsgids/kb/__init__.py: domain module reaches django (onderwijsgids.kb → django)",
        "onderwijsgids/search/api.py:2: imports a views module (onderwijsgids.search.views)",
        "onderwijsgids/search/commands.py:2: imports an API module (onderwijsgids.search.api)",
        "onderwijsgids/search/engine/evaluation.py:2: reads a file under tests/",
        "onderwijsgids/search/engine/query.py:1: imports from tests (tests.search.conftest)",
        "onderwijsgids/search/services.py:1: imports a views module (onderwijsgids.search.views)",
        "onderwijsgids/workspace/advisor.py:1: imports the private _cell of another package "
        "(onderwijsgids.workspace.domain.csvio)",
        "onderwijsgids/workspace/api.py:1: imports a views module (onderwijsgids.workspace.views)",
    ]
