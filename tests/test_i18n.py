"""Django's own messages reach users in Dutch, through Django's i18n (so English can follow).

Django 5.2 changed the msgid of MinimumLengthValidator before its Dutch catalogue followed; the
project catalogue in ``src/onderwijsgids/locale/nl`` fills such gaps.
"""

from __future__ import annotations

import ast
import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import get_default_password_validators
from django.core.exceptions import ValidationError
from django.utils import translation

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "nl" / "LC_MESSAGES"
# Passwords that fail each configured validator (user: jan.jansen@example.test).
FAILING = {
    "UserAttributeSimilarityValidator": "jan.jansen@example",
    "MinimumLengthValidator": "kort",
    "CommonPasswordValidator": "password123",
    "NumericPasswordValidator": "12345678901234",
}


def _messages(validator, password: str, user) -> list[str]:
    try:
        validator.validate(password, user)
    except ValidationError as exc:
        return list(exc.messages)
    pytest.fail(f"{type(validator).__name__} accepteert {password!r}")


@pytest.mark.parametrize("validator", get_default_password_validators(),
                         ids=lambda v: type(v).__name__)
def test_every_password_validator_speaks_dutch(validator):
    user = User(username="jan.jansen@example.test", email="jan.jansen@example.test")
    password = FAILING[type(validator).__name__]
    with translation.override("en"):
        english = _messages(validator, password, user) + [validator.get_help_text()]
    dutch = _messages(validator, password, user) + [validator.get_help_text()]
    assert translation.get_language() == "nl"
    for en, nl in zip(english, dutch):
        assert en != nl, f"niet vertaald: {nl}"


def test_the_short_password_message_is_dutch_on_a_real_form():
    form = SetPasswordForm(User(username="a@b.test"), {"new_password1": "kort",
                                                       "new_password2": "kort"})
    assert not form.is_valid()
    assert form.errors["new_password2"] == [
        "Dit wachtwoord is te kort. Het moet minstens 10 tekens bevatten."]


def _po_strings(block: str, keyword: str) -> list[str]:
    pattern = rf'^{re.escape(keyword)} ((?:".*"\n?)+)'
    return ["".join(ast.literal_eval(s) for s in re.findall(r'".*"', m))
            for m in re.findall(pattern, block, re.M)]


def _po_entries(text: str) -> dict[str, list[str]]:
    """msgid → its msgstr (or msgstr[n] list) from a simple .po file."""
    entries = {}
    for block in text.split("\n\n"):
        ids = _po_strings(block, "msgid")
        if ids and ids[0]:
            plural = [s for n in range(2) for s in _po_strings(block, f"msgstr[{n}]")]
            entries[ids[0]] = plural or _po_strings(block, "msgstr")
    return entries


def test_the_compiled_catalogue_matches_its_source():
    compiled = gettext.GNUTranslations((CATALOGUE / "django.mo").open("rb"))
    entries = _po_entries((CATALOGUE / "django.po").read_text(encoding="utf-8"))
    assert entries
    for msgid, translations in entries.items():
        if len(translations) == 2:
            got = [compiled.ngettext(msgid, "-", n) for n in (1, 2)]
        else:
            got = [compiled.gettext(msgid)]
        assert got == translations, f"django.mo is ouder dan django.po: {msgid}"
