"""E-mail header values built from what users typed (subjects, display names).

A user's text (a course description, a company or learner name) must never reach an e-mail
header as it is: a CR or LF in it makes Django refuse the whole message (``BadHeaderError``) or,
with a looser mailer, starts a header of the attacker's choosing. :func:`header_text` is the one
place every such value passes through.
"""

from __future__ import annotations

import unicodedata

HEADER_LIMIT = 150

# Line breaks and other characters without a visible form: C0/C1 controls (Cc), the Unicode
# line and paragraph separators (Zl, Zp) and format characters such as bidi overrides (Cf).
_FOLDED = frozenset({"Cc", "Zl", "Zp", "Cf"})


def header_text(value: object, limit: int = HEADER_LIMIT) -> str:
    """``value`` as a single line fit for an e-mail header: every control character and line
    break becomes a space, runs of white space become one space, and a text longer than
    ``limit`` characters is cut at a word boundary and ends with "…"."""
    text = "".join(" " if unicodedata.category(char) in _FOLDED else char
                   for char in str(value))
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip() + "…"
