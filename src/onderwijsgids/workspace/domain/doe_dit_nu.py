"""The dashboard's "Doe dit nu": the advice's ``acties`` beside the state the company keeps.

The advice (contract §3) says what to do and in which order; the company only keeps, per
action ``id``, whether it is to do, in progress or done. Nothing is judged here: the actions
come in the advice's order, a stored state for an action the advice no longer lists is simply
not shown (and kept), an action without a stored state is to do. Plain data, no Django.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping
from urllib.parse import urlparse

from onderwijsgids.advice.engine.model import Actie

TE_DOEN, BEZIG, KLAAR = "te-doen", "bezig", "klaar"
STATES = (TE_DOEN, BEZIG, KLAAR)


@dataclass(frozen=True)
class ActieRegel:
    """One action of the advice with the company's state of it."""

    actie: Actie
    staat: str

    @property
    def waar_host(self) -> str:
        """The site where the company acts (``s-bb.nl``), or "" for a page of this guide."""
        return host_of(self.actie.waar)


@dataclass(frozen=True)
class DoeDitNu:
    rows: list[ActieRegel]  # every action of the advice, in the advice's order

    @property
    def open(self) -> list[ActieRegel]:
        """To do or in progress, in the advice's order."""
        return [row for row in self.rows if row.staat != KLAAR]

    @property
    def klaar(self) -> list[ActieRegel]:
        """Done (the dashboard folds them away), in the advice's order."""
        return [row for row in self.rows if row.staat == KLAAR]

    def row(self, actie_id: str) -> ActieRegel | None:
        return next((row for row in self.rows if row.actie.id == actie_id), None)


def host_of(url: str | None) -> str:
    """``https://www.s-bb.nl/bedrijven/`` → ``s-bb.nl``; a site path or nothing → ""."""
    if not url or not url.startswith(("http://", "https://")):
        return ""
    return urlparse(url).netloc.removeprefix("www.")


def with_states(acties: Iterable[Actie], states: Mapping[str, str]) -> DoeDitNu:
    """The advice's actions, each with its stored state (to do when none is stored)."""
    return DoeDitNu([ActieRegel(actie, states.get(actie.id, TE_DOEN)) for actie in acties])


def listed(acties: Iterable[Actie], actie_id: str) -> Actie | None:
    """The advice's action with this ``id``, or None when the advice does not list it."""
    return next((actie for actie in acties if actie.id == actie_id), None)
