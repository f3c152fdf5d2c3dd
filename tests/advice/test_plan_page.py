"""The plan page and the PDF (issue 13, item 2) through the Django client: "Doe dit eerst" with
``acties[0]`` first, the regelingen grouped ja / nog niet / misschien / nee, the PDF tagged and
opening with the same list. What each must say comes from the API's advice for the same profile."""

from __future__ import annotations

import datetime as dt
import html
import re
import subprocess
import zlib
from pathlib import Path

import pytest
from django.core import signing

from onderwijsgids.advice.views import SHARE_SALT
from onderwijsgids.dutch import dutch_date

pytestmark = pytest.mark.django_db

BBL = {"leerweg": "bbl", "crebo": "25892", "start": "2025-09-01", "eind": "2027-07-01",
       "praktijkovereenkomst": "2025-09-01", "via_bvm": False}
WAITING = {"naam": "De Vonk", "cao": "metaal-en-techniek", "medewerkers": 23,
           "erkend_leerbedrijf": False, "praktijkopleider_opgeleid": False,
           "provincie": "gelderland", "leerlingen": [BBL, {**BBL, "crebo": "25893"}],
           "doelen": ["bbl-leerlingen", "medewerkers-scholen"]}


def token(profile: dict) -> str:
    return signing.dumps(profile, salt=SHARE_SALT, compress=True)


def plan_page(client, profile: dict) -> str:
    response = client.get(f"/advies/gedeeld/{token(profile)}/")
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def section(page: str, heading_id: str) -> str:
    start = page.index(f'id="{heading_id}"')
    return page[start:page.index("</section>", start)]


def test_the_plan_starts_with_doe_dit_eerst_and_acties_0(client, advies_api):
    advice = advies_api(WAITING)
    page = plan_page(client, WAITING)
    main = page[page.index("<main"):]
    first_heading = re.search(r"<h2[^>]*>(.*?)</h2>", main).group(1)
    assert first_heading == "Doe dit eerst"
    eerst = section(page, "eerst-titel")
    wats = re.findall(r'<p class="actie-wat">(.*?)</p>', eerst)
    assert wats[0] == advice["acties"][0]["wat"] == "Vraag erkenning als leerbedrijf aan bij SBB"
    visible = eerst.split('<details class="meer-acties">')[0]
    assert visible.count('<li class="actie"') == min(5, len(advice["acties"]))
    assert wats == [a["wat"] for a in advice["acties"]]  # all of them, the rest folded away
    first = eerst[eerst.index('id="actie-sbb-erkenning"'):]
    first = first[:first.index("</li>")]
    deadline = advice["acties"][0]["deadline"]
    assert f"Uiterlijk {dutch_date(dt.date.fromisoformat(deadline))}" in first
    amount = advice["acties"][0]["waarde_eur"]
    assert amount and f"Indicatief € {amount:,}".replace(",", ".") in first


def test_money_at_stake_is_the_actions_sourced_amounts(client, advies_api):
    advice = advies_api(WAITING)
    total = sum(a["waarde_eur"] or 0 for a in advice["acties"])
    eerst = section(plan_page(client, WAITING), "eerst-titel")
    assert f"Samen gaat het om indicatief € {total:,}".replace(",", ".") in eerst


def test_regelingen_grouped_with_past_nog_niet_and_its_action(client, advies_api):
    advice = advies_api(WAITING)
    page = plan_page(client, WAITING)
    regelingen = section(page, "regelingen-titel")
    headings = re.findall(r'<h3 id="groep-([a-z-]+)">', regelingen)
    assert headings == [g for g in ("ja", "nog-niet", "misschien", "nee") if g in headings]
    unlocked = {u["regeling"] for u in advice["acties"][0]["ontgrendelt"]
                if u["status"] == "ja"}
    nog_niet = regelingen[regelingen.index('id="groep-nog-niet"'):]
    nog_niet = nog_niet[:nog_niet.index("<h3", 5)] if "<h3" in nog_niet[5:] else nog_niet
    by_id = {r["id"]: r for r in advice["regelingen"]}
    for regeling_id in unlocked:
        assert by_id[regeling_id]["status"] == "nee"  # the contract's status is unchanged
        assert by_id[regeling_id]["titel"] in nog_niet
    assert 'href="#actie-sbb-erkenning"' in nog_niet
    rest = regelingen[regelingen.index('id="groep-nee"'):]
    assert '<details class="groep-nee">' in rest
    for r in advice["regelingen"]:
        if r["status"] == "nee" and r["id"] not in {u["regeling"] for a in advice["acties"]
                                                    for u in a["ontgrendelt"]}:
            assert r["titel"] in rest, r["id"]


def test_source_links_are_links(client, advies_api):
    advice = advies_api(WAITING)
    page = plan_page(client, WAITING)
    web = {b for r in advice["regelingen"] for b in r["bronnen"] if b.startswith("https://")}
    assert web
    for url in web:
        assert f'<a href="{url}">' in page, url


