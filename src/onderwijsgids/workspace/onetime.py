"""One-time links by e-mail: a signed (row, nonce) pair in the link, only the nonce's hash in
the row. Whoever checks the row (unused, unexpired, its owner) and marks it used decides."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.core import signing


def nonce_hash(nonce: str) -> str:
    return hashlib.sha256(nonce.encode()).hexdigest()


def new_nonce() -> tuple[str, str]:
    """A fresh nonce for the link and the hash to store."""
    nonce = secrets.token_urlsafe(24)
    return nonce, nonce_hash(nonce)


def link_token(pk: int, nonce: str, salt: str) -> str:
    return signing.dumps({"i": pk, "n": nonce}, salt=salt)


def read_link_token(token: str, salt: str, max_age: int) -> tuple[Any, str] | None:
    """(row id, nonce hash) of a genuine link no older than ``max_age`` seconds, else None."""
    try:
        data = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("n"), str):
        return None
    return data.get("i"), nonce_hash(data["n"])
