"""The route's answers in words, as "controleer je antwoorden" and the plan's "Dit plan gaat uit
van" show them: one row per question, the values in the vocabulary's words (no slugs)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import gettext as _

from onderwijsgids.dutch import dutch_date

from .labels import (
    CAO_LABELS, GOAL_LABELS, HBO_DOMAIN_LABELS, LEERWEG_LABELS, PROVINCE_LABELS,
    TARGET_GROUP_LABELS,
)

LIST_KEYS = {"leerlingen": "leerlingen", "scholing": "scholing_medewerkers",
             "nieuwe-medewerkers": "nieuwe_medewerkers"}


def day_in_words(value: str) -> str:
    """A stored ISO date as the Dutch write it (1 september 2025); other text unchanged."""
    try:
        return dutch_date(dt.date.fromisoformat(value))
    except (TypeError, ValueError):
        return str(value)


def describe_learner(item: dict[str, Any]) -> str:
    parts = [str(LEERWEG_LABELS.get(item.get("leerweg"), _("leerweg onbekend")))]
    if item.get("crebo"):
        parts.append(f"crebo {item['crebo']}")
    if item.get("hbo_domein"):
        parts.append(_("domein %(domein)s") % {
            "domein": HBO_DOMAIN_LABELS.get(item["hbo_domein"], item["hbo_domein"])})
    if item.get("leerwerktraject") is not None:
        parts.append(_("met leerwerktraject") if item["leerwerktraject"]
                     else _("zonder leerwerktraject"))
    if item.get("start"):
        parts.append(_("vanaf %(datum)s") % {"datum": day_in_words(item["start"])})
    if item.get("eind"):
        parts.append(_("tot %(datum)s") % {"datum": day_in_words(item["eind"])})
    return ", ".join(parts)


def describe_new_staff(item: dict[str, Any]) -> str:
    group = item.get("doelgroep")
    parts = [str(TARGET_GROUP_LABELS.get(group, group)) if group
             else str(_("nieuwe medewerker"))]
    if item.get("in_dienst"):
        parts.append(_("in dienst per %(datum)s") % {"datum": day_in_words(item["in_dienst"])})
    if item.get("contract_maanden") is not None:
        parts.append(_("contract van %(maanden)s maanden") % {
            "maanden": item["contract_maanden"]})
    if item.get("uren_per_week") is not None:
        parts.append(_("%(uren)s uur per week") % {"uren": item["uren_per_week"]})
    return ", ".join(parts)


def describe_item(slug: str, item: dict[str, Any]) -> str:
    if slug == "leerlingen":
        return describe_learner(item)
    if slug == "nieuwe-medewerkers":
        return describe_new_staff(item)
    parts = [item.get("omschrijving") or _("cursus zonder omschrijving")]
    if item.get("start"):
        parts.append(_("start %(datum)s") % {"datum": day_in_words(item["start"])})
    if "oom-ptt" in (item.get("aangevraagd") or []):
        parts.append(_("PTT aangevraagd"))
    return ", ".join(parts)


def answer_rows(stored: dict[str, Any], unknown: str | None = None) -> list[tuple[str, str, str]]:
    """(route step, question, answer in words) for every question of the route. ``stored`` is
    shaped like the profile; an absent key is "Niet beantwoord", ``None`` is ``unknown``
    (default "Weet ik niet")."""
    def show(key: str, labels: dict | None = None) -> str:
        if key not in stored:
            return _("Niet beantwoord")
        value = stored[key]
        if value is None:
            return unknown or _("Weet ik niet")
        if isinstance(value, bool):
            return _("Ja") if value else _("Nee")
        if isinstance(value, list):
            return ", ".join(str((labels or {}).get(v, v)) for v in value) or _("Geen")
        return str((labels or {}).get(value, value))

    def listed(slug: str) -> str:
        key = LIST_KEYS[slug]
        if key not in stored:
            return _("Niet beantwoord")
        if stored[key] is None:
            return unknown or _("Weet ik niet")
        return "; ".join(describe_item(slug, item) for item in stored[key]) or _("Geen")

    return [
        ("", _("Naam van je bedrijf"), show("naam")),
        ("cao", _("Cao"), show("cao", CAO_LABELS)),
        ("medewerkers", _("Aantal medewerkers"), show("medewerkers")),
        ("vestiging", _("Provincie"), show("provincie", PROVINCE_LABELS)),
        ("vestiging", _("Plaats"), show("plaats")),
        ("leerbedrijf", _("Erkend leerbedrijf"), show("erkend_leerbedrijf")),
        ("leerbedrijf", _("Praktijkopleider opgeleid"), show("praktijkopleider_opgeleid")),
        ("doelen", _("Doelen"), show("doelen", GOAL_LABELS)),
        ("doelgroepen", _("Doelgroepen"), show("doelgroepen", TARGET_GROUP_LABELS)),
        ("leerlingen", _("Leerlingen en stagiairs"), listed("leerlingen")),
        ("scholing", _("Scholing van medewerkers"), listed("scholing")),
        ("scholing", _("Nieuwe medewerkers"), listed("nieuwe-medewerkers")),
    ]
