"""The question route of ``/advies/`` as a list of nodes, in the spirit of smart-answers.

Each node is one question. It owns how it is asked (title, and per form control the label,
hint, widget and choices), how a submitted form is parsed, how it is validated (by the profile
model of contract §2, so the route gives the same Dutch messages as the CLI and the API), what it
stores in the answers (by profile key) and how the check page ("controle") summarises it. List
questions (learners, courses, new staff) are nodes too: they add one item at a time and
describe each item in words.

:data:`ROUTE` is built from :data:`NODES`: the steps and their order, the profile keys, the list
keys and the check page all follow from that list, so adding a question is adding one node
there. A node is asked on the page named by its ``page`` (its own slug unless given); the start
page asks the company name. No web imports: the views pass the submitted data and the
knowledge base.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any, Callable, ClassVar, Iterable, Mapping, Sequence, Union

from django.utils.translation import gettext_lazy as _

from onderwijsgids.dutch import dutch_date
from onderwijsgids.vocabulary import (CAO_VALUES, GOALS, HBO_DOMAINS, LEARNING_PATHS, PROVINCES,
                                      TARGET_GROUPS)

from .engine.profile import ProfileError, parse_profile
from .labels import (CAO_LABELS, GOAL_LABELS, HBO_DOMAIN_LABELS, LEERWEG_LABELS, PROVINCE_LABELS,
                     TARGET_GROUP_LABELS)

START = "start"  # the page of the start page, which is not a numbered step
CHECK = "controle"  # the page after the last step

Choices = tuple[tuple[str, Any], ...]
YES_NO_UNKNOWN: Choices = (("ja", _("Ja")), ("nee", _("Nee")), ("onbekend", _("Weet ik niet")))
YES_NO: Choices = (("ja", _("Ja")), ("nee", _("Nee")))

REQUIRED = _("Kies een antwoord")
DATE_PARTS = _("Vul dag, maand en jaar in, of laat alle drie leeg")
NUMBER = _("Vul een geheel getal in, of laat het veld leeg")
DATE_ERROR = _("Vul een bestaande datum in (dag, maand en jaar)")
NOT_ANSWERED = _("Niet beantwoord")
UNKNOWN = _("Weet ik niet")
NONE = _("Geen")


def _choices(values: Iterable[str], labels: Mapping[str, Any]) -> Choices:
    return tuple((value, labels.get(value, value)) for value in values)


def _day(value: Any) -> str:
    """A stored ISO date as the Dutch write it (1 september 2025); other text unchanged."""
    try:
        return dutch_date(dt.date.fromisoformat(value))
    except (TypeError, ValueError):
        return str(value)


# --- form controls --------------------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    """One form control of a node: how it is asked, parsed, shown again and summarised.

    ``name`` is the control's name in the form; the answer is stored under :attr:`key`, the
    profile key, which is the same unless ``profile_key`` says otherwise (a yes/no question
    that answers a list of regelingen). ``kind`` is the widget the templates draw.
    """

    name: str
    label: Any
    choices: Choices = ()
    required: bool = False
    hint: Any = ""
    autocomplete: str = ""
    width: str = ""
    summary_label: Any = ""  # the row on the check page; default: the label
    choices_from: Callable[[Any], Choices] | None = None  # choices that come from the kb
    profile_key: str = ""

    kind: ClassVar[str] = "text"
    first_suffix: ClassVar[str] = ""  # the id of the first control: its name and this

    @property
    def key(self) -> str:
        return self.profile_key or self.name

    def ask(self, kb: Any) -> "Field":
        """This control as it is shown: choices that depend on the knowledge base filled in."""
        return replace(self, choices=self.choices_from(kb)) if self.choices_from else self

    def parse(self, data: Any) -> tuple[Any, str | None]:
        """The submitted form → (profile value, error message or None)."""
        return (data.get(self.name) or "").strip() or None, None

    def form_value(self, value: Any) -> Any:
        """A stored profile value as the form shows it."""
        return value

    def label_of(self, value: Any) -> str:
        return str(dict(self.choices).get(value, value))

    def summary(self, value: Any) -> str:
        """A stored value in words for the check page (``None``: "weet ik niet")."""
        return str(UNKNOWN) if value is None else self.label_of(value)

    def bind(self, stored: Mapping[str, Any], errors: Mapping[str, str],
             raw: Any = None) -> dict[str, Any]:
        """What the template needs: first control's id, current value(s), error, hint ids.
        ``raw`` (the submitted form) is shown again exactly as sent."""
        value = self.form_value(stored[self.key]) if self.key in stored else ""
        if raw is not None:
            value = self._raw_value(raw)
        described = " ".join(x for x in (f"{self.name}-hint" if self.hint else "",
                                          f"{self.name}-fout" if self.name in errors else "")
                             if x)
        return {"f": self, "id": self.first_id, "value": "" if value is None else value,
                "values": value if isinstance(value, list) else [],
                "parts": self._parts(stored, raw), "error": errors.get(self.name),
                "describedby": described}

    @property
    def first_id(self) -> str:
        return self.name + self.first_suffix

    def _raw_value(self, raw: Any) -> Any:
        return raw.get(self.name, "")

    def _parts(self, stored: Mapping[str, Any], raw: Any) -> dict[str, str]:
        return {}


@dataclass(frozen=True)
class Text(Field):
    kind: ClassVar[str] = "text"


@dataclass(frozen=True)
class Select(Field):
    """A drop-down; the empty option means "weet ik niet"."""

    kind: ClassVar[str] = "select"


@dataclass(frozen=True)
class Number(Field):
    """A whole number; empty means "weet ik niet". Thousands dots are allowed (1.200)."""

    kind: ClassVar[str] = "number"

    def parse(self, data: Any) -> tuple[Any, str | None]:
        text = (data.get(self.name) or "").strip().replace(".", "")
        if not text:
            return None, None
        if not text.isdigit():
            return None, str(NUMBER)
        return int(text), None


@dataclass(frozen=True)
class Radio(Field):
    kind: ClassVar[str] = "radio"
    first_suffix: ClassVar[str] = "-0"

    def parse(self, data: Any) -> tuple[Any, str | None]:
        raw = data.get(self.name)
        if raw in (None, ""):
            return None, str(REQUIRED) if self.required else None
        return self.from_choice(raw), None

    def from_choice(self, raw: str) -> Any:
        return raw


@dataclass(frozen=True)
class YesNo(Radio):
    """Ja / Nee / Weet ik niet, stored as ``True`` / ``False`` / ``None``."""

    choices: Choices = YES_NO_UNKNOWN
    ANSWERS: ClassVar[dict[str, bool | None]] = {"ja": True, "nee": False, "onbekend": None}

    def from_choice(self, raw: str) -> Any:
        return self.ANSWERS.get(raw, raw)  # anything else: the profile model names it

    def form_value(self, value: Any) -> Any:
        return {True: "ja", False: "nee", None: "onbekend"}.get(value, value)

    def summary(self, value: Any) -> str:
        return str(UNKNOWN) if value is None else self.label_of(self.form_value(value))


@dataclass(frozen=True)
class AppliedFor(Radio):
    """"Heb je <regeling> al aangevraagd?" as Ja / Nee, stored as the profile's list of
    regelingen applied for (``aangevraagd: [oom-ptt]`` or ``[]``). The one place where the
    form's yes/no and the profile's list meet."""

    choices: Choices = YES_NO
    profile_key: str = "aangevraagd"
    regeling: str = ""

    def from_choice(self, raw: str) -> Any:
        return [self.regeling] if raw == "ja" else []

    def is_applied(self, value: Any) -> bool:
        return self.regeling in (value or [])

    def form_value(self, value: Any) -> Any:
        return "ja" if self.is_applied(value) else "nee"

    def summary(self, value: Any) -> str:
        return self.label_of(self.form_value(value))


@dataclass(frozen=True)
class Checkboxes(Field):
    """Any number of choices, stored as a list (``[]``: answered "none")."""

    kind: ClassVar[str] = "checkboxes"
    first_suffix: ClassVar[str] = "-0"

    def parse(self, data: Any) -> tuple[Any, str | None]:
        return data.getlist(self.name), None

    def _raw_value(self, raw: Any) -> Any:
        return raw.getlist(self.name)

    def summary(self, value: Any) -> str:
        if value is None:
            return str(UNKNOWN)
        return ", ".join(self.label_of(v) for v in value) or str(NONE)


@dataclass(frozen=True)
class Date(Field):
    """Three boxes ``name-dag``, ``name-maand``, ``name-jaar``, stored as ``YYYY-MM-DD`` text.
    An impossible date (30 2 2026) gets its message from the profile model."""

    kind: ClassVar[str] = "date"
    first_suffix: ClassVar[str] = "-dag"
    PARTS: ClassVar[tuple[str, ...]] = ("dag", "maand", "jaar")

    def parse(self, data: Any) -> tuple[Any, str | None]:
        parts = [(data.get(f"{self.name}-{part}") or "").strip() for part in self.PARTS]
        if not any(parts):
            return None, None
        if not all(p.isdigit() for p in parts) or len(parts[2]) != 4:
            return None, str(DATE_PARTS)
        day, month, year = (int(p) for p in parts)
        return f"{year:04d}-{month:02d}-{day:02d}", None

    def summary(self, value: Any) -> str:
        return str(UNKNOWN) if value is None else _day(value)

    def _parts(self, stored: Mapping[str, Any], raw: Any) -> dict[str, str]:
        if raw is not None:
            return {p: raw.get(f"{self.name}-{p}", "") for p in self.PARTS}
        return date_parts(stored.get(self.key))


def date_parts(value: str | None) -> dict[str, str]:
    if not value:
        return {"dag": "", "maand": "", "jaar": ""}
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        year, month, d = (value.split("-") + ["", "", ""])[:3]
        return {"dag": d, "maand": month, "jaar": year}
    return {"dag": str(day.day), "maand": str(day.month), "jaar": str(day.year)}


# --- validation by the profile model --------------------------------------------------------


def _sentence(melding: str) -> str:
    """Model messages name a field ("is te groot"); next to a form field they need a subject."""
    if melding.split(" ", 1)[0] in {"is", "moet", "heeft", "mag"}:
        return f"{_('Dit antwoord')} {melding}"
    return melding[:1].upper() + melding[1:]


def profile_problems(values: Mapping[str, Any], kb: Any, prefix: str = "") -> dict[str, str]:
    """Validate ``values`` with the profile model: Dutch messages keyed by the profile key they
    are about. With ``prefix`` (``leerlingen[0].``) the keys are those inside that item, and ""
    is the item as a whole (an end date before the start)."""
    try:
        parse_profile(dict(values), kb)
    except ProfileError as exc:
        problems: dict[str, str] = {}
        for problem in exc.problems:
            name = problem.field.removeprefix(prefix).split(".")[0].split("[")[0]
            if prefix and problem.field + "." == prefix:
                name = ""
            problems.setdefault(name, _sentence(problem.message))
        return problems
    return {}


def _parse(fields: Sequence[Field], data: Any) -> tuple[dict[str, Any], dict[str, str]]:
    """The submitted form → profile values by key, and errors by form control name."""
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for f in fields:
        value, error = f.parse(data)
        if error:
            errors[f.name] = error
        else:
            values[f.key] = value
    return values, errors


def _on_fields(problems: Mapping[str, str], fields: Sequence[Field]) -> dict[str, str]:
    """Each model message next to the control that answers its key: a date control gets the
    form's own message, and a message about the whole (end before start) goes to the last
    date control (or the first control)."""
    by_key = {f.key: f for f in fields}
    dates = [f for f in fields if f.kind == "date"]
    errors: dict[str, str] = {}
    for key, message in problems.items():
        target = by_key.get(key)
        if target is None:
            errors.setdefault((dates[-1] if dates else fields[0]).name, message)
        elif target.kind == "date":
            errors.setdefault(target.name, str(DATE_ERROR))
        else:
            errors.setdefault(target.name, message)
    return errors


# --- nodes ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SummaryRow:
    """One row of the check page: what was asked, the answer in words, and where to change it."""

    label: str
    value: str
    page: str


class _Asked:
    """What every node shares: the page it is asked on and its form controls as shown."""

    slug: str
    page: str
    fields: tuple[Field, ...]

    @property
    def on_page(self) -> str:
        """The page it is asked on: ``page`` if given, else its own slug."""
        return self.page or self.slug

    def ask(self, kb: Any) -> list[Field]:
        return [f.ask(kb) for f in self.fields]


@dataclass(frozen=True)
class Question(_Asked):
    """A node that asks one or more profile fields together (one page, one "Verder")."""

    slug: str
    title: Any
    fields: tuple[Field, ...]
    page: str = ""
    intro: Any = ""

    kind: ClassVar[str] = "question"

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields)

    def answer(self, data: Any, kb: Any) -> tuple[dict[str, Any], dict[str, str]]:
        """The submitted form → (values to store by profile key, errors by control name)."""
        values, errors = _parse(self.fields, data)
        if errors:
            return values, errors
        return values, _on_fields(profile_problems(values, kb), self.fields)

    def from_query(self, query: Any, kb: Any) -> dict[str, Any]:
        """The valid answers to this node given in a query string (none if one is invalid)."""
        given = [f for f in self.fields if f.name in query]
        if not given:
            return {}
        values, errors = _parse(given, query)
        return {} if errors or profile_problems(values, kb) else values

    def summary(self, stored: Mapping[str, Any]) -> list[SummaryRow]:
        return [SummaryRow(str(f.summary_label or f.label),
                           f.summary(stored[f.key]) if f.key in stored else str(NOT_ANSWERED),
                           self.on_page) for f in self.fields]


@dataclass(frozen=True)
class ListQuestion(_Asked):
    """A node whose answer is a list, filled one item at a time (``/advies/<slug>/nieuw/``).
    ``fields`` is the form of one item; subclasses say how an item is described in words."""

    slug: str
    title: Any
    key: str  # the profile key of the list
    fields: tuple[Field, ...]
    add_label: Any
    summary_label: Any
    intro: Any = ""
    page: str = ""

    kind: ClassVar[str] = "list"

    @property
    def keys(self) -> tuple[str, ...]:
        return (self.key,)

    def items(self, stored: Mapping[str, Any]) -> list[dict[str, Any]]:
        return list(stored.get(self.key) or [])

    def item_from_form(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """Parsed values → the item as the profile stores it."""
        return {f.key: values.get(f.key) for f in self.fields}

    def add(self, data: Any, kb: Any) -> tuple[dict[str, Any], dict[str, str]]:
        """The submitted item form → (the item, errors by control name)."""
        values, errors = _parse(self.fields, data)
        item = self.item_from_form(values)
        if errors:
            return item, errors
        problems = profile_problems({self.key: [item]}, kb, prefix=f"{self.key}[0].")
        return item, _on_fields(problems, self.fields)

    def describe(self, item: Mapping[str, Any]) -> str:
        raise NotImplementedError

    def summary(self, stored: Mapping[str, Any]) -> list[SummaryRow]:
        if self.key not in stored:
            value = str(NOT_ANSWERED)
        else:
            value = "; ".join(self.describe(item) for item in stored[self.key]) or str(NONE)
        return [SummaryRow(str(self.summary_label), value, self.on_page)]

    def field(self, key: str) -> Field:
        return next(f for f in self.fields if f.key == key)


def crebo_choices(kb: Any) -> Choices:
    """The guide's qualification profiles, by crebo code."""
    profiles = [k for k in kb.of_type("kwalificatie") if getattr(k, "soort", "") == "profiel"]
    return tuple((k.id, f"{k.id} — {k.titel}") for k in profiles)


