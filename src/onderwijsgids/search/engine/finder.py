"""Bedrijfsvakscholen (BVM's) nearby: places, postcodes, distances and a locally drawn map.

Places, postcodes and province outlines ship with the code (``search/data``, see ``BRONNEN.md``
there); nothing is fetched at run time. A school has one or more locations (``locaties``); a
school without them is placed at its ``locatie`` or else at its ``plaats``. Every location is
one entry in the results. Plain Python, no Django.
"""

from __future__ import annotations

import csv
import difflib
import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from pathlib import Path

from onderwijsgids.kb import KnowledgeBase
from onderwijsgids.kb.schema import Organisatie
from onderwijsgids.vocabulary import PROVINCE_WORDS

from .analyzer import fold

DATA = Path(__file__).resolve().parents[1] / "data"
EARTH_RADIUS_KM = 6371.0088
MAX_PLACE_LENGTH = 100
# "5342", "5342AB", "5342 ab": a Dutch postcode; only the four digits are used.
POSTCODE = re.compile(r"^\s*([1-9][0-9]{3})\s*(?:[a-zA-Z]{2})?\s*$")
PROVINCE_NAMES = dict(PROVINCE_WORDS)  # the vocabulary's names, as everywhere on the site


class UnknownPlace(LookupError):
    def __init__(self, value: str, suggestions: list[str]):
        self.value, self.suggestions = value, suggestions
        hint = f"; bedoelde je {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"plaats: onbekende plaats '{value}'{hint}")


@dataclass(frozen=True)
class Place:
    naam: str
    provincie: str
    lat: float
    lon: float
    inwoners: int = 0


@dataclass(frozen=True)
class Found:
    organisatie: Organisatie
    place: Place | None
    km: float | None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


@lru_cache(maxsize=1)
def places() -> dict[str, list[Place]]:
    """Folded name → places with that name, most inhabitants first.

    The GeoNames places, plus the places of the postcode list that GeoNames lacks (Almere,
    Etten-Leur, 's-Gravenhage …), each at the point of its first postcode."""
    table: dict[str, list[Place]] = {}
    with (DATA / "plaatsen.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            place = Place(row["naam"], row["provincie"], float(row["lat"]), float(row["lon"]),
                          int(row["inwoners"] or 0))
            table.setdefault(fold(place.naam), []).append(place)
    for code in sorted(postcodes()):
        place = postcodes()[code]
        key = fold(place.naam)
        if not any(p.provincie == place.provincie for p in table.get(key, [])):
            table.setdefault(key, []).append(place)
    for alias, named in _aliases():
        place = next(p for p in table[fold(named.naam)] if p.provincie == named.provincie)
        table.setdefault(fold(alias), []).append(Place(alias, place.provincie, place.lat,
                                                       place.lon, place.inwoners))
    for found in table.values():
        found.sort(key=lambda p: (-p.inwoners, p.provincie))
    return table


def _aliases() -> list[tuple[str, Place]]:
    """("Den Haag", the place GeoNames calls The Hague), from ``aliassen.csv``."""
    with (DATA / "aliassen.csv").open(encoding="utf-8", newline="") as handle:
        return [(row["alias"], Place(row["naam"], row["provincie"], 0.0, 0.0))
                for row in csv.DictReader(handle)]


@lru_cache(maxsize=1)
def postcodes() -> dict[str, Place]:
    """4-digit postcode → its place (name, province, coordinates of the place)."""
    with (DATA / "postcodes.csv").open(encoding="utf-8", newline="") as handle:
        return {row["postcode"]: Place(row["plaats"], row["provincie"], float(row["lat"]),
                                       float(row["lon"]))
                for row in csv.DictReader(handle)}


