"""Template filters of the advice pages and the PDF."""

from django import template

from onderwijsgids.vocabulary import euro as euro_text

register = template.Library()


@register.filter
def euro(amount):
    """``1800`` → ``€ 1.800``: the product's one euro format, as in the advice sentences."""
    return "" if amount is None else euro_text(amount)
