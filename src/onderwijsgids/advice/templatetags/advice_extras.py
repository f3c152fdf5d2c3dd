"""Template filters of the advice pages and the PDF."""

from django import template

from ..engine.evaluation import eur

register = template.Library()


@register.filter
def euro(amount):
    """``1800`` → ``€1.800`` (Dutch thousands separator), as in the advice sentences."""
    return "" if amount is None else eur(amount)
