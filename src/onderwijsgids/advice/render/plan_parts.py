"""What the plan page and the PDF show first, built from the advice only (nothing judged here).

- "Doe dit eerst": the first five ``acties`` (the engine's order), the rest folded away, and
  the money at stake (the actions' ``waarde_eur`` added up: sourced estimates only).
- The regelingen in four groups: ``ja``; ``nog-niet`` — a ``nee`` that an action in ``acties``
  would turn into a fit ("past nog niet", shown with that action); ``misschien`` with the
  answers that would settle it; the other ``nee``. The contract's statuses stay
  ``ja | misschien | nee``: "past nog niet" is only how a plan presents such a ``nee``
  (docs/adr/0010).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..engine import Actie, Advice, Ontgrendeling, RegelingAdvies

FIRST = 5
GROUPS = ("ja", "nog-niet", "misschien", "nee")


@dataclass(frozen=True)
class Geld:
    """The money at stake in the actions: what can be applied for now, and what an action
    would unlock first. ``totaal`` is ``None`` when no action carries a sourced amount."""

    nu: int = 0
    na_ontgrendelen: int = 0

    @property
    def totaal(self) -> int | None:
        return (self.nu + self.na_ontgrendelen) or None


@dataclass(frozen=True)
class Regel:
    """One regeling as the plan lists it."""

    r: RegelingAdvies
    groep: str
    actie: Actie | None = None  # nog-niet: the action that would make it fit
    wordt: Ontgrendeling | None = None  # nog-niet: what it would be after that action
    vragen: list[str] = field(default_factory=list)  # misschien: the answers that settle it


def first_actions(advice: Advice, limit: int = FIRST) -> tuple[list[Actie], list[Actie]]:
    """The actions to do first (at most ``limit``) and the rest, in the engine's order."""
    return list(advice.acties[:limit]), list(advice.acties[limit:])


def money_at_stake(acties: list[Actie]) -> Geld:
    nu = sum(a.waarde_eur or 0 for a in acties if not a.ontgrendelt)
    later = sum(a.waarde_eur or 0 for a in acties if a.ontgrendelt)
    return Geld(nu=nu, na_ontgrendelen=later)


def unlocking(advice: Advice) -> dict[str, tuple[Actie, Ontgrendeling]]:
    """Regeling ID → the first action (in the engine's order) that would make it fit."""
    found: dict[str, tuple[Actie, Ontgrendeling]] = {}
    for action in advice.acties:
        for unlocked in action.ontgrendelt:
            found.setdefault(unlocked.regeling, (action, unlocked))
    return found


def grouped(advice: Advice) -> dict[str, list[Regel]]:
    """The regelingen by group (``GROUPS``), each in the advice's order; "past nog niet" with
    the most money it would bring first."""
    fixes = unlocking(advice)
    groups: dict[str, list[Regel]] = {key: [] for key in GROUPS}
    for r in advice.regelingen:
        if r.status == "nee" and r.id in fixes:
            action, after = fixes[r.id]
            groups["nog-niet"].append(Regel(r, "nog-niet", actie=action, wordt=after))
        elif r.status == "misschien":
            groups["misschien"].append(Regel(r, "misschien", vragen=list(r.ontbreekt)))
        else:
            groups[r.status].append(Regel(r, r.status))
    groups["nog-niet"].sort(key=lambda row: -((row.wordt.schatting_eur if row.wordt else 0) or 0))
    return groups
