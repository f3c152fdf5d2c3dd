"""Site-wide presentation filters: one euro format, one date format and the vocabulary's labels.

``{% load dutch_format %}`` then ``{{ amount|euro }}`` (€ 2.700, € 725,50),
``{{ day|datum }}`` (1 september 2025), ``{{ learner.leerweg|leerweg }}`` (mbo-bbl),
``{{ company.provincie|provincie }}`` (Noord-Holland). Each is a thin wrapper of
:mod:`onderwijsgids.dutch` and :mod:`onderwijsgids.vocabulary`; a value without a label is shown
as it is, never dropped.
"""

from __future__ import annotations

import datetime as dt

from django import template

from onderwijsgids.advice.labels import (CAO_LABELS, GOAL_LABELS, LEERWEG_SHORT_LABELS,
                                         PROVINCE_LABELS, TARGET_GROUP_LABELS)
from onderwijsgids.dutch import format_eur
from onderwijsgids.vocabulary import datum as dutch_day

register = template.Library()


@register.filter
def euro(amount) -> str:
    """``2700`` → ``€ 2.700``; ``725.5`` → ``€ 725,50``; nothing for ``None``."""
    return "" if amount is None or amount == "" else format_eur(amount)


@register.filter
def datum(day) -> str:
    """``1 september 2025`` for a date (or a datetime's day); nothing for ``None``."""
    if isinstance(day, dt.datetime):
        day = day.date()
    return dutch_day(day) if isinstance(day, dt.date) else ""


def _label(labels: dict, value) -> str:
    return str(labels.get(value, value)) if value else ""


@register.filter
def leerweg(value) -> str:
    return _label(LEERWEG_SHORT_LABELS, value)


@register.filter
def provincie(value) -> str:
    return _label(PROVINCE_LABELS, value)


@register.filter
def cao(value) -> str:
    return _label(CAO_LABELS, value)


@register.filter
def doelen(values) -> str:
    return ", ".join(_label(GOAL_LABELS, v) for v in values or [])


@register.filter
def doelgroepen(values) -> str:
    return ", ".join(_label(TARGET_GROUP_LABELS, v) for v in values or [])
