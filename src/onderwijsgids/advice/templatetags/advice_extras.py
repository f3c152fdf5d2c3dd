"""Template filters of the advice pages and the PDF. The euro format is the site's one filter
(:mod:`onderwijsgids.web.templatetags.dutch_format`), registered here too for these templates."""

from django import template

from onderwijsgids.advice.engine.compiled import short_source
from onderwijsgids.advice.labels import WINDOW_STATE_LABELS
from onderwijsgids.vocabulary import field_words
from onderwijsgids.web.templatetags import dutch_format

register = template.Library()
register.filter("euro", dutch_format.euro)
register.filter("datum", dutch_format.datum)


@register.filter
def venster_staat(staat):
    """The state of an application window in words."""
    return WINDOW_STATE_LABELS.get(staat, "")


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
