"""CLI, API and outputs: the same advice through every door; bad input refused everywhere."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import icalendar
import pytest
import yaml

from onderwijsgids.cli import main

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((REPO / "examples").glob("*.yaml"))
BAD_INPUTS = [
    ({"kleur": "blauw"}, "kleur"),
    ({"medewerkers": "veel"}, "medewerkers"),
    ({"erkend_leerbedrijf": "misschien"}, "erkend_leerbedrijf"),
    ({"cao": "bouw"}, "cao"),
    ({"provincie": "vlaanderen"}, "provincie"),
    ({"leerlingen": [{"leerweg": "bbl", "start": "2026-02-30"}]}, "leerlingen[0].start"),
    ({"leerlingen": [{"leerweg": "bbl", "crebo": "1234"}]}, "leerlingen[0].crebo"),
    ({"leerlingen": [{"leerweg": "bbl", "start": "1850-09-01"}]}, "leerlingen[0].start"),
    ({"leerlingen": [{"start": "2020-09-01", "eind": "2030-07-01"}]}, "leerlingen[0].eind"),
    ({"leerlingen": [{"hbo_domein": "kunst"}]}, "leerlingen[0].hbo_domein"),
    ({"leerlingen": [{"aangevraagd": ["geen-regeling"]}]}, "leerlingen[0].aangevraagd[0]"),
    ({"nieuwe_medewerkers": [{"doelgroep": "iedereen"}]}, "nieuwe_medewerkers[0].doelgroep"),
    ({"nieuwe_medewerkers": [{"in_dienst": "gisteren"}]}, "nieuwe_medewerkers[0].in_dienst"),
    ({"leerlingen": [{"leerweg": "avondschool"}]}, "leerlingen[0].leerweg"),
    ({"leerlingen": {"leerweg": "bbl"}}, "leerlingen"),
    ({"scholing_medewerkers": [{"start": "morgen"}]}, "scholing_medewerkers[0].start"),
    ({"doelen": ["rijk-worden"]}, "doelen[0]"),
]


def cli(capsys, *args: str, stdin: str | None = None) -> tuple[int, str, str]:
    if stdin is not None:
        sys.stdin = io.StringIO(stdin)
    try:
        code = main(["advies", *args])
    finally:
        sys.stdin = sys.__stdin__
    out, err = capsys.readouterr()
    return code, out, err


# --- CLI ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_examples_run_through_the_cli(capsys, example):
    code, out, err = cli(capsys, str(example))
    assert code == 0, err
    advice = json.loads(out)
    assert {"profiel", "actiepunten", "regelingen", "kwalificaties", "organisaties",
            "deadlines"} <= set(advice)


@pytest.mark.parametrize("data,field", BAD_INPUTS, ids=[f for _, f in BAD_INPUTS])
def test_cli_bad_input_exits_2_naming_the_field(capsys, data, field):
    code, out, err = cli(capsys, "-", stdin=json.dumps(data))
    assert code == 2 and out == ""
    assert f"'{field}'" in err and "Traceback" not in err


def test_cli_yaml_error_names_the_line(capsys, tmp_path):
    path = tmp_path / "profiel.yaml"
    path.write_text("naam: Test\ncao: metaal-en-techniek\nleerlingen:\n  - leerweg: bbl\n"
                    "    start: 2026-13-01\n", encoding="utf-8")
    code, _, err = cli(capsys, str(path))
    assert code == 2 and err.startswith(f"{path}:5: veld 'leerlingen[0].start': ")
    path.write_text("naam: [niet afgesloten\n", encoding="utf-8")
    code, _, err = cli(capsys, str(path))
    assert code == 2 and err.startswith(f"{path}:2: veld 'profiel': ongeldige YAML: ")


def test_cli_batch_writes_json_lines(capsys, tmp_path):
    profiles = [yaml.safe_load(p.read_text()) for p in EXAMPLES]
    source = tmp_path / "profielen.jsonl"
    source.write_text("\n".join(json.dumps(p, default=str) for p in profiles) + "\n")
    target = tmp_path / "adviezen.jsonl"
    code, out, err = cli(capsys, "--batch", str(source), "-o", str(target))
    assert code == 0 and err == ""  # no progress bar when stderr is not a terminal
    lines = target.read_text().splitlines()
    assert len(lines) == len(profiles)
    assert [json.loads(line)["profiel"]["naam"] for line in lines] == [p["naam"] for p in profiles]


def test_cli_batch_bad_line_writes_nothing(capsys, tmp_path):
    source = tmp_path / "profielen.jsonl"
    source.write_text(json.dumps({"cao": "metalektro"}) + "\n\n"
                      + json.dumps({"medewerkers": -3}) + "\n")
    target = tmp_path / "adviezen.jsonl"
    code, _, err = cli(capsys, "--batch", str(source), "-o", str(target))
    assert code == 2 and err.startswith(f"{source}:3: veld 'medewerkers': ")
    assert not target.exists()


def test_cli_help_is_fast_and_light():
    result = subprocess.run([sys.executable, "-c", "import sys; from onderwijsgids.cli import main;"
                             " sys.argv=['onderwijsgids','advies','--help']; main()"],
                            capture_output=True, text=True, timeout=30, check=False)
    assert "--batch" in result.stdout


# --- API ---------------------------------------------------------------------------------------

@pytest.mark.django_db
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_api_and_cli_agree(client, content_db, capsys, example):
    code, out, _ = cli(capsys, str(example))
    data = yaml.safe_load(example.read_text())
    response = client.post("/api/v1/advies", data=json.dumps(data, default=str),
                           content_type="application/json")
    assert code == 0 and response.status_code == 200
    assert response.json() == json.loads(out)


@pytest.mark.django_db
@pytest.mark.parametrize("data,field", BAD_INPUTS, ids=[f for _, f in BAD_INPUTS])
def test_api_bad_input_is_422_with_fields(client, content_db, data, field):
    response = client.post("/api/v1/advies", data=json.dumps(data),
                           content_type="application/json")
    assert response.status_code == 422
    body = response.json()
    assert body["detail"] and field in [f["veld"] for f in body["fouten"]]
    assert all(f["melding"] for f in body["fouten"])


@pytest.mark.django_db
def test_api_invalid_json_is_422(client, content_db):
    response = client.post("/api/v1/advies", data="{niet json", content_type="application/json")
    assert response.status_code == 422 and response.json()["fouten"][0]["veld"] == "profiel"


@pytest.mark.django_db
def test_api_is_documented(client, content_db):
    spec = client.get("/api/v1/openapi.json").json()
    operation = spec["paths"]["/api/v1/advies"]["post"]
    assert {"200", "422"} <= set(operation["responses"])
    assert "cao" in operation["requestBody"]["content"]["application/json"]["schema"]["properties"]


# --- outputs -----------------------------------------------------------------------------------

def test_pdf_holds_the_plan(capsys, tmp_path):
    target = tmp_path / "plan.pdf"
    code, _, err = cli(capsys, str(REPO / "examples/de-vonk.yaml"), "--format", "pdf",
                       "-o", str(target))
    assert code == 0, err
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True,
                          text=True, check=True).stdout
    code, out, _ = cli(capsys, str(REPO / "examples/de-vonk.yaml"))
    advice = json.loads(out)
    assert "Metaalbedrijf De Vonk" in text and "15 maart 2026" in text
    flat = " ".join(text.split())
    for point in advice["actiepunten"]:
        assert point["titel"] in flat
    for result in advice["regelingen"]:
        assert result["titel"] in flat
    for deadline in advice["deadlines"]:
        assert " ".join(deadline["wat"].split()) in flat


def test_ics_parses_with_alarms_and_stable_uids(capsys):
    example = str(REPO / "examples/constructie-oost.yaml")
    _, first, _ = cli(capsys, example, "--format", "ics")
    _, second, _ = cli(capsys, example, "--format", "ics")
    _, advice_json, _ = cli(capsys, example)
    deadlines = json.loads(advice_json)["deadlines"]
    calendar = icalendar.Calendar.from_ical(first)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(deadlines) > 0
    for event, deadline in zip(events, deadlines):
        assert event.decoded("dtstart").isoformat() == deadline["datum"]
        alarm = next(iter(event.walk("VALARM")))
        assert alarm.decoded("trigger").days == -7
    uids = [str(e["uid"]) for e in events]
    assert len(set(uids)) == len(uids)
    assert uids == [str(e["uid"]) for e in icalendar.Calendar.from_ical(second).walk("VEVENT")]


def test_markdown_lists_every_regeling(capsys):
    _, md, _ = cli(capsys, str(REPO / "examples/startend-bedrijf.yaml"), "--format", "md")
    _, out, _ = cli(capsys, str(REPO / "examples/startend-bedrijf.yaml"))
    for result in json.loads(out)["regelingen"]:
        assert result["titel"] in md
    assert "Wat we nog moeten weten" in md


def test_cli_batch_shows_progress_only_on_a_terminal(tmp_path):
    import os
    import pty

    source = tmp_path / "profielen.jsonl"
    source.write_text("\n".join(json.dumps({"cao": "metaal-en-techniek", "medewerkers": n})
                                for n in range(20)) + "\n")
    command = [str(Path(sys.executable).with_name("onderwijsgids")), "advies", "--batch",
               str(source), "-o", str(tmp_path / "uit.jsonl")]
    master, slave = pty.openpty()
    result = subprocess.run(command, stderr=slave, stdout=subprocess.PIPE, check=False)
    os.close(slave)
    on_terminal = os.read(master, 100_000).decode()
    os.close(master)
    assert result.returncode == 0 and "20/20" in on_terminal
    piped = subprocess.run(command, capture_output=True, text=True, check=False)
    assert piped.returncode == 0 and piped.stderr == ""