@dataclass(frozen=True)
class LearnerList(ListQuestion):
    """Learners and interns: no names. The hbo domain is kept for hbo learners only, the
    leerwerktraject for vmbo learners only."""

    def item_from_form(self, values: Mapping[str, Any]) -> dict[str, Any]:
        item = super().item_from_form(values)
        leerweg = item.get("leerweg") or ""
        if not (leerweg.startswith("hbo") and item.get("hbo_domein")):
            item.pop("hbo_domein", None)
        if not (leerweg == "vmbo" and item.get("leerwerktraject") is not None):
            item.pop("leerwerktraject", None)
        return item

    def describe(self, item: Mapping[str, Any]) -> str:
        leerwegen: dict[Any, Any] = dict(self.field("leerweg").choices)
        parts = [str(leerwegen.get(item.get("leerweg"), _("leerweg onbekend")))]
        if item.get("crebo"):
            parts.append(f"crebo {item['crebo']}")
        if item.get("hbo_domein"):
            parts.append(str(_("domein %(domein)s") % {
                "domein": self.field("hbo_domein").label_of(item["hbo_domein"])}))
        if item.get("leerwerktraject") is not None:
            parts.append(str(_("met leerwerktraject") if item["leerwerktraject"]
                             else _("zonder leerwerktraject")))
        if item.get("start"):
            parts.append(str(_("vanaf %(datum)s") % {"datum": _day(item["start"])}))
        if item.get("eind"):
            parts.append(str(_("tot %(datum)s") % {"datum": _day(item["eind"])}))
        return ", ".join(parts)


