"""What the outputs share: Dutch labels for statuses, absolute links to item pages."""

from __future__ import annotations

import datetime as dt

from onderwijsgids.vocabulary import STATUS_WORDS, capitalised

STATUS_TEXT = {status: capitalised(words) for status, words in STATUS_WORDS.items()}


def absolute(base_url: str, path: str) -> str:
    return base_url.rstrip("/") + path


def company_name(advice) -> str:
    return advice.profiel.get("naam") or "Je bedrijf"


def peildatum(advice) -> dt.date:
    return dt.date.fromisoformat(advice.profiel["peildatum"])