def resolve_postcode(text: str) -> Place | None:
    """The place of a postcode ("5342", "5342 AB"), named "5342 Oss"; ``None`` when ``text`` is
    no postcode; an unknown postcode raises :class:`UnknownPlace` with the nearest codes."""
    match = POSTCODE.match(text)
    if match is None:
        return None
    code = match.group(1)
    found = postcodes().get(code)
    if found is None:
        close = sorted(postcodes(), key=lambda c: (abs(int(c) - int(code)), c))[:3]
        raise UnknownPlace(text.strip(), [f"{c} {postcodes()[c].naam}" for c in sorted(close)])
    return Place(f"{code} {found.naam}", found.provincie, found.lat, found.lon)


def resolve_origin(text: str, provincie: str | None = None) -> Place:
    """A place name or a postcode; also "5341 Oss", the form the suggestions take."""
    by_code = resolve_postcode(text)
    if by_code is not None:
        return by_code
    match = _CODE_AND_PLACE.match(text)
    if match and fold(match.group(2)).strip() == fold(postcodes().get(match.group(1),
                                                                      _NOWHERE).naam):
        return resolve_postcode(match.group(1)) or _NOWHERE
    return resolve_place(text, provincie)


_CODE_AND_PLACE = re.compile(r"^\s*([1-9][0-9]{3})\s+([^\d].*)$")
_NOWHERE = Place("", "", 0.0, 0.0)


def places_named(name: str) -> list[Place]:
    return places().get(fold(name).strip(), [])


def nearest_place(lat: float, lon: float) -> Place:
    """The shipped place closest to a point."""
    return min((p for group in places().values() for p in group),
               key=lambda p: haversine_km(lat, lon, p.lat, p.lon))


def resolve_place(name: str, provincie: str | None = None) -> Place:
    """The place called ``name`` (in ``provincie`` when given); unknown → suggestions."""
    key = fold(name).strip()
    found = places().get(key, [])
    if provincie:
        found = [p for p in found if p.provincie == provincie] or found
    if found:
        return found[0]
    close = difflib.get_close_matches(key, list(places()), n=5, cutoff=0.75)
    starts = sorted((k for k in places() if key and k.startswith(key)),
                    key=lambda k: -places()[k][0].inwoners)[:5]
    names = [places()[k][0].naam for k in dict.fromkeys(close + starts)]
    raise UnknownPlace(name, names[:5])


def province_centre(provincie: str) -> Place:
    """Population-weighted centre of a province's places."""
    members = [p for group in places().values() for p in group if p.provincie == provincie]
    total = sum(max(p.inwoners, 1) for p in members)
    lat = sum(p.lat * max(p.inwoners, 1) for p in members) / total
    lon = sum(p.lon * max(p.inwoners, 1) for p in members) / total
    return Place(PROVINCE_NAMES[provincie], provincie, lat, lon)


def bvms(kb: KnowledgeBase) -> list[Organisatie]:
    return [o for o in kb.of_type("organisatie")
            if isinstance(o, Organisatie) and o.soort == "bedrijfsvakschool"]


def bvm_locations(bvm: Organisatie) -> list[Place]:
    """Where a school is: its ``locaties``; else its ``locatie`` or its ``plaats``."""
    if bvm.locaties:
        return [Place(w.plaats, w.provincie, w.lat, w.lon) for w in bvm.locaties]
    if bvm.locatie is not None:
        return [Place(bvm.plaats or bvm.naam, bvm.provincie or "", bvm.locatie.lat,
                      bvm.locatie.lon)]
    if bvm.plaats:
        try:
            return [resolve_place(bvm.plaats, bvm.provincie)]
        except UnknownPlace:
            return []
    return []


def bvm_place(bvm: Organisatie) -> Place | None:
    """The school's first (main) location."""
    return next(iter(bvm_locations(bvm)), None)


