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


def test_unexpected_errors_show_no_traceback(tmp_path):
    unreadable = tmp_path / "geen-map"
    unreadable.write_text("dit is een bestand, geen map")
    result = run("content", "load", str(unreadable))
    assert result.returncode in (1, 2)
    assert "Traceback" not in result.stderr and result.stderr.strip()
