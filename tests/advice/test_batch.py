"""``onderwijsgids advies --batch``: every line is exactly ``advise()``'s advice for that profile
(without the per-regeling ``spoor`` unless ``--spoor``), and a bad line still stops everything."""

from __future__ import annotations

import io
import itertools
import json
import sys
from pathlib import Path

import yaml

from onderwijsgids.advice.engine import advise, parse_profile
from onderwijsgids.cli import main

REPO = Path(__file__).resolve().parents[2]


def varied_profiles() -> list[dict]:
    """The examples plus combinations of answers; some profiles repeat, in another order, so
    results the engine shares between advices are written more than once."""
    profiles = [yaml.safe_load(p.read_text()) for p in sorted((REPO / "examples").glob("*.yaml"))]
    learners = [None, [], [{"leerweg": "bbl", "crebo": "25892", "start": "2025-09-01"}],
                [{"leerweg": "bol", "start": "2026-09-01"}, {"leerweg": "hbo-duaal"}],
                [{"leerweg": "vmbo", "start": "2024-09-01", "eind": "2026-07-01",
                  "via_bvm": True}]]
    courses = [None, [{"omschrijving": "TIG-lassen", "start": "2026-04-01", "kosten_eur": 2400}],
               [{"start": "2026-01-10", "aangevraagd": ["oom-ptt"]}]]
    for n, (cao, erkend, leerlingen, scholing, medewerkers) in enumerate(itertools.product(
            ["metaal-en-techniek", "metalektro", None], [True, False, None], learners, courses,
            [12, 250, None])):
        profiles.append({"naam": f"Bedrijf {n}", "peildatum": "2026-03-15", "cao": cao,
                         "erkend_leerbedrijf": erkend, "leerlingen": leerlingen,
                         "scholing_medewerkers": scholing, "medewerkers": medewerkers,
                         "provincie": ["gelderland", None][n % 2],
                         "doelen": [None, ["werven", "bbl-leerlingen"], []][n % 3],
                         "doelgroepen": [["statushouders"], None][n % 2]})
    return profiles + profiles[::-7]


def run_batch(capsys, tmp_path, profiles: list[dict], *flags: str) -> tuple[int, str, Path]:
    source = tmp_path / "profielen.jsonl"
    source.write_text("".join(json.dumps(p, default=str) + "\n" for p in profiles),
                      encoding="utf-8")
    target = tmp_path / "adviezen.jsonl"
    code = main(["advies", "--batch", str(source), "-o", str(target), *flags])
    return code, capsys.readouterr().err, target


def expected(kb, profiles: list[dict], spoor: bool) -> list[dict]:
    out = []
    for data in profiles:
        advice = advise(parse_profile(json.loads(json.dumps(data, default=str)), kb), kb)
        document = advice.model_dump(mode="json")
        if not spoor:
            for regeling in document["regelingen"]:
                del regeling["spoor"]
        out.append(document)
    return out


def expected_bytes(kb, profiles: list[dict], spoor: bool) -> list[str]:
    """The lines as the model's own ``model_dump_json`` writes them."""
    return [advise(parse_profile(json.loads(json.dumps(data, default=str)), kb), kb,
                   spoor=spoor).model_dump_json() for data in profiles]


def test_batch_lines_are_byte_for_byte_the_models_json(capsys, tmp_path, kb):
    profiles = varied_profiles()
    for flags, spoor in (((), False), (("--spoor",), True)):
        code, err, target = run_batch(capsys, tmp_path, profiles, *flags)
        assert code == 0, err
        assert target.read_text(encoding="utf-8").splitlines() == expected_bytes(
            kb, profiles, spoor)


def test_batch_lines_equal_advise_without_spoor(capsys, tmp_path, kb):
    profiles = varied_profiles()
    code, err, target = run_batch(capsys, tmp_path, profiles)
    assert code == 0, err
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert lines == expected(kb, profiles, spoor=False)
    assert all("spoor" not in r for line in lines for r in line["regelingen"])


def test_batch_with_spoor_equals_advise_in_full(capsys, tmp_path, kb):
    profiles = varied_profiles()[:60]
    code, err, target = run_batch(capsys, tmp_path, profiles, "--spoor")
    assert code == 0, err
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert lines == expected(kb, profiles, spoor=True)
    assert all(r["spoor"]["voorwaarden"] for line in lines for r in line["regelingen"])


def test_batch_bad_line_gives_the_single_profile_message_and_writes_nothing(capsys, tmp_path):
    bad = {"leerlingen": [{"leerweg": "bbl", "aangevraagd": ["geen-regeling"]}]}  # unknown ID
    code, err, target = run_batch(capsys, tmp_path, [{"cao": "metalektro"}, bad])
    assert code == 2 and not target.exists()
    sys.stdin = io.StringIO(json.dumps(bad))
    try:
        assert main(["advies", "-"]) == 2
    finally:
        sys.stdin = sys.__stdin__
    single = capsys.readouterr().err
    assert err.startswith(f"{tmp_path / 'profielen.jsonl'}:2: veld 'leerlingen[0].aangevraagd[0]': ")
    assert err.split("veld ", 1)[1] == single.split("veld ", 1)[1]


def test_batch_invalid_json_and_encoding_name_the_problem(capsys, tmp_path):
    source = tmp_path / "profielen.jsonl"
    source.write_text('{"cao": "metalektro"}\n{"cao": \n', encoding="utf-8")
    assert main(["advies", "--batch", str(source)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{source}:2: ongeldige JSON: ")
    source.write_bytes(b'{"naam": "\xff"}\n')
    assert main(["advies", "--batch", str(source)]) == 2
    assert "UTF-8" in capsys.readouterr().err


def test_spoor_belongs_to_batch(capsys, tmp_path):
    profile = tmp_path / "profiel.json"
    profile.write_text("{}", encoding="utf-8")
    assert main(["advies", str(profile), "--spoor"]) == 2
    assert "--spoor" in capsys.readouterr().err
