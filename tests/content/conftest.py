"""Fixtures for content tests: a small valid knowledge base in ``tmp_path`` to break one way at a time."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from onderwijsgids.kb import ContentError, load_knowledge_base

MINIMAL_KB = Path(__file__).with_name("minimal")
CLI = str(Path(sys.executable).with_name("onderwijsgids"))


@dataclass
class KbDir:
    """A copy of ``tests/content/minimal`` that a test may edit."""

    path: Path

    def write(self, rel: str, text: str | bytes) -> Path:
        target = self.path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            target.write_bytes(text)
        else:
            target.write_text(text, encoding="utf-8")
        return target

    def replace(self, rel: str, old: str, new: str) -> None:
        """Replace one exact snippet; fail loudly if the fixture no longer contains it."""
        text = (self.path / rel).read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{rel} bevat {old!r} niet precies één keer"
        self.write(rel, text.replace(old, new))

    def problems(self, require_contract_ids: bool = False) -> list[str]:
        """Every problem ``load_knowledge_base`` reports, as the Dutch lines users see."""
        try:
            load_knowledge_base(self.path, require_contract_ids=require_contract_ids)
        except ContentError as exc:
            return [str(problem) for problem in exc.problems]
        return []

    def cli_check(self) -> subprocess.CompletedProcess[str]:
        return subprocess.run([CLI, "content", "check", str(self.path)], capture_output=True,
                              text=True, timeout=60)

    def assert_loader_reports(self, expected: str) -> None:
        """One problem line starts with ``expected`` (file:line: veld '…': message)."""
        problems = self.problems()
        assert any(p.startswith(expected) for p in problems), "\n".join(problems)

    def assert_cli_reports(self, expected: str) -> None:
        """``content check`` exits 2 and prints ``expected`` on stderr, without a traceback."""
        result = self.cli_check()
        assert result.returncode == 2, result.stdout + result.stderr
        assert any(line.startswith(expected) for line in result.stderr.splitlines()), result.stderr
        assert "Traceback" not in result.stderr
        assert result.stdout == ""


@pytest.fixture
def kb_dir(tmp_path: Path) -> KbDir:
    root = tmp_path / "content"
    shutil.copytree(MINIMAL_KB, root)
    return KbDir(root)