@dataclass(frozen=True)
class CourseList(ListQuestion):
    """Planned courses for the company's own staff."""

    def describe(self, item: Mapping[str, Any]) -> str:
        parts = [item.get("omschrijving") or str(_("cursus zonder omschrijving"))]
        if item.get("start"):
            parts.append(str(_("start %(datum)s") % {"datum": _day(item["start"])}))
        applied = self.field("aangevraagd")
        if isinstance(applied, AppliedFor) and applied.is_applied(item.get("aangevraagd")):
            parts.append(str(_("PTT aangevraagd")))
        return ", ".join(parts)


@dataclass(frozen=True)
class NewStaffList(ListQuestion):
    """People hired or about to be hired: no names."""

    def describe(self, item: Mapping[str, Any]) -> str:
        group = item.get("doelgroep")
        parts = [self.field("doelgroep").label_of(group) if group
                 else str(_("nieuwe medewerker"))]
        if item.get("in_dienst"):
            parts.append(str(_("in dienst per %(datum)s") % {"datum": _day(item["in_dienst"])}))
        if item.get("contract_maanden") is not None:
            parts.append(str(_("contract van %(maanden)s maanden") % {
                "maanden": item["contract_maanden"]}))
        if item.get("uren_per_week") is not None:
            parts.append(str(_("%(uren)s uur per week") % {"uren": item["uren_per_week"]}))
        return ", ".join(parts)


