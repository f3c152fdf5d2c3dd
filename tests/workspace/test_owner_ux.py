"""What owners trip over, through the Django client: amounts with a decimal comma, the CSV
template round trip and the duplicate warning, labels instead of slugs, counts, the advisor
link, the calendar subscription, the header and footer links, the form style."""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from onderwijsgids.workspace.domain.csvio import HEADERS
from onderwijsgids.workspace.models import Application, Learner

pytestmark = pytest.mark.django_db


def _page(response) -> str:
    return response.content.decode()


def _title(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S)[1]


# --- amounts ---------------------------------------------------------------------------------


def test_an_amount_typed_as_725_comma_50_is_stored_as_725_euro_50(owner_client, world):
    company = world["a"]["company"]
    form = _page(owner_client.get(f"/bedrijf/{company.pk}/aanvragen/nieuw/"))
    field = re.search(r'<input[^>]*name="bedrag"[^>]*>', form)[0]
    assert 'type="text"' in field and 'inputmode="decimal"' in field
    assert 'type="number"' not in form

    response = owner_client.post(f"/bedrijf/{company.pk}/aanvragen/nieuw/", {
        "regeling": "oom-jobstart", "jaar": "2026", "status": "te-doen", "bedrag": "725,50"})
    assert response.status_code == 302
    application = company.applications.get(regeling="oom-jobstart")
    assert application.bedrag == Decimal("725.50")
    assert "€ 725,50" in _page(owner_client.get(f"/bedrijf/{company.pk}/aanvragen/"))
    edit = _page(owner_client.get(f"/bedrijf/{company.pk}/aanvragen/{application.pk}/"))
    assert 'value="725,50"' in edit


@pytest.mark.parametrize("typed, stored", [("2.700", Decimal("2700")), ("€ 1.250,5", Decimal(
    "1250.50")), ("725.50", Decimal("725.50")), ("99", Decimal("99"))])
def test_dutch_amounts_are_read_the_dutch_way(owner_client, world, typed, stored):
    company = world["a"]["company"]
    response = owner_client.post(f"/bedrijf/{company.pk}/aanvragen/nieuw/", {
        "regeling": "oom-jobstart", "jaar": "2026", "status": "te-doen", "bedrag": typed})
    assert response.status_code == 302
    assert company.applications.get(regeling="oom-jobstart").bedrag == stored


def test_a_bad_amount_gets_a_dutch_message_naming_the_field(owner_client, world):
    company = world["a"]["company"]
    response = owner_client.post(f"/bedrijf/{company.pk}/aanvragen/nieuw/", {
        "regeling": "oom-jobstart", "jaar": "2026", "status": "te-doen", "bedrag": "7,25,50"})
    html = _page(response)
    assert response.status_code == 422
    assert _title(html).startswith("Fout:")
    assert 'href="#id_bedrag">Bedrag in euro: Vul een bedrag in euro in, bijvoorbeeld 725,50' \
        in html
    assert not company.applications.filter(regeling="oom-jobstart").exists()


def test_course_costs_are_whole_euros_typed_the_dutch_way(owner_client, world):
    company = world["a"]["company"]
    response = owner_client.post(f"/bedrijf/{company.pk}/scholing/nieuw/", {
        "medewerker": "Jo", "omschrijving": "Lassen", "start": "2026-10-01",
        "kosten_eur": "1.250"})
    assert response.status_code == 302
    assert company.trainings.get(medewerker="Jo").kosten_eur == 1250
    assert "€ 1.250" in _page(owner_client.get(f"/bedrijf/{company.pk}/scholing/"))
    cents = owner_client.post(f"/bedrijf/{company.pk}/scholing/nieuw/", {
        "medewerker": "Jo", "omschrijving": "Lassen 2", "start": "2026-10-01",
        "kosten_eur": "725,50"})
    assert cents.status_code == 422 and "Vul hele euro" in _page(cents)


# --- CSV import ------------------------------------------------------------------------------


