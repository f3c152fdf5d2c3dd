"""Cross-item errors (IDs, places, relations, sources, dates, contract IDs), each reported in Dutch
with file, line and field; and the real ``content/`` passing ``onderwijsgids content check``."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest

import typing

from onderwijsgids.kb.check import CONTRACT_IDS, TYPE_DIRS
from onderwijsgids.kb.schema import ITEM_TYPES, ItemType

from .conftest import CLI

AP = "actiepunten/actiepunt-1.yaml"
OOM = "organisaties/oom.yaml"
PTT = "regelingen/oom-ptt.yaml"


def duplicate_id(kb):
    shutil.copy(kb.path / PTT, kb.path / "regelingen/oom-ptt-kopie.yaml")


def wrong_folder(kb):
    (kb.path / OOM).rename(kb.path / "regelingen/oom.yaml")


def file_name_is_not_the_id(kb):
    (kb.path / OOM).rename(kb.path / "organisaties/oom-fonds.yaml")


def relation_to_unknown_item(kb):
    kb.replace(AP, "regelingen: [oom-ptt]", "regelingen: [oom-pt]")


def relation_to_item_of_wrong_type(kb):
    kb.replace(AP, "organisaties: [oom]", "organisaties: [oom-ptt]")


def source_key_not_in_bronnen(kb):
    kb.replace(AP, "    bron: gids", "    bron: site")


def peildatum_in_the_future(kb):
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    kb.replace(PTT, "peildatum: 2025-01-01", f"peildatum: {tomorrow.isoformat()}")


def _add_parameter(kb, lines: str) -> None:
    text = (kb.path / PTT).read_text(encoding="utf-8")
    kb.write(PTT, text.rstrip("\n") + "\nparameters:\n" + lines)


def parameter_of_the_wrong_kind(kb):
    _add_parameter(kb, "  - naam: maximum\n    soort: geld\n    label: Maximum\n"
                       "    waarde: veel\n    bron: gids\n    peildatum: 2025-01-01\n")


def parameter_without_peildatum(kb):
    _add_parameter(kb, "  - naam: maximum\n    soort: geld\n    label: Maximum\n"
                       "    waarde: 750\n    bron: gids\n")


def parameter_of_an_unknown_kind(kb):
    _add_parameter(kb, "  - naam: maximum\n    soort: bedrag\n    label: Maximum\n"
                       "    waarde: 750\n    bron: gids\n    peildatum: 2025-01-01\n")


CASES = [
    (parameter_of_the_wrong_kind, f"{PTT}:13: veld 'parameters[0]': 'waarde' moet bij soort "
                                  "'geld' een bedrag (getal) zijn, niet 'veel'"),
    (parameter_without_peildatum, f"{PTT}:13: veld 'parameters[0].peildatum': is verplicht"),
    (parameter_of_an_unknown_kind, f"{PTT}:14: veld 'parameters[0].soort': heeft een onbekende waarde; "
                                   "toegestaan: 'geld', 'geldbereik', 'percentage', 'aantal', "
                                   "'datum' of 'tekst'"),
    (duplicate_id, f"{PTT}:1: veld 'id': 'oom-ptt' komt ook voor in regelingen/oom-ptt-kopie.yaml"),
    (wrong_folder, "regelingen/oom.yaml:1: veld 'id': hoort in organisaties/oom.yaml te staan"),
    (file_name_is_not_the_id,
     "organisaties/oom-fonds.yaml:1: veld 'id': hoort in organisaties/oom.yaml te staan"),
    (relation_to_unknown_item,
     f"{AP}:15: veld 'regelingen[0]': verwijst naar onbekend item 'oom-pt'"),
    (relation_to_item_of_wrong_type,
     f"{AP}:16: veld 'organisaties[0]': 'oom-ptt' is een regeling, verwacht: organisatie"),
    (source_key_not_in_bronnen,
     f"{AP}:14: veld 'acties[0].bron': bron 'site' staat niet in 'bronnen' van dit item"),
    (peildatum_in_the_future, f"{PTT}:11: veld 'bronnen.gids.peildatum': ligt in de toekomst"),
]
IDS = [breaker.__name__ for breaker, _ in CASES]


@pytest.mark.parametrize(("breaker", "expected"), CASES, ids=IDS)
def test_loader_names_file_line_and_field(kb_dir, breaker, expected):
    breaker(kb_dir)
    kb_dir.assert_loader_reports(expected)


@pytest.mark.parametrize(("breaker", "expected"), CASES, ids=IDS)
def test_content_check_exits_2_with_the_message_on_stderr(kb_dir, breaker, expected):
    breaker(kb_dir)
    kb_dir.assert_cli_reports(expected)


def test_a_missing_contract_id_is_reported_with_its_file(kb_dir):
    problems = kb_dir.problems(require_contract_ids=True)
    missing = {p for p in problems if "contract-ID" in p}
    assert "actiepunten/actiepunt-2.yaml: veld 'id': contract-ID 'actiepunt-2' (actiepunt) ontbreekt" \
        in missing
    present = {"actiepunt-1", "oom", "oom-ptt"}
    expected_count = sum(len(ids) for ids in CONTRACT_IDS.values()) - len(present)
    assert len(missing) == expected_count
    assert not any(f"'{item_id}'" in p for p in missing for item_id in present)


def test_content_check_requires_every_contract_id(kb_dir):
    result = kb_dir.cli_check()
    assert result.returncode == 2
    assert "regelingen/subsidie-praktijkleren.yaml: veld 'id': contract-ID " \
           "'subsidie-praktijkleren' (regeling) ontbreekt" in result.stderr.splitlines()


def test_type_folders_match_the_contract_types():
    assert set(TYPE_DIRS) == set(CONTRACT_IDS)


def test_the_api_item_type_names_every_item_type():
    assert set(typing.get_args(ItemType)) == set(ITEM_TYPES) == set(TYPE_DIRS)


def test_the_real_content_passes_content_check():
    """The acceptance check for ``content/``: fails until the whole guide is in it."""
    result = subprocess.run([CLI, "content", "check"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.startswith("content in orde: ")