Node = Union[Question, ListQuestion]


# --- the route ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """The nodes asked on one page: one question, or one or more lists (the first is the
    page's own list, answered by "Verder")."""

    slug: str
    nodes: tuple[Node, ...]

    @property
    def own(self) -> Node:
        return self.nodes[0]

    @property
    def title(self) -> Any:
        return self.own.title

    @property
    def intro(self) -> Any:
        return self.own.intro

    @property
    def kind(self) -> str:
        return self.own.kind

    @property
    def lists(self) -> list[ListQuestion]:
        return [node for node in self.nodes if isinstance(node, ListQuestion)]

    def ask(self, kb: Any) -> list[Field]:
        return [f for node in self.nodes for f in node.ask(kb)]

    def answer(self, data: Any, kb: Any) -> tuple[dict[str, Any], dict[str, str]]:
        values: dict[str, Any] = {}
        errors: dict[str, str] = {}
        for node in self.nodes:
            if isinstance(node, Question):
                node_values, node_errors = node.answer(data, kb)
                values.update(node_values)
                errors.update(node_errors)
        return values, errors

    def remove_name(self, node: Node) -> str:
        """The name of a list's remove buttons: ``verwijder`` for the page's own list."""
        return "verwijder" if node is self.own else f"verwijder-{node.slug}"


