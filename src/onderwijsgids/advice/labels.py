"""Dutch labels of the profile's answer values, shared by the plan, the outputs and the web route."""

from django.utils.translation import gettext_lazy as _

from onderwijsgids.vocabulary import (GOAL_WORDS, HBO_DOMAIN_WORDS, PROVINCE_WORDS,
                                      TARGET_GROUP_WORDS)

CAO_LABELS = {
    "metaal-en-techniek": _("cao Metaal en Techniek"),
    "metalektro": _("cao Metalektro"),
    "andere": _("een andere cao"),
    "geen": _("geen cao"),
    "onbekend": _("weet ik niet"),
}
# Goals, target groups and provinces: the words of the one vocabulary (onderwijsgids.vocabulary).
GOAL_LABELS = {value: _(words) for value, words in GOAL_WORDS.items()}
TARGET_GROUP_LABELS = {value: _(words) for value, words in TARGET_GROUP_WORDS.items()}
LEERWEG_LABELS = {
    "bol": _("mbo-bol (vooral school, met stage)"),
    "bbl": _("mbo-bbl (werken en leren, met arbeidscontract)"),
    "hbo-duaal": _("hbo duaal"),
    "hbo-deeltijd": _("hbo deeltijd"),
    "hbo-voltijd": _("hbo voltijd (stage)"),
    "vmbo": _("vmbo (stage of leerwerktraject)"),
    "havo-vwo": _("havo/vwo (snuffelstage)"),
}
# Short names for tables and lists, as the glossary writes them (content/woordenlijst.yaml).
LEERWEG_SHORT_LABELS = {
    "bol": _("mbo-bol"), "bbl": _("mbo-bbl"), "hbo-duaal": _("hbo duaal"),
    "hbo-voltijd": _("hbo voltijd"), "vmbo": _("vmbo"), "havo-vwo": _("havo/vwo"),
}
PROVINCE_LABELS = dict(PROVINCE_WORDS)
HBO_DOMAIN_LABELS = {value: _(words) for value, words in HBO_DOMAIN_WORDS.items()}
STATUS_LABELS = {"ja": _("past bij jou"), "misschien": _("misschien"), "nee": _("past niet")}
# How the plan groups the regelingen: "past nog niet" is a ``nee`` that an action would fix.
GROUP_LABELS = {"ja": _("Past bij jou"), "nog-niet": _("Past nog niet"),
                "misschien": _("Misschien"), "nee": _("Past niet")}
