"""Taking the answers of a plan into the workspace: read them (a profile's text, a downloaded
profile file, a plan's share link), work out what changes, and say it in plain Dutch.

The rules of what becomes what are in :mod:`.domain.takeover`; the writes in
:func:`actions.do_take_over_plan` and :func:`actions.do_sign_up_with_plan`.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from onderwijsgids.advice.engine.profile import (Profile, ProfileError, parse_profile,
                                                 profile_from_text)
from onderwijsgids.advice.labels import LEERWEG_LABELS, LEERWEG_SHORT_LABELS
from onderwijsgids.advice.share import (ShareLinkExpired, ShareLinkInvalid,
                                        looks_like_share_link, read_share_link,
                                        read_share_token)
from onderwijsgids.bounded import MAX_DOCUMENT_BYTES
from onderwijsgids.dutch import dutch_date

from . import services
from .domain import takeover as rules
from .forms import CompanyProfileForm
from .models import Company

COMPANY_FIELDS = tuple(name for name in services.PROFILE_FIELDS if name != "naam")


class ImportRefused(Exception):
    """A source that holds no profile: ``field`` is the form field, ``message`` says why."""

    def __init__(self, field: str, message: str):
        self.field, self.message = field, message
        super().__init__(message)


# --- reading the answers ------------------------------------------------------------------


def expired_message() -> str:
    return _("De link naar het plan is verlopen: een gedeelde link werkt %(dagen)d dagen. Open "
             "je plan opnieuw in de adviesroute en kopieer de nieuwe link, of download het "
             "profiel (YAML) en kies dat bestand.") % {"dagen": settings.SHARE_LINK_DAYS}


def invalid_link_message() -> str:
    return _("Deze link is geen geldige link naar een plan uit de Onderwijsgids. Kopieer de hele "
             "link onder ‘Link om dit plan te delen’ op de planpagina.")


def profile_from_answers(answers: dict[str, Any]) -> Profile:
    """The route's answers (as stored in a session, a share link or a sign-up) as a profile."""
    return parse_profile(answers, services.current_kb())


def _from_link(read, link: str) -> Profile:
    """The profile in a share token or link read by ``read``; its problems as
    :class:`ImportRefused` of the field ``profiel``."""
    try:
        return profile_from_answers(read(link))
    except ShareLinkExpired:
        raise ImportRefused("profiel", expired_message()) from None
    except ShareLinkInvalid:
        raise ImportRefused("profiel", invalid_link_message()) from None


def profile_from_token(token: str) -> Profile:
    """The answers in a plan's share token (as the plan page's "Bewaar dit plan" passes it)."""
    return _from_link(read_share_token, token)


