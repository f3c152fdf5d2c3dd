"""One error value (``onderwijsgids.errors.Problem``) for bad input, whatever refuses it, and
each channel's own form of it: the command line's ``file:line: veld 'x': message``, the API's
``{"veld", "melding"}`` (pages: see the workspace, search and advice tests)."""

from __future__ import annotations

import pytest

from onderwijsgids.api_errors import invalid_input
from onderwijsgids.cli import problem_line
from onderwijsgids.errors import InvalidInput, Problem

DATE = Problem("leerlingen[0].start", "is geen geldige datum (JJJJ-MM-DD)", 5)


def test_the_command_line_names_file_line_and_field():
    assert problem_line(DATE.in_file("profiel.yaml")) == \
        "profiel.yaml:5: veld 'leerlingen[0].start': is geen geldige datum (JJJJ-MM-DD)"
    assert problem_line(DATE.in_file("profielen.jsonl", 12)) == \
        "profielen.jsonl:12: veld 'leerlingen[0].start': is geen geldige datum (JJJJ-MM-DD)"
    assert problem_line(Problem("", "map met content bestaat niet", file="inhoud")) == \
        "inhoud: map met content bestaat niet"


def test_the_command_line_names_an_argument_after_fout():
    assert problem_line(Problem("q", "vul een zoekvraag in")) == "fout: q: vul een zoekvraag in"
    assert problem_line(Problem("", "geef óf een PROFIEL óf --batch")) == \
        "fout: geef óf een PROFIEL óf --batch"


def test_without_a_file_the_text_names_the_line():
    assert str(DATE) == "regel 5: veld 'leerlingen[0].start': is geen geldige datum (JJJJ-MM-DD)"
    assert str(Problem("naam", "is te lang")) == "veld 'naam': is te lang"


def test_the_api_keeps_its_json_shape():
    assert invalid_input([DATE]) == {"detail": "Ongeldige invoer", "fouten": [
        {"veld": "leerlingen[0].start", "melding": "is geen geldige datum (JJJJ-MM-DD)"}]}
    assert invalid_input([Problem("plaats", "onbekend")], suggesties=["Zwolle"]) == {
        "detail": "Ongeldige invoer", "fouten": [{"veld": "plaats", "melding": "onbekend"}],
        "suggesties": ["Zwolle"]}


def _content_error(tmp_path):
    from onderwijsgids.kb import load_knowledge_base

    load_knowledge_base(tmp_path / "er-niet")


def _profile_error(tmp_path):
    from onderwijsgids.advice.engine import profile_from_text

    profile_from_text("naam: Test\ncao: bouw\n", None, "profiel.yaml")


def _line_error(tmp_path):
    from onderwijsgids.advice.batch import parse_lines

    parse_lines(b'{"cao": "metalektro"}\n{"cao": "bouw"}\n', None, "profielen.jsonl")


def _csv_refused(tmp_path):
    from onderwijsgids.workspace.domain.csvio import parse_learners

    parse_learners(b"naam;leerweg;start;eind\r\nMo;bbl;2026-13-01;2027-07-01\r\n")


def _query_error(tmp_path):
    from onderwijsgids.search.engine.query import validate_query

    validate_query("  ")


def _finder_input_error(tmp_path):
    from onderwijsgids.search.services import finder_results

    finder_results(None, "", "brabant")


def _usage_error(tmp_path):
    from onderwijsgids.cli import UsageError

    raise UsageError("--limit: moet tussen 1 en 100 liggen")


REFUSALS = [
    (_content_error, Problem("", "map met content bestaat niet", file="{tmp}/er-niet")),
    (_profile_error, Problem("cao", "heeft een onbekende waarde ('bouw'); toegestaan: "
                             "'metaal-en-techniek', 'metalektro', 'andere', 'geen' of "
                             "'onbekend'", 2, "profiel.yaml")),
    (_line_error, Problem("cao", "heeft een onbekende waarde ('bouw'); toegestaan: "
                          "'metaal-en-techniek', 'metalektro', 'andere', 'geen' of "
                          "'onbekend'", 2, "profielen.jsonl")),
    (_csv_refused, Problem("start", "is geen bestaande datum", 2)),
    (_query_error, Problem("q", "vul een zoekvraag in")),
    (_finder_input_error, Problem("provincie", "Kies een van de twaalf provincies.")),
    (_usage_error, Problem("", "--limit: moet tussen 1 en 100 liggen")),
]


@pytest.mark.parametrize(("refuse", "expected"), REFUSALS, ids=[r.__name__ for r, _ in REFUSALS])
def test_every_refusal_carries_the_one_value(tmp_path, refuse, expected):
    with pytest.raises(InvalidInput) as refused:
        refuse(tmp_path)
    located = Problem(expected.field, expected.message, expected.line,
                      expected.file.replace("{tmp}", str(tmp_path)))
    assert refused.value.problems == [located]
