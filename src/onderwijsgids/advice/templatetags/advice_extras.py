"""Template filters of the advice pages and the PDF."""

from django import template
from django.utils.translation import gettext_lazy as _

from onderwijsgids.advice.engine.compiled import short_source
from onderwijsgids.dutch import format_eur
from onderwijsgids.vocabulary import field_words

register = template.Library()


@register.filter
def euro(amount):
    """``1800`` → ``€ 1.800``: the site's one euro format (``onderwijsgids.dutch.format_eur``)."""
    return "" if amount is None else format_eur(amount)


VENSTER_STAAT = {"gepubliceerd": _("gepubliceerd"), "verwacht": _("verwacht, nog niet gepubliceerd"),
                 "gesloten": _("gesloten"), "onbekend": _("nog niet bekend")}


@register.filter
def venster_staat(staat):
    """The state of an application window in words."""
    return VENSTER_STAAT.get(staat, "")


@register.filter
def veldnamen_in_woorden(fields):
    """``["leerlingen[0].hbo_domein"]`` → ``het hbo-domein van leerling 1``: never a field name."""
    return ", ".join(field_words(name) for name in fields)


@register.filter
def get_item(mapping, key):
    """``mapping|get_item:key``: a dict's value in a template (empty when absent)."""
    return (mapping or {}).get(key, ())


@register.filter
def is_web_link(text):
    """Whether a source is a web address (the guide itself is named, not linked)."""
    return str(text).startswith(("https://", "http://"))


@register.filter
def host(url):
    """``https://www.rvo.nl/subsidies`` → ``rvo.nl``: a source's name as sentences give it."""
    return short_source(str(url))
