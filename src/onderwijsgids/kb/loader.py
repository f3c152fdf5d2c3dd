"""Read ``content/`` into validated items, with Dutch errors that name file, line and field.

No Django here: the CLI checks content without a database, and the advice engine
can run on a knowledge base read straight from disk.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Literal, Mapping, overload

import yaml
from pydantic import TypeAdapter, ValidationError

from onderwijsgids.errors import InvalidInput, Problem, field_path

from .schema import (
    ITEM_TYPES, TYPE_DIRS, Actiepunt, AnyItem, Initiatief, Item, ItemType, Kwalificatie,
    Onderwijsniveau, Organisatie, Pagina, Regeling, Woordenlijst,
)

ITEM_ADAPTER: TypeAdapter[Item] = TypeAdapter(AnyItem)
GLOSSARY_FILE = "woordenlijst.yaml"
ITEM_DIRS = tuple(TYPE_DIRS.values())


class ContentError(InvalidInput):
    """Raised when content does not validate; carries every problem found, in file order."""

    def __init__(self, problems: list[Problem]):
        super().__init__(sorted(problems, key=lambda p: (p.file, p.line or 0, p.field)))


@dataclass
class KnowledgeBase:
    """Every validated item by ID (each with its ``type``), where it came from, the glossary."""

    items: dict[str, Item] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # id -> relative path
    nodes: dict[str, Any] = field(default_factory=dict, repr=False)  # id -> YAML node tree
    glossary: Woordenlijst | None = None
    digest: str = ""

    @overload
    def of_type(self, item_type: Literal["actiepunt"]) -> list[Actiepunt]: ...
    @overload
    def of_type(self, item_type: Literal["kwalificatie"]) -> list[Kwalificatie]: ...
    @overload
    def of_type(self, item_type: Literal["onderwijsniveau"]) -> list[Onderwijsniveau]: ...
    @overload
    def of_type(self, item_type: Literal["regeling"]) -> list[Regeling]: ...
    @overload
    def of_type(self, item_type: Literal["organisatie"]) -> list[Organisatie]: ...
    @overload
    def of_type(self, item_type: Literal["initiatief"]) -> list[Initiatief]: ...
    @overload
    def of_type(self, item_type: Literal["pagina"]) -> list[Pagina]: ...
    @overload
    def of_type(self, item_type: ItemType | str) -> list[Item]: ...

    def of_type(self, item_type: str) -> list[Any]:
        """The items of one type in the guide's order (``volgorde``, then number, then ID)."""
        found = [i for i in self.items.values() if i.type == item_type]
        return sorted(found, key=lambda i: (i.volgorde, getattr(i, "nummer", 0), i.id))

    def get(self, item_id: str) -> Item | None:
        return self.items.get(item_id)


# --- YAML with line numbers -------------------------------------------------------------


_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when installed


class _LineLoader(_SafeLoader):
    """Safe loader (libyaml when available) that also keeps the node tree for line numbers."""


def _parse(text: str) -> tuple[Any, yaml.Node | None]:
    """Parse once: the node tree (for lines) and the data constructed from it."""
    loader = _LineLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return data, node


