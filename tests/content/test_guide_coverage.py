"""Nothing of the guide is dropped: its text, websites, phone numbers, crebo codes and
initiatives must all be in ``content/``.

The guide's text (``tests/data/onderwijsgids-2025.txt``, a copy of the seed) comes from a PDF:
ligatures split words ("heef t", "af finiteit") and headings are letter-spaced ("A C T I E S").
Both sides are normalised the same way, then compared as three-word shingles per paragraph.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from onderwijsgids.kb import default_content_dir, load_knowledge_base

GUIDE = Path(__file__).resolve().parents[1] / "data" / "onderwijsgids-2025.txt"
CREBO_ROW = re.compile(r"^\s*([A-Z][A-Za-z -]+?)\s+(\d{5})(?:\s+(\d))?\s*$")


def _normalise(text: str) -> str:
    text = re.sub(r"-\s*\n\s*", "", text)  # hyphenation at line ends
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[^a-z0-9]+", " ", text)
    text = re.sub(r"\b(?:[a-z] ){2,}[a-z]\b", lambda m: m.group(0).replace(" ", ""), text)
    return f" {text.strip()} "


def _mend_ligatures(text: str) -> str:
    """The PDF split words at ff/fi/ft ligatures: 'heef t', 'af finiteit', 'leef tijd'."""
    return re.sub(r"f (?=(?:t|te|fende|finiteit|fectiviteit|tijdscategorie)\b)", "f", text)


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, (int, float)):
        return [str(value)]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


@pytest.fixture(scope="module")
def corpus() -> str:
    texts = []
    for path in sorted(default_content_dir().rglob("*.yaml")):
        texts += _strings(yaml.safe_load(path.read_text(encoding="utf-8")))
    return " ".join(_normalise(t) for t in texts)


@pytest.fixture(scope="module")
def guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


TABLE_HEADER = re.compile(r"Kwalificatiedossiers en -profielen\s+Crebocode nieuw\s+Niveau")


def _is_letter_spaced(paragraph: str) -> bool:
    """Decorative headings such as 'E NK E LE TIP S': mostly one- and two-letter tokens."""
    tokens = paragraph.split()
    return bool(tokens) and sum(len(t) <= 2 for t in tokens) / len(tokens) > 0.5


def _paragraphs(guide: str) -> list[str]:
    prose = "\n".join(line for line in guide.splitlines() if not CREBO_ROW.match(line))
    prose = TABLE_HEADER.sub("", re.sub(r"(?<=[a-z])-\s*\n\s*(?=[a-z])", "", prose))
    blocks = re.split(r"\n\s*\n|»|\n(?=[A-Z])", prose)
    return [b for b in blocks if b.strip() and not _is_letter_spaced(b)]


def test_every_paragraph_of_the_guide_is_in_the_content(guide, corpus):
    """Each paragraph mostly present (a heading may run into it), and the guide as a whole."""
    poorly_covered, total, found_total = [], 0, 0
    for paragraph in _paragraphs(guide):
        words = _mend_ligatures(_normalise(paragraph)).split()
        shingles = [" ".join(words[i:i + 3]) for i in range(len(words) - 2)]
        if len(shingles) < 2:
            continue
        found = sum(f" {s} " in corpus for s in shingles)
        total, found_total = total + len(shingles), found_total + found
        if found / len(shingles) < 0.6:
            poorly_covered.append((round(found / len(shingles), 2), " ".join(words)[:120]))
    assert poorly_covered == [], "\n".join(f"{score}: {text}" for score, text in poorly_covered)
    assert found_total / total >= 0.97


def test_every_crebo_row_of_the_table_is_a_qualification():
    kb = load_knowledge_base(default_content_dir())
    rows = [CREBO_ROW.match(line) for line in GUIDE.read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if r]
    assert len(rows) == 12
    for row in rows:
        name, crebo, level = row.group(1).strip(), row.group(2), row.group(3)
        item = kb.get(crebo)
        assert item is not None, crebo
        assert name.lower() in item.titel.lower()
        if level:
            assert item.soort == "profiel" and item.niveau == int(level)
        else:
            assert item.soort == "dossier"


def test_every_website_and_phone_number_of_the_guide_is_in_the_content(guide, corpus):
    flat = guide.replace("-\n", "").replace("www.\n", "www.")
    sites = {s.rstrip(".").lower() for s in re.findall(r"www\.[\w.-]+\.nl", flat.replace("\n", ""))}
    assert len(sites) >= 10
    for site in sites:
        assert _normalise(site) in corpus, site
    phones = re.findall(r"030\s*[-–]?\s*6\s*05\s*33\s*44|030-6053344", guide)
    assert phones
    assert " 030 6053344 " in corpus or " 030 605 33 44 " in corpus
    assert "info metaalunie nl" in corpus


@pytest.mark.parametrize("name, item_id", [
    ("Sterk Techniek Onderwijs", "sterk-techniek-onderwijs"),
    ("Techniek Tastbaar", "techniek-tastbaar"),
    ("Girlsday", "girlsday"),
    ("Metal Skills Kids", "metal-skills-kids"),
    ("Vmbo On Stage", "vmbo-on-stage"),
    ("Vakkanjer", "vakkanjer"),
    ("Skills wedstrijden", "skills-wedstrijden"),
    ("Techniekcoalitie", "techniekcoalitie"),
    ("zichtbaarheidscampagne", "zichtbaarheidscampagne"),
    ("de zeven werelden van techniek", "zeven-werelden-van-techniek"),
    ("mkb-route Werktuigbouwkunde", "mkb-route-werktuigbouwkunde"),
])
def test_every_initiative_named_in_the_guide_has_an_item(name, item_id):
    kb = load_knowledge_base(default_content_dir())
    item = kb.get(item_id)
    assert item is not None and item.type == "initiatief"
    assert _normalise(name) in _normalise(f"{item.titel} {item.samenvatting} {item.inhoud}")
