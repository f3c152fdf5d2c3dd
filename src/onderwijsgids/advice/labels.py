"""Dutch labels of the profile's answer values, shared by the plan, the outputs and the web route."""

from django.utils.translation import gettext_lazy as _

CAO_LABELS = {
    "metaal-en-techniek": _("cao Metaal en Techniek"),
    "metalektro": _("cao Metalektro"),
    "andere": _("een andere cao"),
    "geen": _("geen cao"),
    "onbekend": _("weet ik niet"),
}
GOAL_LABELS = {
    "jeugd-enthousiasmeren": _("kinderen enthousiast maken voor techniek"),
    "jongeren-techniekkeuze": _("jongeren stimuleren om voor techniek te kiezen"),
    "stageplekken": _("stageplekken bieden"),
    "bbl-leerlingen": _("bbl-leerlingen opleiden"),
    "jongeren-begeleiden": _("jongeren goed begeleiden tijdens hun opleiding"),
    "medewerkers-scholen": _("eigen medewerkers scholen"),
    "onderwijscontacten": _("meer halen uit onderwijscontacten"),
    "werven": _("nieuwe medewerkers werven"),
    "zij-instromers": _("zij-instromers werven"),
    "op-de-hoogte-blijven": _("op de hoogte blijven"),
    "zichtbaarheid": _("zichtbaar zijn als bedrijf en sector"),
}
TARGET_GROUP_LABELS = {
    "vrouwen": _("vrouwen"),
    "statushouders": _("statushouders"),
    "zij-instromers": _("zij-instromers"),
    "afstand-tot-arbeidsmarkt": _("mensen met een afstand tot de arbeidsmarkt"),
    "andere-vooropleiding": _("mensen met een andere vooropleiding"),
}
LEERWEG_LABELS = {
    "bol": _("mbo-bol (vooral school, met stage)"),
    "bbl": _("mbo-bbl (werken en leren, met arbeidscontract)"),
    "hbo-duaal": _("hbo duaal of deeltijd"),
    "hbo-voltijd": _("hbo voltijd (stage)"),
    "vmbo": _("vmbo (stage of leerwerktraject)"),
    "havo-vwo": _("havo/vwo (snuffelstage)"),
}
# Short names for tables and lists, as the glossary writes them (content/woordenlijst.yaml).
LEERWEG_SHORT_LABELS = {
    "bol": _("mbo-bol"), "bbl": _("mbo-bbl"), "hbo-duaal": _("hbo duaal"),
    "hbo-voltijd": _("hbo voltijd"), "vmbo": _("vmbo"), "havo-vwo": _("havo/vwo"),
}
PROVINCE_LABELS = {
    "groningen": "Groningen", "friesland": "Friesland", "drenthe": "Drenthe",
    "overijssel": "Overijssel", "flevoland": "Flevoland", "gelderland": "Gelderland",
    "utrecht": "Utrecht", "noord-holland": "Noord-Holland", "zuid-holland": "Zuid-Holland",
    "zeeland": "Zeeland", "noord-brabant": "Noord-Brabant", "limburg": "Limburg",
}
STATUS_LABELS = {"ja": _("past bij jou"), "misschien": _("misschien"), "nee": _("past niet")}
