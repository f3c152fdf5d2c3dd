"""Bounded documents: the alias bomb, size and depth limits, through every door that reads a
profile (the workspace's "Profiel overnemen", the CLI, POST /api/v1/advies)."""

from __future__ import annotations

import io
import json
import sys
import time

import pytest

from onderwijsgids import bounded
from onderwijsgids.cli import main

pytestmark = pytest.mark.usefixtures("content_db")


def alias_bomb(levels: int) -> str:
    """The classic "billion laughs": each level nine references to the one before."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    names = "abcdefghijkl"
    for before, name in zip(names, names[1:levels]):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{before}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def deep_json(depth: int) -> str:
    return "[" * depth + "]" * depth


def test_the_bomb_is_small_and_real():
    import yaml

    assert len(alias_bomb(9).encode()) < 500
    small = yaml.safe_load(alias_bomb(3))  # plain SafeLoader expands it: 9**levels strings
    assert sum(len(b) for c in small["c"] for b in c) == 9**3


@pytest.mark.parametrize("levels", [7, 8, 9])
def test_the_loader_refuses_an_alias_bomb_at_once(levels):
    started = time.perf_counter()
    with pytest.raises(bounded.InputRefused) as refused:
        bounded.load_yaml(alias_bomb(levels))
    assert time.perf_counter() - started < 0.5
    assert "YAML-anker" in refused.value.message and refused.value.line == 1


def test_an_alias_alone_is_refused_too():
    with pytest.raises(bounded.InputRefused, match="YAML-verwijzing"):
        bounded.load_yaml("naam: *x\n")


@pytest.mark.parametrize("text", [deep_json(50_000), "a:\n" + "".join(
    " " * (2 * n) + f"k{n}:\n" for n in range(1, 60))])
def test_deep_nesting_is_refused_in_yaml(text):
    with pytest.raises(bounded.InputRefused, match="te diep genest"):
        bounded.load_yaml(text)


@pytest.mark.parametrize("raw", [deep_json(50_000), deep_json(50_000).encode(),
                                 deep_json(bounded.MAX_DEPTH + 1)])
def test_deep_nesting_is_refused_in_json(raw):
    with pytest.raises(bounded.InputRefused, match="te diep genest"):
        bounded.load_json(raw)


def test_size_is_limited_before_parsing():
    big = '{"naam": "' + "x" * bounded.MAX_DOCUMENT_BYTES + '"}'
    for load in (bounded.load_json, bounded.load_yaml):
        with pytest.raises(bounded.InputRefused, match="te groot"):
            load(big)


def test_bytes_that_are_not_utf8_get_a_dutch_message():
    with pytest.raises(bounded.InputRefused) as refused:
        bounded.load_json(b'{"naam": "caf\xe9"}')
    assert refused.value.message == "is geen UTF-8-tekst (onleesbaar teken op positie 14)"


def test_excerpts_are_short_and_on_one_line():
    assert bounded.excerpt("lol\n" * 1000) == "lol " * 9 + "lol…"
    assert len(bounded.excerpt("x" * 10_000)) == bounded.EXCERPT_CHARS


def test_the_workspace_import_refuses_the_bomb_in_short(owner_client, world):
    company = world["a"]["company"]
    response = owner_client.post(f"/bedrijf/{company.pk}/profiel/overnemen/",
                                 {"import-profiel": alias_bomb(9)})
    assert response.status_code == 422
    page = response.content.decode()
    assert "YAML-anker" in page and page.count("lol") == 9  # only the textarea, kept
    assert len(page) < 100_000


def test_the_cli_refuses_the_bomb_with_a_short_message(capsys, tmp_path):
    profile = tmp_path / "bom.yaml"
    profile.write_text(alias_bomb(9), encoding="utf-8")
    code = main(["advies", str(profile)])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert "YAML-anker" in err and len(err) < 300 and "lol" not in err


def test_the_cli_refuses_deep_json_on_stdin(capsys):
    sys.stdin = io.StringIO("{" + '"a":{' * 50_000 + "}" * 50_001)
    try:
        code = main(["advies", "-"])
    finally:
        sys.stdin = sys.__stdin__
    out, err = capsys.readouterr()
    assert code == 2 and "te diep genest" in err and len(err) < 300


@pytest.mark.parametrize("body", [deep_json(50_000), "{" + '"a":{' * 50_000 + "}" * 50_001,
                                  '{"naam": ' * 40 + "1" + "}" * 40])
def test_the_advice_api_refuses_deep_json_with_422(client, body):
    response = client.post("/api/v1/advies", body, content_type="application/json")
    assert response.status_code == 422
    assert response.json() == {"detail": "Ongeldige invoer", "fouten": [
        {"veld": "profiel", "melding": f"is te diep genest (meer dan {bounded.MAX_DEPTH} niveaus)"}]}


def test_the_advice_api_answers_non_utf8_in_dutch(client):
    response = client.post("/api/v1/advies", b'{"naam": "caf\xe9"}',
                           content_type="application/json")
    assert response.status_code == 422
    assert "UTF-8" in response.json()["fouten"][0]["melding"]
    assert "codec" not in response.content.decode()


def test_the_advice_api_names_the_place_of_bad_json_in_dutch(client):
    response = client.post("/api/v1/advies", '{"naam": }', content_type="application/json")
    assert response.status_code == 422
    assert response.json()["fouten"] == [
        {"veld": "profiel", "melding": "is geen geldige JSON (regel 1, kolom 10)"}]


def test_an_unknown_value_is_quoted_in_short(client):
    response = client.post("/api/v1/advies", json.dumps({"cao": "x" * 5000}),
                           content_type="application/json")
    assert response.status_code == 422
    assert len(response.content) < 1000