def _template(client, company) -> str:
    response = client.get(f"/bedrijf/{company.pk}/leerlingen/importeren/sjabloon.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "sjabloon" in response["Content-Disposition"]
    assert response.content.startswith("\ufeff".encode())  # Excel then reads it as UTF-8
    return response.content.decode("utf-8-sig")


def _upload(client, company, text: str, **extra):
    upload = SimpleUploadedFile("leerlingen.csv", text.encode("utf-8"), "text/csv")
    return client.post(f"/bedrijf/{company.pk}/leerlingen/importeren/",
                       {"bestand": upload, **extra})


def test_the_template_has_the_header_row_and_an_example_row(owner_client, world):
    rows = list(csv.reader(io.StringIO(_template(owner_client, world["a"]["company"])),
                           delimiter=";"))
    assert rows[0] == list(HEADERS)
    assert len(rows) == 2 and rows[1][0] and rows[1][1] == "bbl"


def test_csv_template_round_trip_creates_the_learners(owner_client, world):
    """Download the template, fill it in as a spreadsheet would, upload it: learners created."""
    company = world["a"]["company"]
    rows = list(csv.DictReader(io.StringIO(_template(owner_client, company)), delimiter=";"))
    example = rows[0]
    filled = io.StringIO()
    writer = csv.DictWriter(filled, fieldnames=HEADERS, delimiter=";")
    writer.writeheader()
    writer.writerow(example)  # the example row itself is valid
    writer.writerow({**example, "naam": "Ahmed Yilmaz", "leerweg": "bol", "crebo": "",
                     "start": "1-9-2026", "eind": "1-7-2029", "via_bvm": "ja"})
    before = company.learners.count()
    response = _upload(owner_client, company, filled.getvalue())
    assert response.status_code == 302
    assert company.learners.count() == before + 2
    ahmed = company.learners.get(naam="Ahmed Yilmaz")
    assert (ahmed.leerweg, ahmed.start.isoformat(), ahmed.via_bvm) == ("bol", "2026-09-01", True)
    assert company.learners.filter(naam=example["naam"], leerweg="bbl").exists()
    listing = _page(owner_client.get(f"/bedrijf/{company.pk}/leerlingen/"))
    assert "2 leerlingen geïmporteerd." in listing


def test_the_import_page_explains_columns_and_allowed_values(owner_client, world):
    html = _page(owner_client.get(f"/bedrijf/{world['a']['company'].pk}/leerlingen/importeren/"))
    assert "Sjabloon downloaden (CSV)" in html
    for column in HEADERS:
        assert f"<dt>{column}" in html or f", {column} " in html, column
    assert "(verplicht)" in html
    for code in ("bol", "bbl", "hbo-duaal", "hbo-voltijd", "vmbo", "havo-vwo"):
        assert f"<code>{code}</code>" in html


def test_a_learner_already_present_is_warned_about_before_importing(owner_client, world):
    company = world["a"]["company"]
    existing = world["a"]["learner"].naam
    text = (";".join(HEADERS) + "\r\n"
            + f"{existing.upper()};bbl;;;2026-09-01;2028-07-01;;;nee\r\n"
            + "Nieuwe Leerling;bol;;;2026-09-01;2028-07-01;;;nee\r\n")
    before = company.learners.count()
    warned = _upload(owner_client, company, text)
    html = _page(warned)
    assert warned.status_code == 200
    assert "Let op: 1 leerling staat er al" in html and existing.upper() in html
    assert company.learners.count() == before  # nothing imported yet
    carried = re.search(r'name="inhoud" value="([^"]*)"', html)[1]
    import html as html_lib

    skip = owner_client.post(f"/bedrijf/{company.pk}/leerlingen/importeren/",
                             {"inhoud": html_lib.unescape(carried), "dubbel": "overslaan"})
    assert skip.status_code == 302
    assert company.learners.count() == before + 1
    assert company.learners.filter(naam="Nieuwe Leerling").exists()
    assert "1 leerling geïmporteerd." in _page(owner_client.get(skip["Location"]))

    both = owner_client.post(f"/bedrijf/{company.pk}/leerlingen/importeren/",
                             {"inhoud": html_lib.unescape(carried), "dubbel": "toevoegen"})
    assert both.status_code == 302
    assert company.learners.count() == before + 3


def test_a_broken_file_names_line_and_column_and_imports_nothing(owner_client, world):
    company = world["a"]["company"]
    before = company.learners.count()
    response = _upload(owner_client, company, ";".join(HEADERS) + "\r\nKim;bbx;;;;;;;\r\n")
    html = _page(response)
    assert response.status_code == 422 and _title(html).startswith("Fout:")
    assert "<td>2</td><td>leerweg</td>" in html and "spreadsheet" in html
    assert company.learners.count() == before


# --- labels, dates, counts -------------------------------------------------------------------


def test_profile_choices_use_the_vocabulary(owner_client, world):
    company = world["a"]["company"]
    html = _page(owner_client.get(f"/bedrijf/{company.pk}/profiel/"))
    assert '<option value="noord-holland">Noord-Holland</option>' in html
    assert "bbl-leerlingen opleiden" in html and "mensen met een afstand tot de arbeidsmarkt" in html
    assert "Noord Holland" not in html


def test_a_read_only_profile_shows_labels_not_stored_values(client, world):
    from .conftest import verified_client

    company = world["a"]["company"]
    company.provincie, company.doelen = "noord-holland", ["bbl-leerlingen"]
    company.save()
    html = _page(verified_client(client, world["advisor"]).get(f"/bedrijf/{company.pk}/profiel/"))
    assert "Noord-Holland" in html and "bbl-leerlingen opleiden" in html
    assert "<dd>Metaal en Techniek</dd>" in html
    assert "noord-holland<" not in html and "metaal-en-techniek<" not in html


def test_learners_show_learning_path_labels_and_dates_in_words(owner_client, world):
    company = world["a"]["company"]
    html = _page(owner_client.get(f"/bedrijf/{company.pk}/leerlingen/"))
    assert "mbo-bbl" in html and "1 september 2025" in html and "1 juli 2027" in html
    assert ">bbl<" not in html and "1-9-2025" not in html
    assert "1 leerling of stagiair" in html


def test_the_dashboard_names_regelingen_not_their_ids(owner_client, world):
    company = world["a"]["company"]
    html = _page(owner_client.get(f"/bedrijf/{company.pk}/"))
    assert "Subsidieregeling praktijkleren 2025/26" in html or \
        "Subsidie praktijkleren 2025/26" in html
    assert "subsidie-praktijkleren 2025/26" not in html
    assert "1 leerling geregistreerd." in html


@pytest.mark.parametrize("count, text", [(1, "1 leerling geregistreerd."),
                                         (2, "2 leerlingen geregistreerd.")])
def test_counts_are_singular_or_plural(owner_client, world, count, text):
    company = world["a"]["company"]
    learner = world["a"]["learner"]
    for n in range(count - 1):
        Learner.objects.create(company=company, naam=f"Extra {n}", leerweg="bol",
                               start=learner.start, eind=learner.eind)
    assert text in _page(owner_client.get(f"/bedrijf/{company.pk}/"))


# --- advisor, calendar -----------------------------------------------------------------------


def test_ask_your_advisor_mails_the_companys_advisor(owner_client, world):
    company = world["a"]["company"]
    for path in ("", "plan/"):
        html = _page(owner_client.get(f"/bedrijf/{company.pk}/{path}"))
        assert "Vraag je adviseur" in html
        assert 'href="mailto:adviseur@metaalunie.test?subject=' in html


def test_without_an_advisor_it_mails_metaalunie(client, world):
    client.force_login(world["owner_b"])
    html = _page(client.get(f"/bedrijf/{world['b']['company'].pk}/"))
    assert 'href="mailto:info@metaalunie.nl?subject=' in html
    assert "030-605 33 44" in html


def test_the_calendar_page_offers_webcal_and_steps(owner_client, world):
    company = world["a"]["company"]
    token = world["a"]["token"]
    html = _page(owner_client.get(f"/bedrijf/{company.pk}/agenda/"))
    assert f'href="webcal://testserver/agenda/{token.secret}.ics"' in html
    for app in ("Google Agenda", "Outlook", "Apple"):
        assert f"<h3>{app}" in html


# --- form style, header, footer --------------------------------------------------------------


def test_workspace_forms_with_errors_say_so_in_the_title_and_link_the_fields(owner_client, world):
    company = world["a"]["company"]
    response = owner_client.post(f"/bedrijf/{company.pk}/leerlingen/nieuw/", {"naam": ""})
    html = _page(response)
    assert response.status_code == 422
    assert _title(html).startswith("Fout: Leerling toevoegen")
    assert "Er is een probleem" in html
    for target in ("id_naam", "id_leerweg", "id_start", "id_eind"):
        assert f'href="#{target}"' in html and f'id="{target}"' in html
    ok = _page(owner_client.get(f"/bedrijf/{company.pk}/leerlingen/nieuw/"))
    assert not _title(ok).startswith("Fout:")


@pytest.mark.parametrize("path", ["/", "/regelingen/", "/advies/", "/zoeken/?q=bbl",
                                  "/privacy/", "/toegankelijkheid/", "/account/inloggen/"])
def test_every_public_page_has_login_and_the_statements(client, content_db, path):
    html = _page(client.get(path))
    assert 'href="/account/inloggen/"' in html and ">Inloggen</a>" in html
    assert 'href="/privacy/"' in html and 'href="/toegankelijkheid/"' in html


def test_a_logged_in_user_sees_my_company_and_log_out(owner_client, world):
    html = _page(owner_client.get("/regelingen/"))
    assert ">Mijn bedrijf</a>" in html and ">Uitloggen</button>" in html
    assert ">Inloggen</a>" not in html


def test_the_privacy_statement_takes_its_retention_from_the_settings(client, content_db,
                                                                     settings):
    settings.ONDERWIJSGIDS_ANONIMISEER_NA_MAANDEN = 7
    html = _page(client.get("/privacy/"))
    assert "7 maanden na de einddatum" in html
    for who in ("eigenaar", "adviseur van Metaalunie", "beheerders"):
        assert who in html
    assert "minderjarig" in html and "info@metaalunie.nl" in html
    settings.ONDERWIJSGIDS_ANONIMISEER_NA_MAANDEN = 1
    assert "1 maand na de einddatum" in _page(Client().get("/privacy/"))


def test_the_accessibility_statement_names_known_gaps_and_a_contact(client, content_db):
    html = _page(client.get("/toegankelijkheid/"))
    assert "WCAG 2.1" in html and "Wat nog niet goed is" in html
    assert "mailto:info@metaalunie.nl" in html


def test_an_application_amount_of_none_shows_a_dash(owner_client, world):
    company = world["a"]["company"]
    assert world["a"]["application"].bedrag is None
    html = _page(owner_client.get(f"/bedrijf/{company.pk}/aanvragen/"))
    assert re.search(r'data-label="Bedrag">—<', html)
    assert Application.objects.filter(company=company).count() == 1
