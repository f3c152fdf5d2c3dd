"""Dutch labels of the profile's answer values, shared by the plan, the outputs and the web route.

Every table is the one vocabulary's words (:mod:`onderwijsgids.vocabulary`) through Django's
translation machinery: same values, same words, nothing kept by hand here.
"""

from django.utils.translation import gettext_lazy as _

from onderwijsgids.vocabulary import (
    CAO_CHOICE_WORDS, CAO_SHORT_WORDS, GOAL_WORDS, HBO_DOMAIN_WORDS, LEERWEG_CHOICE_WORDS,
    LEERWEG_SHORT_WORDS, PROVINCE_WORDS, STATUS_WORDS, TARGET_GROUP_WORDS, WINDOW_STATE_WORDS,
)


def _translated(words: dict[str, str]) -> dict:
    return {value: _(text) for value, text in words.items()}


CAO_LABELS = _translated(CAO_CHOICE_WORDS)
CAO_SHORT_LABELS = _translated(CAO_SHORT_WORDS)  # the company form: "Metaal en Techniek"
GOAL_LABELS = _translated(GOAL_WORDS)
TARGET_GROUP_LABELS = _translated(TARGET_GROUP_WORDS)
LEERWEG_LABELS = _translated(LEERWEG_CHOICE_WORDS)
# Short names for tables and lists, as the glossary writes them (content/woordenlijst.yaml).
LEERWEG_SHORT_LABELS = _translated(LEERWEG_SHORT_WORDS)
PROVINCE_LABELS = dict(PROVINCE_WORDS)  # proper names: not translated
HBO_DOMAIN_LABELS = _translated(HBO_DOMAIN_WORDS)
STATUS_LABELS = _translated(STATUS_WORDS)
WINDOW_STATE_LABELS = _translated(WINDOW_STATE_WORDS)
# How the plan groups the regelingen: "past nog niet" is a ``nee`` that an action would fix.
GROUP_LABELS = {"ja": _("Past bij jou"), "nog-niet": _("Past nog niet"),
                "misschien": _("Misschien"), "nee": _("Past niet")}
