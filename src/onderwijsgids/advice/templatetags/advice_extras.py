"""Template filters of the advice pages and the PDF."""

from django import template

from onderwijsgids.dutch import format_eur

register = template.Library()


@register.filter
def euro(amount):
    """``1800`` → ``€ 1.800``: the site's one euro format (``onderwijsgids.dutch.format_eur``)."""
    return "" if amount is None else format_eur(amount)