class Route:
    """The nodes in the order they are asked, and what follows from them."""

    def __init__(self, nodes: Sequence[Node]):
        self.nodes: tuple[Node, ...] = tuple(nodes)
        _check_owners(self.nodes)
        pages: dict[str, list[Node]] = {}
        for node in self.nodes:
            pages.setdefault(node.on_page, []).append(node)
        self.pages = {slug: Page(slug, tuple(group)) for slug, group in pages.items()}
        self.start = self.pages.get(START, Page(START, ()))
        self.steps: list[Page] = [page for slug, page in self.pages.items() if slug != START]
        self._slugs = [page.slug for page in self.steps]

    @property
    def profile_keys(self) -> tuple[str, ...]:
        """Every profile key the route asks, in the order asked."""
        return tuple(key for node in self.nodes for key in node.keys)

    @property
    def list_keys(self) -> dict[str, str]:
        """List node slug → its profile key."""
        return {node.slug: node.key for node in self.nodes if isinstance(node, ListQuestion)}

    @property
    def total_steps(self) -> int:
        return len(self.steps) + 1  # the questions plus "controleer je antwoorden"

    def step(self, slug: str) -> Page | None:
        return self.pages.get(slug) if slug != START else None

    def list_node(self, slug: str) -> ListQuestion | None:
        return next((n for n in self.nodes if isinstance(n, ListQuestion) and n.slug == slug),
                    None)

    def number(self, slug: str) -> int:
        return self._slugs.index(slug) + 1 if slug in self._slugs else self.total_steps

    def next_slug(self, slug: str) -> str:
        if slug == START:
            return self._slugs[0]
        index = self._slugs.index(slug)
        return self._slugs[index + 1] if index + 1 < len(self._slugs) else CHECK

    def previous_slug(self, slug: str) -> str:
        """The page before ``slug``; ``START`` before the first step."""
        if slug == CHECK:
            return self._slugs[-1]
        index = self._slugs.index(slug)
        return self._slugs[index - 1] if index > 0 else START

    def from_query(self, query: Any, kb: Any) -> dict[str, Any]:
        """The valid answers given in a query string, node by node."""
        values: dict[str, Any] = {}
        for node in self.nodes:
            if isinstance(node, Question):
                values.update(node.from_query(query, kb))
        return values

    def summary(self, stored: Mapping[str, Any]) -> list[SummaryRow]:
        """The check page: every node's summary, in the order asked."""
        return [row for node in self.nodes for row in node.summary(stored)]

    def page_asking(self, path: str) -> Page | None:
        """The step whose page asks profile field ``path`` (``leerlingen[0].crebo`` → the page
        of the learners); ``None`` for what no step asks (the name, the peildatum)."""
        key = path.split("[", 1)[0].split(".", 1)[0]
        node = next((n for n in self.nodes if key in n.keys), None)
        return self.step(node.on_page) if node else None