def line_of(node: yaml.Node | None, loc: Iterable[Any]) -> int | None:
    """The 1-based line of the value at ``loc`` (a pydantic error location) in ``node``."""
    if node is None:
        return None
    current = node
    for part in loc:
        if isinstance(current, yaml.MappingNode):
            match = next((v for k, v in current.value if k.value == part), None)
            if match is None:
                # The key itself is unknown or missing: point at the mapping.
                key = next((k for k, _ in current.value if k.value == part), None)
                return (key or current).start_mark.line + 1
            current = match
        elif isinstance(current, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(current.value):
                break
            current = current.value[part]
        else:
            # Discriminated-union tags ("actiepunt") and the like are not in the file.
            continue
    return current.start_mark.line + 1


_MESSAGES = {
    "missing": "is verplicht maar ontbreekt",
    "extra_forbidden": "is geen bekend veld (tikfout?)",
    "string_pattern_mismatch": "heeft niet de juiste vorm",
    "string_too_short": "mag niet leeg zijn",
    "too_short": "moet minstens één waarde hebben",
    "date_from_datetime_parsing": "is geen geldige datum (JJJJ-MM-DD)",
    "date_parsing": "is geen geldige datum (JJJJ-MM-DD)",
    "date_type": "is geen geldige datum (JJJJ-MM-DD)",
    "literal_error": "heeft een onbekende waarde",
    "union_tag_invalid": "is geen bekend itemtype",
    "union_tag_not_found": "ontbreekt: elk item heeft een 'type'",
    "int_parsing": "moet een geheel getal zijn",
    "int_type": "moet een geheel getal zijn",
    "string_type": "moet tekst zijn",
    "bool_type": "moet ja/nee (true/false) zijn",
    "bool_parsing": "moet ja/nee (true/false) zijn",
    "greater_than_equal": "is te klein",
    "less_than_equal": "is te groot",
    "list_type": "moet een lijst zijn",
    "dict_type": "moet een tabel (sleutel: waarde) zijn",
    "model_type": "moet een tabel (sleutel: waarde) zijn",
}


def dutch_message(error: Mapping[str, Any]) -> str:
    """Translate one pydantic error into a short Dutch sentence."""
    kind = error.get("type", "")
    if kind == "value_error":
        return str(error.get("ctx", {}).get("error", error.get("msg", "")))
    base = _MESSAGES.get(kind)
    if base is None:
        return f"is ongeldig ({error.get('msg', kind)})"
    if kind == "literal_error":
        expected = str(error.get("ctx", {}).get("expected") or "").replace("' or '", "' of '")
        return f"{base}; toegestaan: {expected}" if expected else base
    return base


_TYPE_TAGS = set(ITEM_TYPES)


def validation_problems(rel: str, exc: ValidationError, node: yaml.Node | None) -> list[Problem]:
    problems = []
    for error in exc.errors():
        loc = [p for p in error["loc"] if not (isinstance(p, str) and p in _TYPE_TAGS)]
        if error["type"].startswith("union_tag_") and not loc:
            loc = ["type"]  # the item type itself is wrong or missing
        problems.append(Problem(field_path(loc), dutch_message(error), line_of(node, loc), rel))
    return problems


# --- reading the directory --------------------------------------------------------------


def _read_yaml(path: Path, rel: str) -> tuple[Any, yaml.Node | None, list[Problem]]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None, None, [Problem("", "is geen UTF-8-tekst", file=rel)]
    try:
        data, node = _parse(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        reason = getattr(exc, "problem", None) or "ongeldige YAML"
        return None, None, [Problem("", f"ongeldige YAML: {reason}", line, rel)]
    except ValueError:  # YAML's own date constructor rejects e.g. 2025-13-45
        line, field = _invalid_date(yaml.compose(text, Loader=_LineLoader))
        return None, None, [Problem(field, "is geen geldige datum (JJJJ-MM-DD)", line, rel)]
    return data, node, []


def _invalid_date(node: yaml.Node | None, path: str = "") -> tuple[int | None, str]:
    """Line and field of the first scalar that looks like a date but is not one."""
    if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:timestamp":
        try:
            yaml.SafeLoader("").construct_yaml_timestamp(node)
        except ValueError:
            return node.start_mark.line + 1, path
    children: list[tuple[str, yaml.Node]] = []
    if isinstance(node, yaml.MappingNode):
        children = [(f"{path}.{k.value}" if path else str(k.value), v) for k, v in node.value]
    elif isinstance(node, yaml.SequenceNode):
        children = [(f"{path}[{i}]", v) for i, v in enumerate(node.value)]
    for child_path, child in children:
        found = _invalid_date(child, child_path)
        if found[0] is not None:
            return found
    return None, ""


def read_items(root: Path) -> tuple[KnowledgeBase, list[Problem]]:
    """Read and validate every item file; return what parsed and every problem found."""
    kb = KnowledgeBase()
    problems: list[Problem] = []
    digest = hashlib.sha256()
    if not root.is_dir():
        return kb, [Problem("", "map met content bestaat niet", file=str(root))]
    for path in sorted(root.rglob("*.yaml")):
        rel = path.relative_to(root).as_posix()
        digest.update(rel.encode() + path.read_bytes())
        if rel == GLOSSARY_FILE or rel.split("/")[0] not in ITEM_DIRS:
            continue
        data, node, found = _read_yaml(path, rel)
        problems += found
        if found:
            continue
        if not isinstance(data, dict):
            problems.append(Problem("", "een itembestand bevat één tabel (sleutel: waarde)",
                                    1, rel))
            continue
        try:
            item = ITEM_ADAPTER.validate_python(data)
        except ValidationError as exc:
            problems += validation_problems(rel, exc, node)
            continue
        if item.id in kb.items:
            first = kb.files[item.id]
            problems.append(
                Problem("id", f"'{item.id}' komt ook voor in {first}", line_of(node, ["id"]), rel)
            )
            continue
        kb.items[item.id] = item
        kb.files[item.id] = rel
        kb.nodes[item.id] = node
    glossary_path = root / GLOSSARY_FILE
    if glossary_path.exists():
        data, node, found = _read_yaml(glossary_path, GLOSSARY_FILE)
        problems += found
        if not found:
            try:
                kb.glossary = Woordenlijst.model_validate(data)
            except ValidationError as exc:
                problems += validation_problems(GLOSSARY_FILE, exc, node)
    kb.digest = digest.hexdigest()
    return kb, problems


def load_knowledge_base(root: Path, require_contract_ids: bool = True) -> KnowledgeBase:
    """Read, validate and cross-check ``root``; raise :class:`ContentError` on any problem."""
    from .check import check_knowledge_base

    kb, problems = read_items(root)
    if root.is_dir():  # a missing folder is one problem, not one per contract ID
        problems += check_knowledge_base(kb, require_contract_ids=require_contract_ids)
    if problems:
        raise ContentError(problems)
    return kb