def _text_of_upload(upload) -> str:
    if upload.size > MAX_DOCUMENT_BYTES:
        raise ImportRefused("bestand", _("Het bestand is groter dan %(kb)d kB.")
                            % {"kb": MAX_DOCUMENT_BYTES // 1024})
    try:
        return upload.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRefused("bestand", _(
            "Dit bestand is geen profiel: kies het YAML- of JSON-bestand dat je bij het plan "
            "hebt gedownload (‘Download als profiel (YAML)’).")) from None


def read_profile(text: str = "", upload=None) -> Profile:
    """A profile from a pasted text (JSON, YAML or a plan's share link) or an uploaded file.

    :class:`ImportRefused` for a link or file that holds no profile; :class:`ProfileError`
    (naming field and line) for a profile with wrong answers.
    """
    if upload is not None:
        return profile_from_text(_text_of_upload(upload), services.current_kb(),
                                 source=upload.name)
    if looks_like_share_link(text):
        return _from_link(read_share_link, text)
    return profile_from_text(text, services.current_kb())


def carried(profile: Profile) -> str:
    """The profile as JSON for the confirmation step (read again, and checked again, there)."""
    data = profile.model_dump(mode="json", exclude_none=True, exclude={"peildatum"})
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


# --- what changes -------------------------------------------------------------------------


def _names() -> rules.Names:
    return rules.Names(learner=_("Leerling {n} uit het plan"),
                       employee=_("Medewerker {n} uit het plan"),
                       course=_("Cursus {n} uit het plan"))


def for_company(profile: Profile, company: Company) -> rules.TakeOver:
    """What ``profile`` changes in ``company`` (its name stays; learners and courses already
    there are not added again)."""
    learners = [rules.learner_key(x.leerweg, x.crebo, x.start, x.eind)
                for x in company.learners.all()]
    courses = [rules.course_key(x.omschrijving, x.start) for x in company.trainings.all()]
    return rules.take_over(profile, COMPANY_FIELDS, _names(), learners, courses)


def for_new_company(profile: Profile) -> rules.TakeOver:
    return rules.take_over(profile, COMPANY_FIELDS, _names())


def _profile_rows(values: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, text) per profile field, as the profile page shows them to a reader."""
    company = SimpleNamespace(**{"naam": "", "kvk": "", "cao": None, "medewerkers": None,
                                 "provincie": None, "plaats": "", "erkend_leerbedrijf": None,
                                 "praktijkopleider_opgeleid": None, "doelen": [],
                                 "doelgroepen": [], **values})
    form = CompanyProfileForm(initial=CompanyProfileForm.initial_from(company))
    return form.display_rows(leave_out=("naam", "kvk"))  # a plan holds neither


def _current_values(company: Company) -> dict[str, Any]:
    return {name: getattr(company, name) for name in COMPANY_FIELDS}


def _period(start: dt.date, eind: dt.date) -> str:
    return _("%(start)s tot %(eind)s") % {"start": dutch_date(start), "eind": dutch_date(eind)}


def describe_learner(row: dict[str, Any]) -> str:
    parts = [str(LEERWEG_SHORT_LABELS.get(row["leerweg"], row["leerweg"]))]
    if row["crebo"]:
        parts.append(_("opleiding %(crebo)s") % {"crebo": row["crebo"]})
    parts.append(_period(row["start"], row["eind"]))
    return f"{row['naam']}: {', '.join(parts)}"


def describe_course(row: dict[str, Any]) -> str:
    return _("%(cursus)s, start %(datum)s") % {"cursus": row["omschrijving"],
                                               "datum": dutch_date(row["start"])}


def _not_taken_sentence(item: rules.NotTaken) -> str:
    n = item.number
    if item.kind == rules.NEW_EMPLOYEE:
        return _("Nieuwe medewerker %(n)d uit het plan: de bedrijfsomgeving houdt nieuwe "
                 "medewerkers nog niet bij. Ze staan wel in je plan.") % {"n": n}
    if item.kind == rules.COURSE:
        if item.reason == rules.PRESENT:
            return _("Cursus %(n)d uit het plan staat er al (zelfde cursus en startdatum).") % {
                "n": n}
        return _("Cursus %(n)d uit het plan: de startdatum ontbreekt. Voeg de cursus toe bij "
                 "Scholing.") % {"n": n}
    if item.reason == rules.PRESENT:
        return _("Leerling %(n)d uit het plan staat er al (zelfde leerweg, opleiding en "
                 "data).") % {"n": n}
    if item.reason == rules.LEERWEG_NOT_KEPT:
        return _("Leerling %(n)d uit het plan: de bedrijfsomgeving houdt leerlingen in "
                 "%(leerweg)s nog niet bij.") % {
            "n": n, "leerweg": LEERWEG_LABELS.get(item.leerweg, item.leerweg)}
    missing = {rules.NO_LEERWEG: _("de leerweg"), rules.NO_START: _("de startdatum"),
               rules.NO_END: _("de einddatum")}[item.reason]
    return _("Leerling %(n)d uit het plan: %(wat)s ontbreekt, en zonder start- en einddatum "
             "zijn er geen deadlines te berekenen. Voeg deze leerling toe bij Leerlingen.") % {
        "n": n, "wat": missing}


@dataclass
class Preview:
    """What a take-over changes, in words: profile rows (label, now, then), the learners and
    courses added, and the answers not taken over."""

    changes: list[tuple[str, str, str]]
    profile: list[tuple[str, str]]
    learners: list[str]
    courses: list[str]
    not_taken: list[str]

    @property
    def nothing(self) -> bool:
        return not (self.changes or self.learners or self.courses)


def preview(plan: rules.TakeOver, company: Company | None = None) -> Preview:
    now = _current_values(company) if company is not None else {}
    before, after = _profile_rows(now), _profile_rows({**now, **plan.company})
    changes = [(label, old, new) for (label, old), (_label, new) in zip(before, after)
               if old != new]
    return Preview(changes=changes, profile=after,
                   learners=[describe_learner(row) for row in plan.learners],
                   courses=[describe_course(row) for row in plan.trainings],
                   not_taken=[_not_taken_sentence(item) for item in plan.not_taken])


__all__ = ["ImportRefused", "Preview", "ProfileError", "carried", "for_company",
           "for_new_company", "preview", "profile_from_answers", "profile_from_token",
           "read_profile"]