def test_a_misschien_links_the_question_that_settles_it(client, content_db):
    client.post("/advies/cao/", {"cao": "metaal-en-techniek"})
    client.post("/advies/leerbedrijf/", {"erkend_leerbedrijf": "onbekend",
                                         "praktijkopleider_opgeleid": "ja"})
    client.post("/advies/leerlingen/nieuw/", {
        "leerweg": "bbl", "crebo": "25892", "start-dag": "1", "start-maand": "9",
        "start-jaar": "2025", "eind-dag": "1", "eind-maand": "7", "eind-jaar": "2027",
        "via_bvm": "nee"})
    page = html.unescape(client.get("/advies/plan/").content.decode())
    maybe = section(page, "regelingen-titel")
    maybe = maybe[maybe.index('id="groep-misschien"'):]
    assert "Dit hangt nog af van of je bedrijf erkend leerbedrijf is." in maybe
    assert '<a href="/advies/leerbedrijf/?terug=controle">Beantwoord de vraag' in maybe
    assert "erkend_leerbedrijf" not in maybe.replace('href="/advies/leerbedrijf/', "")


def test_a_recognised_company_has_no_recognition_action(client, advies_api):
    profile = {**WAITING, "erkend_leerbedrijf": True}
    assert "sbb-erkenning" not in [a["id"] for a in advies_api(profile)["acties"]]
    eerst = section(plan_page(client, profile), "eerst-titel")
    assert 'id="actie-sbb-erkenning"' not in eerst and "groep-nog-niet" not in eerst


def test_the_plan_without_any_action_says_so(client):
    eerst = section(plan_page(client, {"cao": "geen"}), "eerst-titel")
    assert '<li class="actie"' not in eerst
    assert "niets met een datum of een bedrag" in eerst


# --- the PDF --------------------------------------------------------------------------------

def pdf_text(body: bytes, tmp_path: Path, page: int | None = None) -> str:
    target = tmp_path / "plan.pdf"
    target.write_bytes(body)
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(["pdftotext", "-layout", *pages, str(target), "-"],
                          capture_output=True, text=True, check=True).stdout


def test_the_pdf_opens_with_acties_0_and_the_deadlines_on_page_1(client, advies_api, tmp_path):
    advice = advies_api(WAITING)
    body = client.get(f"/advies/gedeeld/{token(WAITING)}/plan.pdf").content
    first = pdf_text(body, tmp_path, page=1)
    lines = [line.strip() for line in first.splitlines() if line.strip()]
    assert lines[0] == "Persoonlijk plan: De Vonk"
    assert lines[1] == "Doe dit eerst"
    assert re.sub(r"^1\.\s*", "", lines[2]) == advice["acties"][0]["wat"]
    flat = " ".join(first.split())
    for deadline in advice["deadlines"]:
        assert dutch_date(dt.date.fromisoformat(deadline["datum"])) in flat
    assert "Deadlines" in flat and "Dit plan gaat uit van" in " ".join(pdf_text(
        body, tmp_path).split())


def test_the_pdf_carries_the_answers_it_rests_on(client, tmp_path):
    body = client.get(f"/advies/gedeeld/{token(WAITING)}/plan.pdf").content
    text = " ".join(pdf_text(body, tmp_path).split())
    part = text[text.index("Dit plan gaat uit van"):]
    for words in ("cao Metaal en Techniek", "23", "Gelderland", "Erkend leerbedrijf Nee",
                  "mbo-bbl (werken en leren, met arbeidscontract), crebo 25892"):
        assert words in part, words
    assert "metaal-en-techniek" not in part and "erkend_leerbedrijf" not in part


def pdf_objects(body: bytes) -> bytes:
    """The PDF's bytes with every compressed stream inflated (the catalog and the structure
    tree live in compressed object streams)."""
    parts = [body]
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", body, re.S):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue  # an image or font stream of another filter
    return b"\n".join(parts)


def test_the_pdf_is_tagged_pdf_ua(client):
    body = client.get(f"/advies/gedeeld/{token(WAITING)}/plan.pdf").content
    assert body.startswith(b"%PDF-1.7")
    objects = pdf_objects(body)
    assert b"/StructTreeRoot" in objects and b"/MarkInfo" in objects
    assert re.search(rb"/Marked\s+true", objects)
    assert b"pdfuaid:part" in objects  # the PDF/UA identification in the XMP metadata
    assert re.search(rb"/Lang\s*\(nl", objects)
    for tag in (b"/H1", b"/H2", b"/L", b"/LI", b"/Table", b"/TH", b"/Figure"):
        assert b"/S " + tag in objects or b"/S" + tag in objects, tag


def test_the_markdown_opens_with_the_same_list(client, advies_api):
    advice = advies_api(WAITING)
    text = client.get(f"/advies/gedeeld/{token(WAITING)}/plan.md").content.decode()
    part = text[text.index("## Doe dit eerst"):text.index("## Actiepunten")]
    listed = re.findall(r"^\d+\. \*\*(.+?)\*\*", part, re.M)
    assert listed == [a["wat"] for a in advice["acties"]]
