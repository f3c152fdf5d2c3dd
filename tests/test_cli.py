"""The ``onderwijsgids`` command as users run it (contract §4): help, exit codes, messages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

CLI = str(Path(sys.executable).with_name("onderwijsgids"))
CONTRACT_COMMANDS = ("serve", "advies", "zoek", "route", "content")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=60)


def test_help_exits_0():
    result = run("--help")
    assert result.returncode == 0
    assert result.stdout.startswith("gebruik: onderwijsgids")


@pytest.mark.parametrize("command", CONTRACT_COMMANDS)
def test_help_lists_every_contract_command(command):
    listed = {line.split()[0] for line in run("--help").stdout.splitlines()
              if line.startswith("    ") and line.split()}
    assert command in listed


def test_content_help_lists_check_and_load():
    result = run("content", "--help")
    assert result.returncode == 0
    assert "check" in result.stdout and "load" in result.stdout


def test_an_unknown_command_exits_2_with_a_message():
    result = run("toverspreuk")
    assert result.returncode == 2
    assert "fout" in result.stderr and "'toverspreuk'" in result.stderr
    assert "Traceback" not in result.stderr


def test_no_command_shows_help_and_exits_2():
    result = run()
    assert result.returncode == 2
    assert "OPDRACHT" in result.stdout


def test_content_check_on_a_missing_directory_exits_2_naming_it(tmp_path):
    missing = tmp_path / "bestaat-niet"
    result = run("content", "check", str(missing))
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == f"{missing}: map met content bestaat niet"
    assert "contract-ID" not in result.stderr
    assert "Traceback" not in result.stderr


def test_argparse_errors_are_dutch_and_name_the_argument():
    result = run("route")
    assert result.returncode == 2
    assert "verplicht maar ontbreekt: van, naar" in result.stderr
    result = run("bestaatniet")
    assert result.returncode == 2
    assert "'bestaatniet' is geen geldige keuze" in result.stderr


def test_a_closed_pipe_is_not_an_error(monkeypatch, capsys, content_db):
    """`onderwijsgids route … | head -1`: the reader closes early; no traceback, exit 0."""
    import os

    from onderwijsgids.cli import main

    read_end, write_end = os.pipe()
    os.close(read_end)
    closed_pipe = os.fdopen(write_end, "w")
    monkeypatch.setattr(sys, "stdout", closed_pipe)
    assert main(["route", "vmbo-kb", "hbo-bachelor", "--json"]) == 0
    assert "Traceback" not in capsys.readouterr().err


def test_content_load_of_a_file_instead_of_a_folder_is_bad_input(tmp_path):
    not_a_folder = tmp_path / "geen-map"
    not_a_folder.write_text("dit is een bestand, geen map")
    result = run("content", "load", str(not_a_folder))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"{not_a_folder}: map met content bestaat niet",
        "content niet geladen; de vorige versie blijft in gebruik"]


def test_an_unexpected_error_exits_1_without_a_traceback(monkeypatch, capsys):
    from onderwijsgids import cli

    def broken_handler(args):
        raise OSError("schijf vol")

    monkeypatch.setattr(cli, "cmd_content_check", broken_handler)
    assert cli.main(["content", "check"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("fout: er ging onverwacht iets mis (OSError: schijf vol)")
    assert "Traceback" not in err


# --- bad input: exit code 2 in every command (contract §4) --------------------------------

# One bad input per command, checked by the command itself (not by argparse), with the start
# of the message on stderr. A command added without a line here fails the coverage test below.
BAD_INPUT = {
    "serve": (["serve", "--workers", "0"], "fout: --workers moet tussen 1 en 64 liggen (nu 0)"),
    "content check": (["content", "check", "{tmp}/er-niet"], "{tmp}/er-niet: map met content "
                      "bestaat niet"),
    "content load": (["content", "load", "{tmp}/er-niet"], "{tmp}/er-niet: map met content "
                     "bestaat niet"),
    "backup": (["backup", "{tmp}/er-niet/b.zip"], "fout: {tmp}/er-niet/b.zip: de map "
               "{tmp}/er-niet bestaat niet"),
    "herstel": (["herstel", "{tmp}/er-niet.zip"], "fout: {tmp}/er-niet.zip: bestand niet "
                "gevonden"),
    "advies": (["advies", "{tmp}/profiel.yaml"], "{tmp}/profiel.yaml:1: veld 'cao': heeft een "
               "onbekende waarde ('bouw')"),
    "zoek": (["zoek", " "], "fout: q: vul een zoekvraag in"),
    "route": (["route", "vmbo-k", "hbo-bachelor"], "fout: van: onbekend onderwijsniveau 'vmbo-k'"),
    "bedrijf": (["bedrijf", "--naam", "Smederij", "--eigenaar", "geen-adres"],
                "fout: --eigenaar: 'geen-adres' is geen e-mailadres"),
    "herinneringen": (["herinneringen", "--datum", "2026-02-30"],
                      "fout: --datum: '2026-02-30' is geen datum (JJJJ-MM-DD)"),
    "privacy": (["privacy", "--maanden", "-1"], "fout: --maanden moet 0 of meer zijn"),
    "demo": (["demo", "--bedrijven", "0"], "fout: --bedrijven moet tussen 1 en 1.000.000 liggen"),
}


def _commands(parser) -> set[str]:
    """Every command the parser offers, with ``content``'s actions as ``content check`` etc."""
    import argparse

    def choices(p):
        return next((a.choices for a in p._actions if isinstance(a, argparse._SubParsersAction)),
                    {})

    found = set()
    for name, sub in choices(parser).items():
        actions = choices(sub)
        found |= {f"{name} {action}" for action in actions} if actions else {name}
    return found


