"""From the plan to the workspace (issue 13, item 3), through the Django test client: "Bewaar dit
plan" (sign-up with a mailed one-time link, throttled, KvK number checked, a warning for a
company already registered), a logged-in user taking the plan into a company they may edit,
and "Profiel overnemen" reading a share link or a downloaded profile file."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import time

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail, signing
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile

from onderwijsgids.advice.share import SHARE_SALT, profile_dict
from onderwijsgids.cli import main
from onderwijsgids.workspace import actions
from onderwijsgids.workspace.domain.values import CompanyProfile
from onderwijsgids.workspace.models import Company, Membership, SignupRequest

from .conftest import verified_client

PASSWORD = "een-lang-en-eigen-wachtwoord"
LEARNER = {"leerweg": "bbl", "crebo": "25892", "start-dag": "1", "start-maand": "9",
           "start-jaar": "2025", "eind-dag": "1", "eind-maand": "7", "eind-jaar": "2027",
           "via_bvm": "nee"}
LEARNER_WITHOUT_DATES = {"leerweg": "bol", "via_bvm": "onbekend"}


@pytest.fixture(autouse=True)
def _fresh_cache(db):
    cache.clear()  # the throttles count in the shared cache


def answer_the_route(client) -> None:
    """Every question of /advies/ answered as a visitor would, with two learners (one without
    dates) and one course."""
    client.post("/advies/", {"naam": "Metaalbedrijf De Vonk"})
    client.post("/advies/cao/", {"cao": "metaal-en-techniek"})
    client.post("/advies/medewerkers/", {"medewerkers": "23"})
    client.post("/advies/vestiging/", {"provincie": "gelderland", "plaats": "Apeldoorn"})
    client.post("/advies/leerbedrijf/", {"erkend_leerbedrijf": "nee",
                                         "praktijkopleider_opgeleid": "nee"})
    client.post("/advies/doelen/", {"doelen": ["werven", "medewerkers-scholen"]})
    client.post("/advies/doelgroepen/", {"doelgroepen": ["statushouders"]})
    client.post("/advies/leerlingen/nieuw/", LEARNER)
    client.post("/advies/leerlingen/nieuw/", LEARNER_WITHOUT_DATES)
    client.post("/advies/leerlingen/", {"verder": "1"})
    client.post("/advies/scholing/nieuw/", {"omschrijving": "TIG-lassen gevorderd",
                                            "start-dag": "1", "start-maand": "4",
                                            "start-jaar": "2030", "ptt_aangevraagd": "nee"})
    client.post("/advies/scholing/", {"verder": "1"})
    assert len(client.session["advies"]["leerlingen"]) == 2


@pytest.fixture
def visitor(client, content_db):
    answer_the_route(client)
    return client


def sign_up(client, address: str = "10.0.13.1", **fields):
    data = {"naam": "Metaalbedrijf De Vonk", "kvk": "12345678",
            "email": "eigenaar@devonk.test", "password1": PASSWORD, "password2": PASSWORD,
            **fields}
    return client.post("/account/aanmelden/", data, REMOTE_ADDR=address)


def mailed_path(message) -> str:
    return re.search(r"http://testserver(/account/aanmelden/bevestigen/\S+/)", message.body)[1]


def share_path(client) -> str:
    page = client.get("/advies/plan/").content.decode()
    return re.search(r'id="deellink" type="text" readonly value="http://testserver([^"]+)"',
                     page)[1]


# --- the offer on the plan -------------------------------------------------------------------


def test_the_plan_offers_to_keep_it_and_a_profile_file(visitor):
    page = visitor.get("/advies/plan/").content.decode()
    assert 'href="/account/aanmelden/"' in page and ">Bewaar dit plan<" in page
    assert 'href="/advies/plan/profiel.yaml"' in page
    assert "Download als profiel (YAML)" in page
    path = share_path(visitor)
    shared = visitor.get(path).content.decode()
    token = path.split("/")[3]
    assert f'href="/account/aanmelden/?plan={token.replace(":", "%3A")}"' in shared
    assert f'href="/advies/gedeeld/{token}/profiel.yaml"' in shared


# --- sign-up with e-mail verification ----------------------------------------------------------


def test_sign_up_by_mailed_link_makes_a_company_with_the_routes_answers(visitor):
    form = visitor.get("/account/aanmelden/").content.decode()
    assert 'value="Metaalbedrijf De Vonk"' in form  # the route's name, not typed again
    sent = sign_up(visitor)
    assert sent.status_code == 200 and "Kijk in je e-mail" in sent.content.decode()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["eigenaar@devonk.test"]
    assert not get_user_model().objects.filter(username="eigenaar@devonk.test").exists()
    assert not Company.objects.filter(naam="Metaalbedrijf De Vonk").exists()
    link = mailed_path(mail.outbox[0])

    shown = visitor.get(link).content.decode()  # opening the link shows, and makes nothing
    assert "Leerling 1 uit het plan: mbo-bbl, opleiding 25892, 1 september 2025 tot 1 juli 2027" \
        in shown
    assert "Leerling 2 uit het plan: de startdatum ontbreekt" in shown
    assert "TIG-lassen gevorderd, start 1 april 2030" in shown
    assert "Gelderland" in shown and "12345678" in shown
    assert not Company.objects.filter(naam="Metaalbedrijf De Vonk").exists()

    made = visitor.post(link)
    company = Company.objects.get(naam="Metaalbedrijf De Vonk")
    assert made.status_code == 302 and made["Location"] == f"/bedrijf/{company.pk}/"
    user = get_user_model().objects.get(username="eigenaar@devonk.test")
    assert user.password.startswith("argon2") and user.check_password(PASSWORD)
    assert Membership.objects.get(user=user, company=company).role == "owner"
    assert (company.kvk, company.cao, company.medewerkers, company.provincie, company.plaats) == (
        "12345678", "metaal-en-techniek", 23, "gelderland", "Apeldoorn")
    assert company.erkend_leerbedrijf is False and company.praktijkopleider_opgeleid is False
    assert company.doelen == ["werven", "medewerkers-scholen"]
    assert company.doelgroepen == ["statushouders"]
    learner = company.learners.get()
    assert (learner.leerweg, learner.crebo, learner.start, learner.eind) == (
        "bbl", "25892", dt.date(2025, 9, 1), dt.date(2027, 7, 1))
    training = company.trainings.get()
    assert (training.omschrijving, training.start) == ("TIG-lassen gevorderd",
                                                       dt.date(2030, 4, 1))
    dashboard = visitor.get(made["Location"])
    assert dashboard.status_code == 200 and dashboard.wsgi_request.user == user
    assert "Je bedrijfsomgeving is gemaakt" in dashboard.content.decode()
    assert visitor.post(link).status_code == 410  # the link works once
    assert Company.objects.filter(naam="Metaalbedrijf De Vonk").count() == 1


def test_an_expired_sign_up_link_makes_nothing(visitor):
    sign_up(visitor)
    SignupRequest.objects.update(expires_at=dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc))
    response = visitor.post(mailed_path(mail.outbox[0]))
    assert response.status_code == 410 and "werkt niet" in response.content.decode()
    assert not Company.objects.filter(naam="Metaalbedrijf De Vonk").exists()


@pytest.mark.parametrize("kvk", ["1234567", "123456789", "1234567a", ""])
def test_the_kvk_number_must_be_eight_digits(visitor, kvk):
    response = sign_up(visitor, kvk=kvk)
    page = response.content.decode()
    assert response.status_code == 422 and page.count("<title>Fout:") == 1
    message = ("Een KvK-nummer is 8 cijfers, bijvoorbeeld 12345678." if kvk
               else "Dit veld is verplicht.")
    assert f"KvK-nummer: {message}" in page  # the error summary names the field
    assert 'value="eigenaar@devonk.test"' in page  # what was typed is kept
    assert mail.outbox == [] and not SignupRequest.objects.exists()


def test_a_kvk_number_typed_with_spaces_or_dots_is_accepted(visitor):
    assert sign_up(visitor, kvk="1234 56.78").status_code == 200
    assert SignupRequest.objects.get().kvk == "12345678"


def test_the_password_follows_the_password_rules_in_dutch(visitor):
    response = sign_up(visitor, password1="kort", password2="kort")
    assert response.status_code == 422
    assert "Dit wachtwoord is te kort" in response.content.decode()
    mismatch = sign_up(visitor, password2="iets-anders-dan-het-eerste")
    assert "De wachtwoorden zijn niet gelijk." in mismatch.content.decode()
    assert mail.outbox == []


def test_sign_up_mails_are_throttled_per_recipient_and_per_address(visitor):
    for _ in range(3):
        assert sign_up(visitor).status_code == 200
    refused = sign_up(visitor)
    assert refused.status_code == 429
    assert "Er zijn te veel e-mails aangevraagd" in refused.content.decode()
    assert len(mail.outbox) == 3
    for n in range(10 - 4):  # the address made 4 of its 10 attempts; other recipients
        assert sign_up(visitor, email=f"iemand{n}@devonk.test").status_code == 200
    assert sign_up(visitor, email="nog-iemand@devonk.test").status_code == 429
    assert sign_up(visitor, email="nog-iemand@devonk.test",
                   address="10.0.13.2").status_code == 200


@pytest.mark.parametrize("fields", [{"kvk": "87654321"}, {"naam": "bedrijf a", "kvk": "11112222"}],
                         ids=["kvk", "naam"])
def test_a_company_already_registered_gets_a_warning_not_a_refusal(visitor, world, fields):
    Company.objects.filter(pk=world["a"]["company"].pk).update(kvk="87654321")
    before = Company.objects.count()
    sent = sign_up(visitor, **fields)
    page = sent.content.decode()
    assert sent.status_code == 200 and len(mail.outbox) == 1
    assert "dit bedrijf staat misschien al in de Onderwijsgids" in page
    assert "Vraag dan de eigenaar van die bedrijfsomgeving om een uitnodiging" in page
    link = mailed_path(mail.outbox[0])
    assert "om een uitnodiging" in visitor.get(link).content.decode()
    assert visitor.post(link).status_code == 302  # going on is allowed
    assert Company.objects.count() == before + 1
    assert Company.objects.filter(kvk=fields["kvk"], naam=fields.get(
        "naam", "Metaalbedrijf De Vonk")).exists()


def test_no_warning_for_a_new_company(visitor):
    assert "staat misschien al" not in sign_up(visitor).content.decode()


def test_an_address_with_an_account_gets_a_login_mail_and_no_second_account(visitor, world):
    response = sign_up(visitor, email="Eigenaar@Bedrijf-A.test")
    assert response.status_code == 200 and "Kijk in je e-mail" in response.content.decode()
    assert not SignupRequest.objects.exists()
    body = mail.outbox[0].body
    assert "Er is al een account met dit adres" in body and "/account/inloggen/?next=" in body
    assert get_user_model().objects.filter(username__iexact="eigenaar@bedrijf-a.test").count() == 1


def test_a_logged_in_visitor_is_sent_to_choose_a_company(owner_client):
    answer_the_route(owner_client)
    response = owner_client.get("/account/aanmelden/")
    assert response.status_code == 302 and response["Location"].startswith(
        "/bedrijf/plan-overnemen/?plan=")


# --- a logged-in user takes the plan into a company ------------------------------------------


def test_a_logged_in_user_imports_the_plan_after_seeing_what_changes(owner_client, world):
    company = world["a"]["company"]
    answer_the_route(owner_client)
    page = owner_client.get("/advies/plan/").content.decode()
    assert "Bewaar dit plan bij je bedrijf" in page
    chosen = owner_client.get("/bedrijf/plan-overnemen/")
    assert chosen.status_code == 302  # one company: no choice to make
    preview = owner_client.get(chosen["Location"])
    text = preview.content.decode()
    assert preview.status_code == 200 and "Controleer wat er verandert" in text
    assert re.search(r"<th scope=\"row\">Plaats</th><td>Testdorp</td><td>Apeldoorn</td>", text)
    assert re.search(r"<th scope=\"row\">Erkend leerbedrijf \(SBB\)</th><td>Ja</td><td>Nee</td>",
                     text)
    assert "Leerling 1 uit het plan: mbo-bbl" in text
    company.refresh_from_db()
    assert company.plaats == "Testdorp" and company.learners.count() == 1  # nothing saved yet

    carried = html.unescape(re.search(r'name="import-profiel" value="([^"]+)"', text)[1])
    saved = owner_client.post(f"/bedrijf/{company.pk}/profiel/overnemen/", {
        "import-profiel": carried, "bevestigen": "1"})
    assert saved.status_code == 302 and saved["Location"] == f"/bedrijf/{company.pk}/"
    company.refresh_from_db()
    assert company.naam == "Bedrijf A"  # the company keeps its name
    assert (company.plaats, company.erkend_leerbedrijf, company.medewerkers) == (
        "Apeldoorn", False, 23)
    assert company.learners.count() == 2 and company.trainings.count() == 2

    again = owner_client.get(chosen["Location"]).content.decode()
    assert "Leerling 1 uit het plan staat er al" in again
    assert "Er verandert niets" in again


def test_a_user_with_several_companies_chooses_one(owner_client, world):
    owner = world["owner_a"]
    other = actions.do_create_company(CompanyProfile(naam="Bedrijf C"), owner=owner,
                                      acting_user=owner)
    answer_the_route(owner_client)
    page = owner_client.get("/bedrijf/plan-overnemen/")
    text = page.content.decode()
    assert page.status_code == 200 and "Bij welk bedrijf" in text
    for company in (world["a"]["company"], other):
        assert re.search(rf'href="/bedrijf/{company.pk}/profiel/overnemen/\?plan=[^"]+">'
                         rf'{company.naam}</a>', text)
    assert f"/bedrijf/{world['b']['company'].pk}/" not in text


def test_the_plan_is_refused_for_a_company_the_user_may_not_edit(owner_client, client, world):
    answer_the_route(owner_client)
    token = share_path(owner_client).split("/")[3]
    foreign = world["b"]["company"]
    assert owner_client.get(f"/bedrijf/{foreign.pk}/profiel/overnemen/",
                            {"plan": token}).status_code == 404
    assert owner_client.post(f"/bedrijf/{foreign.pk}/profiel/overnemen/", {
        "import-profiel": "cao: metalektro\n", "bevestigen": "1"}).status_code == 404
    advisor = verified_client(client, world["advisor"])  # may read company A, not write
    own = world["a"]["company"]
    assert advisor.get(f"/bedrijf/{own.pk}/profiel/overnemen/", {"plan": token}).status_code == 403
    assert advisor.post(f"/bedrijf/{own.pk}/profiel/overnemen/", {
        "import-profiel": "cao: metalektro\n", "bevestigen": "1"}).status_code == 403
    for company in (foreign, own):
        company.refresh_from_db()
        assert company.cao == "metaal-en-techniek" and company.learners.count() == 1


# --- "Profiel overnemen": a share link or a downloaded file -------------------------------------


def _take_over(client, company, **data):
    preview = client.post(f"/bedrijf/{company.pk}/profiel/overnemen/", data)
    assert preview.status_code == 200, preview.content.decode()
    carried = html.unescape(re.search(r'name="import-profiel" value="([^"]+)"',
                                      preview.content.decode())[1])
    return client.post(f"/bedrijf/{company.pk}/profiel/overnemen/",
                       {"import-profiel": carried, "bevestigen": "1"})


def test_the_profile_import_takes_a_plans_share_link(owner_client, world):
    company = world["a"]["company"]
    answer_the_route(owner_client)
    link = "http://testserver" + share_path(owner_client)
    saved = _take_over(owner_client, company, **{"import-profiel": f"  {link}  "})
    assert saved.status_code == 302
    company.refresh_from_db()
    assert company.plaats == "Apeldoorn" and company.doelgroepen == ["statushouders"]


class _Earlier(signing.TimestampSigner):
    def timestamp(self) -> str:
        return signing.b62_encode(int(time.time()) - (settings.SHARE_LINK_DAYS + 1) * 86400)


def test_an_expired_or_altered_share_link_gets_a_dutch_message_and_is_kept(owner_client, world):
    company = world["a"]["company"]
    token = _Earlier(salt=SHARE_SALT).sign_object({"cao": "metalektro"}, compress=True)
    link = f"http://testserver/advies/gedeeld/{token}/"
    response = owner_client.post(f"/bedrijf/{company.pk}/profiel/overnemen/",
                                 {"import-profiel": link})
    page = response.content.decode()
    assert response.status_code == 422 and page.count("<title>Fout:") == 1
    assert "De link naar het plan is verlopen" in page
    assert f"{settings.SHARE_LINK_DAYS} dagen" in page
    assert "Profiel (JSON of YAML) of de link naar een plan: De link" in page  # names the field
    assert link in page  # what was pasted is still there
    altered = owner_client.post(f"/bedrijf/{company.pk}/profiel/overnemen/",
                                {"import-profiel": link.replace(token[-6:], "xxxxxx")})
    assert altered.status_code == 422
    assert "geen geldige link naar een plan" in altered.content.decode()
    company.refresh_from_db()
    assert company.cao == "metaal-en-techniek"


def test_the_profile_import_takes_the_downloaded_yaml_file(owner_client, world):
    company = world["a"]["company"]
    answer_the_route(owner_client)
    download = owner_client.get("/advies/plan/profiel.yaml")
    assert download.status_code == 200
    assert download["Content-Disposition"] == 'attachment; filename="onderwijsgids-profiel.yaml"'
    upload = SimpleUploadedFile("onderwijsgids-profiel.yaml", download.content,
                                content_type="application/yaml")
    saved = _take_over(owner_client, company, **{"import-bestand": upload})
    assert saved.status_code == 302
    company.refresh_from_db()
    assert (company.plaats, company.medewerkers) == ("Apeldoorn", 23)
    assert company.learners.filter(naam="Leerling 1 uit het plan").exists()


def test_a_file_that_is_no_profile_names_the_field(owner_client, world):
    company = world["a"]["company"]
    response = owner_client.post(f"/bedrijf/{company.pk}/profiel/overnemen/", {
        "import-bestand": SimpleUploadedFile("foto.jpg", b"\xff\xd8\xff\xe0 geen tekst")})
    page = response.content.decode()
    assert response.status_code == 422
    assert "Of kies een profielbestand: Dit bestand is geen profiel" in page
    nothing = owner_client.post(f"/bedrijf/{company.pk}/profiel/overnemen/", {})
    assert nothing.status_code == 422
    assert "Plak een profiel of de link naar een plan" in nothing.content.decode()


# --- the profile file and the command line ---------------------------------------------------


def test_the_yaml_profile_round_trips_through_the_cli(visitor, capsys, tmp_path):
    yaml_file = tmp_path / "profiel.yaml"
    yaml_file.write_bytes(visitor.get("/advies/plan/profiel.yaml").content)
    assert yaml_file.read_text(encoding="utf-8").startswith("# Bedrijfsprofiel")
    assert main(["advies", str(yaml_file)]) == 0
    from_file = json.loads(capsys.readouterr().out)
    answers = profile_dict(visitor.session["advies"])
    from_route = visitor.post("/api/v1/advies", json.dumps(answers),
                              content_type="application/json").json()
    assert from_file == from_route  # the same advice as the plan the file came from
    assert from_file["profiel"]["leerlingen"][0]["crebo"] == "25892"
    shared = visitor.get(share_path(visitor) + "profiel.yaml")
    assert shared.content == visitor.get("/advies/plan/profiel.yaml").content
