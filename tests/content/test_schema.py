"""Per-file errors: each broken fixture is reported in Dutch with file, line (where YAML has one)
and field — by the loader and by ``onderwijsgids content check`` (exit 2, message on stderr)."""

from __future__ import annotations

import pytest

AP = "actiepunten/actiepunt-1.yaml"
OOM = "organisaties/oom.yaml"


def invalid_yaml(kb):
    kb.replace(AP, "thema: jeugd", "thema: jeugd: kunst")


def unknown_field(kb):
    kb.replace(AP, "thema: jeugd", "tema: jeugd")


def missing_field(kb):
    kb.replace(AP, "samenvatting: Een korte samenvatting op één regel.\n", "")


def wrong_type(kb):
    kb.replace(AP, "nummer: 1", "nummer: een")


def impossible_date(kb):
    kb.replace(AP, "peildatum: 2025-01-01", "peildatum: 2025-13-45")


def date_in_words(kb):
    kb.replace(AP, "peildatum: 2025-01-01", "peildatum: 1 januari 2025")


def unknown_enum_value(kb):
    kb.replace(AP, "thema: jeugd", "thema: kunst")


def unknown_item_type(kb):
    kb.replace(AP, "type: actiepunt", "type: actiepuntt")


def source_with_gids_and_url(kb):
    kb.replace(OOM, "    url: https://www.oom.nl/\n",
               "    url: https://www.oom.nl/\n    gids: subsidiemogelijkheden\n")


def source_without_gids_or_url(kb):
    kb.replace(OOM, "    url: https://www.oom.nl/\n", "")


def not_utf8(kb):
    text = (kb.path / AP).read_text(encoding="utf-8")
    kb.write(AP, text.encode("latin-1"))


CASES = [
    (invalid_yaml, f"{AP}:6: ongeldige YAML: mapping values are not allowed"),
    (unknown_field, f"{AP}:6: veld 'tema': is geen bekend veld (tikfout?)"),
    (missing_field, f"{AP}:1: veld 'samenvatting': is verplicht maar ontbreekt"),
    (wrong_type, f"{AP}:3: veld 'nummer': moet een geheel getal zijn"),
    (impossible_date, f"{AP}:11: veld 'bronnen.gids.peildatum': is geen geldige datum (JJJJ-MM-DD)"),
    (date_in_words, f"{AP}:11: veld 'bronnen.gids.peildatum': is geen geldige datum (JJJJ-MM-DD)"),
    (unknown_enum_value, f"{AP}:6: veld 'thema': heeft een onbekende waarde; toegestaan: 'jeugd'"),
    (unknown_item_type, f"{AP}:2: veld 'type': is geen bekend itemtype"),
    (source_with_gids_and_url,
     f"{OOM}:10: veld 'bronnen.site': een bron heeft precies één van 'gids' of 'url'"),
    (source_without_gids_or_url,
     f"{OOM}:10: veld 'bronnen.site': een bron heeft precies één van 'gids' of 'url'"),
    (not_utf8, f"{AP}: is geen UTF-8-tekst"),
]
IDS = [breaker.__name__ for breaker, _ in CASES]


def test_the_minimal_fixture_is_valid(kb_dir):
    assert kb_dir.problems() == []


@pytest.mark.parametrize(("breaker", "expected"), CASES, ids=IDS)
def test_loader_names_file_line_and_field(kb_dir, breaker, expected):
    breaker(kb_dir)
    kb_dir.assert_loader_reports(expected)


@pytest.mark.parametrize(("breaker", "expected"), CASES, ids=IDS)
def test_content_check_exits_2_with_the_message_on_stderr(kb_dir, breaker, expected):
    breaker(kb_dir)
    kb_dir.assert_cli_reports(expected)
