"""Django validators over the limits of :mod:`onderwijsgids.bounded`, shared by models (the
admin), forms and the API (which validates with the forms)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from onderwijsgids import bounded


def _sentence(problem: str) -> str:
    return _("Deze tekst %(probleem)s.") % {"probleem": problem}


def single_line(value: str) -> None:
    """One-line text: no CR, LF or NUL (names end up in e-mail subjects and headers)."""
    problem = bounded.text_problem(str(value))
    if problem:
        raise ValidationError(_sentence(problem), code="single_line")


def date_in_range(value) -> None:
    problem = value is not None and bounded.date_problem(value)
    if problem:
        raise ValidationError(_("De datum %(probleem)s.") % {"probleem": problem},
                              code="date_range")
