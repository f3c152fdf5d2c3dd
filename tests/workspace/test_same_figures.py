"""One learner, one answer everywhere: ``/advies/``, the API, the CLI, the workspace learner
page, the dashboard deadlines and the calendar feed all show the engine's ``perioden``.

Nothing here recomputes a figure: each interface is compared with the advice document.
"""

from __future__ import annotations

import html
import json

from icalendar import Calendar

from onderwijsgids.cli import main
from onderwijsgids.vocabulary import euro
from onderwijsgids.workspace import actions, services
from onderwijsgids.workspace.domain.values import CompanyProfile
from onderwijsgids.workspace.models import Company, Deadline

PRAKTIJKLEREN = "subsidie-praktijkleren"


def _regeling(document: dict, regeling_id: str = PRAKTIJKLEREN) -> dict:
    return next(r for r in document["regelingen"] if r["id"] == regeling_id)


def _facts(document: dict) -> tuple:
    result = _regeling(document)
    return result["status"], result["deadline"], result["schatting_eur"], result["perioden"]


def _web_route_plan(client, crebo: str) -> str:
    client.post("/advies/", {"naam": "Bedrijf A"})
    client.post("/advies/cao/", {"cao": "metaal-en-techniek"})
    client.post("/advies/leerbedrijf/", {"erkend_leerbedrijf": "ja",
                                         "praktijkopleider_opgeleid": "nee"})
    client.post("/advies/leerlingen/nieuw/", {
        "leerweg": "bbl", "crebo": crebo, "start-dag": "1", "start-maand": "9",
        "start-jaar": "2025", "eind-dag": "1", "eind-maand": "7", "eind-jaar": "2027",
        "via_bvm": "nee"})
    client.post("/advies/leerlingen/", {"verder": "1"})
    return client.get("/advies/plan/").content.decode()


def test_every_interface_shows_the_same_figures_for_the_same_learner(
        client, world, tmp_path, capsys):
    company, learner = world["a"]["company"], world["a"]["learner"]
    profile = services.profile_data(company)
    posted = client.post("/api/v1/advies", data=json.dumps(profile),
                         content_type="application/json").json()
    status, deadline, estimate, perioden = _facts(posted)
    assert status == "ja" and perioden, "de testwereld heeft een bbl-leerling die meetelt"

    # The CLI, on the same profile.
    path = tmp_path / "profiel.json"
    path.write_text(json.dumps(profile), encoding="utf-8")
    assert main(["advies", str(path)]) == 0
    assert _facts(json.loads(capsys.readouterr().out)) == _facts(posted)

    # The company API: the stored profile, and its advice.
    client.force_login(world["owner_a"])
    assert client.get(f"/api/v1/bedrijven/{company.pk}/profiel").json() == profile
    assert _facts(client.get(f"/api/v1/bedrijven/{company.pk}/advies").json()) == _facts(posted)

    # The workspace learner page (this learner alone: the company has only this one).
    page = client.get(f"/bedrijf/{company.pk}/leerlingen/{learner.pk}/").content.decode()
    for entry in perioden:
        assert (f'<th scope="row">{entry["studiejaar"]}</th>'
                f'<td data-label="Begeleide weken">{entry["weken"]}</td>') in page
        if entry["schatting_eur"] is not None:
            assert euro(entry["schatting_eur"]) in page

    # The stored deadlines, the dashboard and the calendar feed.
    open_years = [e for e in perioden if e["venster"]["staat"] in ("gepubliceerd", "verwacht")]
    assert open_years
    dashboard = client.get(f"/bedrijf/{company.pk}/").content.decode()
    feed = Calendar.from_ical(client.get(f"/agenda/{world['a']['token'].secret}.ics").content)
    feed_days = {e["dtstart"].dt for e in feed.walk("VEVENT")}
    for entry in open_years:
        row = Deadline.objects.get(company=company, key=f"{PRAKTIJKLEREN}:{entry['studiejaar']}")
        assert row.datum.isoformat() == entry["venster"]["sluit"]
        assert row.datum.isoformat() in dashboard
        if not row.afgehandeld:
            assert row.datum in feed_days
    assert deadline == open_years[0]["venster"]["sluit"]

    # The question route /advies/, answered the same way.
    client.logout()
    plan = _web_route_plan(client, learner.crebo)
    for entry in perioden:
        assert f"<td>1</td><td>{entry['studiejaar']}</td><td>{entry['weken']}</td>" in plan
    assert html.escape(euro(estimate)) in plan or euro(estimate) in plan


def test_company_api_needs_a_login_and_hides_other_companies(client, world):
    mine, theirs = world["a"]["company"], world["b"]["company"]
    for path in ("/api/v1/bedrijven", f"/api/v1/bedrijven/{mine.pk}/profiel",
                 f"/api/v1/bedrijven/{mine.pk}/advies"):
        assert client.get(path).status_code == 401, path
    client.force_login(world["owner_a"])
    listed = client.get("/api/v1/bedrijven").json()
    assert listed == {"bedrijven": [{"id": mine.pk, "naam": mine.naam}], "volgende": None}
    for path in (f"/api/v1/bedrijven/{theirs.pk}/profiel", f"/api/v1/bedrijven/{theirs.pk}/advies",
                 "/api/v1/bedrijven/999999/advies"):
        assert client.get(path).status_code == 404, path


def test_company_list_is_paged(client, world):
    owner = world["owner_a"]
    for n in range(55):
        actions.do_create_company(CompanyProfile(naam=f"Extra {n:02d}"), owner=owner,
                                  acting_user=owner)
    client.force_login(owner)
    first = client.get("/api/v1/bedrijven").json()
    assert len(first["bedrijven"]) == 50 and first["volgende"].startswith("http")
    second = client.get(first["volgende"]).json()
    assert second["volgende"] is None
    seen = [c["id"] for c in first["bedrijven"] + second["bedrijven"]]
    assert sorted(seen) == sorted(Company.objects.filter(
        memberships__user=owner).values_list("pk", flat=True))