def _check_owners(nodes: Sequence[Node]) -> None:
    """Every node slug and every profile key belongs to one node; a page holds one question or
    only lists."""
    for what, names in (("node slug", [n.slug for n in nodes]),
                        ("profile key", [k for n in nodes for k in n.keys])):
        twice = sorted({name for name in names if names.count(name) > 1})
        if twice:
            raise ValueError(f"route: {what} of more than one node: {', '.join(twice)}")
    pages: dict[str, list[str]] = {}
    for node in nodes:
        pages.setdefault(node.on_page, []).append(node.kind)
    mixed = [slug for slug, kinds in pages.items()
             if len(kinds) > 1 and set(kinds) != {"list"}]
    if mixed:
        raise ValueError(f"route: page with a question and other nodes: {', '.join(mixed)}")


# --- the questions --------------------------------------------------------------------------

NODES: list[Node] = [
    Question("naam", _("Naam van je bedrijf"), (
        Text("naam", _("Naam van je bedrijf"), autocomplete="organization",
             hint=_("Komt op je plan en in de PDF. Vul geen namen van personen in.")),),
        page=START),
    Question("cao", _("Onder welke cao valt je bedrijf?"), (
        Radio("cao", _("Onder welke cao valt je bedrijf?"), _choices(CAO_VALUES, CAO_LABELS),
              required=True, summary_label=_("Cao"),
              hint=_("De regelingen van opleidingsfonds OOM gelden voor de cao Metaal en "
                     "Techniek.")),)),
    Question("medewerkers", _("Hoeveel medewerkers heeft je bedrijf?"), (
        Number("medewerkers", _("Aantal medewerkers"), width="short",
               hint=_("Het aantal mensen in dienst. Laat leeg als je het niet weet.")),)),
    Question("vestiging", _("Waar zit je bedrijf?"), (
        Select("provincie", _("Provincie"), _choices(PROVINCES, PROVINCE_LABELS),
               hint=_("Dan noemen we de bedrijfsvakschool in je provincie.")),
        Text("plaats", _("Plaats"), autocomplete="address-level2"))),
    Question("leerbedrijf", _("Leerbedrijf en praktijkopleider"), (
        YesNo("erkend_leerbedrijf", _("Is je bedrijf door SBB erkend als leerbedrijf?"),
              required=True, summary_label=_("Erkend leerbedrijf")),
        YesNo("praktijkopleider_opgeleid",
              _("Heeft de begeleider van je leerlingen een praktijkopleiderscursus gevolgd?"),
              required=True, summary_label=_("Praktijkopleider opgeleid")))),
    Question("doelen", _("Wat wil je bereiken?"), (
        Checkboxes("doelen", _("Wat wil je bereiken?"), _choices(GOALS, GOAL_LABELS),
                   hint=_("Kies alles wat past."), summary_label=_("Doelen")),)),
    Question("doelgroepen", _("Welke groepen wil je ook bereiken?"), (
        Checkboxes("doelgroepen", _("Welke groepen wil je ook bereiken?"),
                   _choices(TARGET_GROUPS, TARGET_GROUP_LABELS),
                   hint=_("Kies alles wat past, of niets."), summary_label=_("Doelgroepen")),)),
    LearnerList(
        "leerlingen", _("Leerlingen en stagiairs"), "leerlingen", (
            Radio("leerweg", _("Welke leerweg volgt de leerling?"),
                  _choices(LEARNING_PATHS, LEERWEG_LABELS), required=True),
            Select("crebo", _("Opleiding (crebocode)"), choices_from=crebo_choices),
            Date("start", _("Startdatum"), hint=_("Bijvoorbeeld 1 9 2025")),
            Date("eind", _("Einddatum"), hint=_("Bijvoorbeeld 1 7 2027")),
            YesNo("via_bvm", _("Verzorgt een bedrijfsvakschool een deel van de opleiding?"),
                  required=True),
            Select("hbo_domein", _("Alleen voor hbo: in welk domein valt de opleiding?"),
                   _choices(HBO_DOMAINS, HBO_DOMAIN_LABELS),
                   hint=_("Voor sommige regelingen telt alleen een hbo-opleiding in bepaalde "
                          "domeinen.")),
            YesNo("leerwerktraject", _("Alleen voor vmbo: volgt de leerling een "
                                       "leerwerktraject?"),
                  hint=_("Een leerwerktraject in de basisberoepsgerichte leerweg."))),
        add_label=_("Leerling toevoegen"), summary_label=_("Leerlingen en stagiairs"),
        intro=_("Voeg je huidige en geplande leerlingen en stagiairs één voor één toe. We "
                "vragen geen namen.")),
    CourseList(
        "scholing", _("Scholing van je medewerkers"), "scholing_medewerkers", (
            Text("omschrijving", _("Omschrijving van de cursus"),
                 hint=_("Bijvoorbeeld: TIG-lassen gevorderd")),
            Date("start", _("Startdatum"), hint=_("Bijvoorbeeld 1 4 2026")),
            AppliedFor("ptt_aangevraagd",
                       _("Heb je de PTT van OOM voor deze cursus al aangevraagd?"),
                       required=True, regeling="oom-ptt"),
            Number("kosten_eur", _("Kosten in euro"), width="short",
                   hint=_("Dan kunnen we de vergoeding schatten."))),
        add_label=_("Cursus toevoegen"), summary_label=_("Scholing van medewerkers"),
        intro=_("Voeg geplande cursussen voor je eigen medewerkers één voor één toe.")),
    # Asked on the page of "scholing" (a second list there), so the route keeps its number of
    # steps.
    NewStaffList(
        "nieuwe-medewerkers", _("Nieuwe medewerkers"), "nieuwe_medewerkers", (
            Select("doelgroep", _("Hoort de nieuwe medewerker bij een van deze groepen?"),
                   _choices(TARGET_GROUPS, TARGET_GROUP_LABELS)),
            Date("in_dienst", _("In dienst per"), hint=_("Bijvoorbeeld 1 2 2026")),
            Number("contract_maanden", _("Duur van het contract in maanden"), width="short",
                   hint=_("Bijvoorbeeld 12. Laat leeg als je het niet weet.")),
            Number("uren_per_week", _("Uren per week"), width="short")),
        add_label=_("Nieuwe medewerker toevoegen"), summary_label=_("Nieuwe medewerkers"),
        intro=_("Heb je iemand aangenomen of ga je dat doen? Voeg hem of haar toe; we vragen "
                "geen namen."),
        page="scholing"),
]

ROUTE = Route(NODES)