def test_every_command_has_a_bad_input_case():
    from onderwijsgids.cli import build_parser

    assert _commands(build_parser()) == set(BAD_INPUT)


@pytest.mark.django_db
@pytest.mark.parametrize("command", sorted(BAD_INPUT))
def test_bad_input_exits_2_naming_it(command, tmp_path, capsys, content_db):
    from onderwijsgids.cli import main

    (tmp_path / "profiel.yaml").write_text("cao: bouw\n", encoding="utf-8")
    argv, message = BAD_INPUT[command]
    assert main([arg.replace("{tmp}", str(tmp_path)) for arg in argv]) == 2
    out, err = capsys.readouterr()
    assert err.startswith(message.replace("{tmp}", str(tmp_path))), err
    assert "Traceback" not in err


# --- a broken content/: the same problems and exit code 2 in every command that reads it ----

AP1 = "actiepunten/actiepunt-1.yaml"


@pytest.fixture
def broken_content(tmp_path) -> Path:
    import shutil

    from django.conf import settings

    root = tmp_path / "content"
    shutil.copytree(settings.ONDERWIJSGIDS_CONTENT_DIR, root)
    lines = (root / AP1).read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(n for n, line in enumerate(lines, 1) if "peildatum:" in line)
    lines[number - 1] = lines[number - 1].split("peildatum:")[0] + "peildatum: 2999-01-01\n"
    (root / AP1).write_text("".join(lines), encoding="utf-8")
    return root


def _problem_line(root: Path) -> str:
    lines = (root / AP1).read_text(encoding="utf-8").splitlines()
    number = next(n for n, line in enumerate(lines, 1) if "2999-01-01" in line)
    return f"{AP1}:{number}: veld 'bronnen.gids.peildatum': ligt in de toekomst"


@pytest.mark.django_db
def test_a_broken_content_folder_is_bad_input_in_every_command(broken_content, tmp_path,
                                                              monkeypatch, capsys, content_db):
    from onderwijsgids.cli import main

    profile = tmp_path / "profiel.yaml"
    profile.write_text("cao: metalektro\n", encoding="utf-8")
    monkeypatch.setenv("ONDERWIJSGIDS_CONTENT", str(broken_content))
    expected_last = {
        "check": f"1 fout(en) in {broken_content}",
        "load": "content niet geladen; de vorige versie blijft in gebruik",
        "advies": f"fout: de kennisbank in {broken_content} is niet in orde (1 fout(en)); er is "
                  "geen advies gemaakt",
    }
    for argv, last in ((["content", "check"], expected_last["check"]),
                       (["content", "load"], expected_last["load"]),
                       (["advies", str(profile)], expected_last["advies"])):
        assert main(argv) == 2, argv
        out, err = capsys.readouterr()
        assert out == "" and err.splitlines() == [_problem_line(broken_content), last], argv
