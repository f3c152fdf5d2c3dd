"""Education routes: every sensible path between two levels over the content's flows (``stromen``).

The graph has one node per ``onderwijsniveau`` and one edge per flow; each edge carries the
entry condition, the usual duration and the source the content gives for it. Routes are simple
paths (no level twice), shortest first, at most :data:`MAX_ROUTES`. Plain Python, no Django.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from onderwijsgids.kb import KnowledgeBase
from onderwijsgids.kb.schema import Onderwijsniveau, Stroom

from .analyzer import fold

MAX_ROUTES = 10
MAX_STEPS = 8


class UnknownLevel(LookupError):
    """A level ID that the knowledge base does not have; carries the nearest valid IDs."""

    def __init__(self, field: str, value: str, suggestions: list[str]):
        self.field, self.value, self.suggestions = field, value, suggestions
        hint = f"; bedoelde je {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"{field}: onbekend onderwijsniveau '{value}'{hint}")


@dataclass(frozen=True)
class Step:
    van: str
    naar: str
    voorwaarde: str | None
    duur: str | None
    bron: str  # web address or the guide's section

    def as_dict(self) -> dict[str, str | None]:
        return {"van": self.van, "naar": self.naar, "voorwaarde": self.voorwaarde,
                "duur": self.duur, "bron": self.bron}


@dataclass(frozen=True)
class Route:
    levels: tuple[str, ...]
    steps: tuple[Step, ...]


class EducationGraph:
    def __init__(self, kb: KnowledgeBase):
        self.levels: dict[str, Onderwijsniveau] = {
            i.id: i for i in kb.of_type("onderwijsniveau") if isinstance(i, Onderwijsniveau)}
        self.edges: dict[str, list[Step]] = {level_id: [] for level_id in self.levels}
        for level in self.levels.values():
            for flow in level.stromen:
                if flow.naar in self.levels:
                    self.edges[level.id].append(self._step(level, flow))
        for steps in self.edges.values():
            steps.sort(key=lambda s: s.naar)

    def _step(self, level: Onderwijsniveau, flow: Stroom) -> Step:
        source = level.bronnen.get(flow.bron)
        where = (source.url or f"de gids, {source.gids}") if source else flow.bron
        duration = flow.duur or self.levels[flow.naar].duur
        return Step(level.id, flow.naar, flow.voorwaarde, duration, where)

    def title(self, level_id: str) -> str:
        return self.levels[level_id].titel

    def suggestions(self, value: str, n: int = 3) -> list[str]:
        """Nearest valid IDs: by spelling of the ID, then by words of the title."""
        ids = sorted(self.levels)
        key = fold(value).strip()
        containing = [i for i in ids if key and (key in i or key in fold(self.levels[i].titel))]
        close = difflib.get_close_matches(key, ids, n=n, cutoff=0.5)
        return list(dict.fromkeys(containing + close))[:n]

    def require(self, field: str, value: str) -> str:
        if value not in self.levels:
            raise UnknownLevel(field, value, self.suggestions(value))
        return value

    def routes(self, van: str, naar: str, limit: int = MAX_ROUTES) -> list[Route]:
        """Simple paths from ``van`` to ``naar``, fewest steps first, then by level IDs."""
        self.require("van", van)
        self.require("naar", naar)
        if van == naar:
            return []
        found: list[tuple[str, ...]] = []
        for length in range(1, MAX_STEPS + 1):
            found += self._paths_of_length(van, naar, length)
            if len(found) >= limit:
                break
        found.sort(key=lambda p: (len(p), p))
        return [self._route(path) for path in found[:limit]]

    def _paths_of_length(self, van: str, naar: str, length: int) -> list[tuple[str, ...]]:
        paths: list[tuple[str, ...]] = []
        stack: list[tuple[str, ...]] = [(van,)]
        while stack:
            path = stack.pop()
            if len(path) - 1 == length:
                if path[-1] == naar:
                    paths.append(path)
                continue
            for step in self.edges[path[-1]]:
                if step.naar not in path and (step.naar != naar or len(path) == length):
                    stack.append(path + (step.naar,))
        return paths

    def _route(self, path: tuple[str, ...]) -> Route:
        steps = tuple(next(s for s in self.edges[a] if s.naar == b) for a, b in zip(path, path[1:]))
        return Route(path, steps)

    def explanation(self, route: Route) -> list[str]:
        """One Dutch sentence per step: from, to, condition, duration, source."""
        lines = []
        for step in route.steps:
            text = f"{self.title(step.van)} → {self.title(step.naar)}"
            if step.voorwaarde:
                text += f": {step.voorwaarde.rstrip('.')}."
            else:
                text += "."
            if step.duur:
                text += f" Duur: {step.duur.rstrip('.')}."
            text += f" Bron: {step.bron}"
            lines.append(text)
        return lines


def routes_document(graph: EducationGraph, van: str, naar: str) -> dict:
    """The contract §4 document: ``{"routes": [{"stappen", "toelichting", ...}]}``."""
    return {"routes": [
        {"stappen": list(route.levels), "toelichting": graph.explanation(route),
         "details": [step.as_dict() for step in route.steps]}
        for route in graph.routes(van, naar)
    ]}


def qualifications_one_level(kb: KnowledgeBase, crebo: str, direction: str) -> list[str]:
    """Profiles of the same dossier one level up (``"up"``) or down (``"down"``), by crebo."""
    item = kb.get(crebo)
    niveau = getattr(item, "niveau", None)
    if item is None or niveau is None or direction not in ("up", "down"):
        return []
    wanted = niveau + (1 if direction == "up" else -1)
    return sorted(q.id for q in kb.of_type("kwalificatie")
                  if getattr(q, "dossier", None) == getattr(item, "dossier", None)
                  and getattr(q, "niveau", None) == wanted)
