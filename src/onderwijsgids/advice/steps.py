"""The question route of ``/advies/`` as data: one question per page, answers by question key.

Each step answers one or more profile fields (contract §2). Parsing a submitted step returns
the values for those fields and per-field errors; the values are validated by the same
profile model as the CLI and the API, so every channel gives the same Dutch messages.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Callable

from django.utils.translation import gettext_lazy as _

from onderwijsgids.vocabulary import (CAO_VALUES, GOALS, HBO_DOMAINS, LEARNING_PATHS, PROVINCES,
                                      TARGET_GROUPS)

from .labels import (CAO_LABELS, GOAL_LABELS, HBO_DOMAIN_LABELS, LEERWEG_LABELS, PROVINCE_LABELS,
                     TARGET_GROUP_LABELS)

YES_NO_UNKNOWN = [("ja", _("Ja")), ("nee", _("Nee")), ("onbekend", _("Weet ik niet"))]
TRI_STATE = {"ja": True, "nee": False, "onbekend": None}


@dataclass
class Field:
    """One form control. ``name`` is the profile key inside the step (or the list item)."""

    name: str
    label: Any
    kind: str  # radio | checkboxes | number | text | select | date
    choices: list[tuple[str, Any]] = field(default_factory=list)
    required: bool = False
    hint: Any = ""
    autocomplete: str = ""
    width: str = ""


@dataclass
class Step:
    slug: str
    title: Any
    fields: list[Field]
    keys: tuple[str, ...]  # the profile keys this step answers
    kind: str = "question"  # question | list
    intro: Any = ""


def _choices(values, labels) -> list[tuple[str, Any]]:
    return [(value, labels.get(value, value)) for value in values]


STEPS: list[Step] = [
    Step("cao", _("Onder welke cao valt je bedrijf?"), [
        Field("cao", _("Onder welke cao valt je bedrijf?"), "radio",
              _choices(CAO_VALUES, CAO_LABELS), required=True,
              hint=_("De regelingen van opleidingsfonds OOM gelden voor de cao Metaal en "
                     "Techniek."))], ("cao",)),
    Step("medewerkers", _("Hoeveel medewerkers heeft je bedrijf?"), [
        Field("medewerkers", _("Aantal medewerkers"), "number",
              hint=_("Het aantal mensen in dienst. Laat leeg als je het niet weet."),
              width="short")], ("medewerkers",)),
    Step("vestiging", _("Waar zit je bedrijf?"), [
        Field("provincie", _("Provincie"), "select", _choices(PROVINCES, PROVINCE_LABELS),
              hint=_("Dan noemen we de bedrijfsvakschool in je provincie.")),
        Field("plaats", _("Plaats"), "text", autocomplete="address-level2")],
        ("provincie", "plaats")),
    Step("leerbedrijf", _("Leerbedrijf en praktijkopleider"), [
        Field("erkend_leerbedrijf", _("Is je bedrijf door SBB erkend als leerbedrijf?"), "radio",
              YES_NO_UNKNOWN, required=True),
        Field("praktijkopleider_opgeleid",
              _("Heeft de begeleider van je leerlingen een praktijkopleiderscursus gevolgd?"),
              "radio", YES_NO_UNKNOWN, required=True)],
        ("erkend_leerbedrijf", "praktijkopleider_opgeleid")),
    Step("doelen", _("Wat wil je bereiken?"), [
        Field("doelen", _("Wat wil je bereiken?"), "checkboxes", _choices(GOALS, GOAL_LABELS),
              hint=_("Kies alles wat past."))], ("doelen",)),
    Step("doelgroepen", _("Welke groepen wil je ook bereiken?"), [
        Field("doelgroepen", _("Welke groepen wil je ook bereiken?"), "checkboxes",
              _choices(TARGET_GROUPS, TARGET_GROUP_LABELS),
              hint=_("Kies alles wat past, of niets."))], ("doelgroepen",)),
    Step("leerlingen", _("Leerlingen en stagiairs"), [], ("leerlingen",), kind="list",
         intro=_("Voeg je huidige en geplande leerlingen en stagiairs één voor één toe. We vragen "
                 "geen namen.")),
    Step("scholing", _("Scholing van je medewerkers"), [], ("scholing_medewerkers",),
         kind="list", intro=_("Voeg geplande cursussen voor je eigen medewerkers één voor één "
                              "toe.")),
    # Asked on the page of the step "scholing" (a second list there), so the route keeps its
    # number of steps; not in STEPS.

]
NEW_STAFF_LIST = Step(
    "nieuwe-medewerkers", _("Nieuwe medewerkers"), [], ("nieuwe_medewerkers",), kind="list",
    intro=_("Heb je iemand aangenomen of ga je dat doen? Voeg hem of haar toe; we vragen geen "
            "namen."))
STEP_BY_SLUG = {step.slug: step for step in STEPS}
TOTAL_STEPS = len(STEPS) + 1  # the questions plus "controleer je antwoorden"

LEARNER_FIELDS = [
    Field("leerweg", _("Welke leerweg volgt de leerling?"), "radio",
          _choices(LEARNING_PATHS, LEERWEG_LABELS), required=True),
    Field("crebo", _("Opleiding (crebocode)"), "select", []),
    Field("start", _("Startdatum"), "date", hint=_("Bijvoorbeeld 1 9 2025")),
    Field("eind", _("Einddatum"), "date", hint=_("Bijvoorbeeld 1 7 2027")),
    Field("via_bvm", _("Verzorgt een bedrijfsvakschool een deel van de opleiding?"), "radio",
          YES_NO_UNKNOWN, required=True),
    Field("hbo_domein", _("Alleen voor hbo: in welk domein valt de opleiding?"), "select",
          _choices(HBO_DOMAINS, HBO_DOMAIN_LABELS),
          hint=_("Voor sommige regelingen telt alleen een hbo-opleiding in bepaalde domeinen.")),
    Field("leerwerktraject", _("Alleen voor vmbo: volgt de leerling een leerwerktraject?"),
          "radio", YES_NO_UNKNOWN,
          hint=_("Een leerwerktraject in de basisberoepsgerichte leerweg.")),
]
COURSE_FIELDS = [
    Field("omschrijving", _("Omschrijving van de cursus"), "text",
          hint=_("Bijvoorbeeld: TIG-lassen gevorderd")),
    Field("start", _("Startdatum"), "date", hint=_("Bijvoorbeeld 1 4 2026")),
    Field("ptt_aangevraagd", _("Heb je de PTT van OOM voor deze cursus al aangevraagd?"),
          "radio", [("ja", _("Ja")), ("nee", _("Nee"))], required=True),
    Field("kosten_eur", _("Kosten in euro"), "number",
          hint=_("Dan kunnen we de vergoeding schatten."), width="short"),
]
NEW_STAFF_FIELDS = [
    Field("doelgroep", _("Hoort de nieuwe medewerker bij een van deze groepen?"), "select",
          _choices(TARGET_GROUPS, TARGET_GROUP_LABELS)),
    Field("in_dienst", _("In dienst per"), "date", hint=_("Bijvoorbeeld 1 2 2026")),
    Field("contract_maanden", _("Duur van het contract in maanden"), "number",
          hint=_("Bijvoorbeeld 12. Laat leeg als je het niet weet."), width="short"),
    Field("uren_per_week", _("Uren per week"), "number", width="short"),
]
LIST_FIELDS = {"leerlingen": LEARNER_FIELDS, "scholing": COURSE_FIELDS,
               "nieuwe-medewerkers": NEW_STAFF_FIELDS}
# The step whose page shows a list (new staff are listed on the page of "scholing").
LIST_PAGE = {"leerlingen": "leerlingen", "scholing": "scholing",
             "nieuwe-medewerkers": "scholing"}


def step_number(slug: str) -> int:
    return [s.slug for s in STEPS].index(slug) + 1 if slug in STEP_BY_SLUG else TOTAL_STEPS


def next_slug(slug: str) -> str:
    index = [s.slug for s in STEPS].index(slug)
    return STEPS[index + 1].slug if index + 1 < len(STEPS) else "controle"


def previous_slug(slug: str) -> str:
    if slug == "controle":
        return STEPS[-1].slug
    index = [s.slug for s in STEPS].index(slug)
    return STEPS[index - 1].slug if index > 0 else ""


# --- parsing submitted values ----------------------------------------------------------------

REQUIRED = _("Kies een antwoord")
DATE_PARTS = _("Vul dag, maand en jaar in, of laat alle drie leeg")
NUMBER = _("Vul een geheel getal in, of laat het veld leeg")


def parse_date(data: Any, name: str) -> tuple[str | None, str | None]:
    """Three fields ``name-dag``, ``name-maand``, ``name-jaar`` → ``YYYY-MM-DD`` text or None.

    The text is validated by the profile model, so an impossible date gets its message there.
    """
    parts = [(data.get(f"{name}-{part}") or "").strip() for part in ("dag", "maand", "jaar")]
    if not any(parts):
        return None, None
    if not all(parts) or not all(p.isdigit() for p in parts) or len(parts[2]) != 4:
        return None, str(DATE_PARTS)
    day, month, year = (int(p) for p in parts)
    return f"{year:04d}-{month:02d}-{day:02d}", None


def parse_fields(fields: list[Field], data: Any) -> tuple[dict[str, Any], dict[str, str]]:
    """Submitted form data → profile values and errors keyed by field name."""
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for f in fields:
        raw = data.get(f.name)
        if f.kind == "radio":
            if raw in (None, ""):
                if f.required:
                    errors[f.name] = str(REQUIRED)
                continue
            values[f.name] = TRI_STATE.get(raw, raw) if f.choices in (YES_NO_UNKNOWN,) else raw
        elif f.kind == "checkboxes":
            values[f.name] = data.getlist(f.name)
        elif f.kind == "number":
            text = (raw or "").strip().replace(".", "")
            if not text:
                values[f.name] = None
            elif not text.isdigit():
                errors[f.name] = str(NUMBER)
            else:
                values[f.name] = int(text)
        elif f.kind == "date":
            value, error = parse_date(data, f.name)
            if error:
                errors[f.name] = error
            else:
                values[f.name] = value
        else:
            values[f.name] = (raw or "").strip() or None
    return values, errors


def date_parts(value: str | None) -> dict[str, str]:
    if not value:
        return {"dag": "", "maand": "", "jaar": ""}
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        year, month, d = (value.split("-") + ["", "", ""])[:3]
        return {"dag": d, "maand": month, "jaar": year}
    return {"dag": str(day.day), "maand": str(day.month), "jaar": str(day.year)}


ProfileCheck = Callable[[dict[str, Any]], dict[str, str]]