def nearest(kb: KnowledgeBase, origin: Place) -> list[Found]:
    """Every location of every BVM, nearest first; a school without a location last."""
    found = []
    for bvm in bvms(kb):
        wheres: list[Place | None] = [*bvm_locations(bvm)] or [None]
        for where in wheres:
            km = haversine_km(origin.lat, origin.lon, where.lat, where.lon) if where else None
            found.append(Found(bvm, where, km))
    return sorted(found, key=lambda f: (f.km is None, f.km or 0.0, f.organisatie.id,
                                        f.place.naam if f.place else ""))


def in_province_first(kb: KnowledgeBase, provincie: str) -> list[Found]:
    """Locations in ``provincie`` first, then the rest; each by distance from its centre."""
    found = nearest(kb, province_centre(provincie))
    return sorted(found, key=lambda f: (_province_of(f) != provincie, f.km is None,
                                        f.km or 0.0))


def _province_of(found: Found) -> str | None:
    return found.place.provincie if found.place else found.organisatie.provincie


def known_total(kb: KnowledgeBase) -> int | None:
    """How many BVMs exist nationally, as the content's BVM page says ("38 bedrijfsvakscholen")."""
    page = kb.get("bedrijfsvakscholen")
    match = re.search(r"(\d+)\s+bedrijfsvakscholen", page.inhoud if page else "")
    return int(match.group(1)) if match else None


def confirmed(bvm: Organisatie) -> bool:
    return bvm.bvm_status is not None and bvm.bvm_status.status == "bevestigd"


# --- the map ------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def map_data() -> dict:
    return json.loads((DATA / "nl_provincies.json").read_text(encoding="utf-8"))


def project(lat: float, lon: float) -> tuple[float, float]:
    """Longitude/latitude onto the province drawing, with the projection fitted to it."""
    fitted = map_data()["projectie"]
    a, b, c, d, e, f = fitted["affien"]
    y = lat
    if fitted["projectie"] == "mercator":
        y = math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))
    return a * lon + b * y + c, d * lon + e * y + f


def map_svg(found: list[Found], origin: Place | None = None,
            highlight_province: str | None = None, *, title: str, desc: str) -> str:
    """An accessible SVG: provinces, a numbered marker per BVM, and the searched place.

    ``title`` and ``desc`` name and describe the map for screen readers; the caller passes
    them translated (this module has no Django)."""
    data = map_data()
    shapes = []
    for slug, path in data["provincies"].items():
        css = "prov prov-hl" if slug == highlight_province else "prov"
        shapes.append(f'<path class="{css}" d="{path}" fill="{"#dbe7f3" if css != "prov" else "#f1f3f5"}" '
                      f'stroke="#5b6b7b" stroke-width="1"><title>{escape(PROVINCE_NAMES[slug])}'
                      f'</title></path>')
    markers = []
    for n, (f, place) in enumerate(((f, f.place) for f in found if f.place), 1):
        x, y = project(place.lat, place.lon)
        markers.append(
            f'<g class="bvm-marker"><circle cx="{x:.1f}" cy="{y:.1f}" r="9" fill="#b3261e" '
            f'stroke="#ffffff" stroke-width="2"/><text x="{x:.1f}" y="{y + 4:.1f}" '
            f'text-anchor="middle" font-size="11" font-weight="bold" fill="#ffffff">{n}</text>'
            f'<title>{escape(f.organisatie.titel)}</title></g>')
    if origin is not None:
        x, y = project(origin.lat, origin.lon)
        markers.append(
            f'<g class="origin-marker"><rect x="{x - 7:.1f}" y="{y - 7:.1f}" width="14" '
            f'height="14" fill="#1f3a5f" stroke="#ffffff" stroke-width="2"/>'
            f'<title>{escape(origin.naam)}</title></g>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{data["viewBox"]}" role="img" '
            f'aria-labelledby="bvm-kaart-titel bvm-kaart-desc">'
            f'<title id="bvm-kaart-titel">{escape(title)}</title>'
            f'<desc id="bvm-kaart-desc">{escape(desc)}</desc>'
            f'{"".join(shapes)}{"".join(markers)}</svg>')
