"""``onderwijsgids advies`` (contract §4): one profile, or ``--batch`` JSON Lines.

Module-level imports stay light so ``onderwijsgids --help`` starts fast; the engine loads the
knowledge base straight from ``content/`` (no database). Only ``--format pdf`` sets up Django,
for its template.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Iterator

if TYPE_CHECKING:  # imported lazily at run time: `--help` starts fast
    from onderwijsgids.kb import KnowledgeBase

FORMATS = ("json", "md", "pdf", "ics")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "advies", help="persoonlijk advies voor een bedrijfsprofiel (JSON of YAML)",
        description="Advies voor een bedrijfsprofiel (contract §2): regelingen met status en "
                    "uitleg, actiepunten, deadlines.")
    parser.add_argument("profiel", nargs="?", help="profielbestand (.json/.yaml) of - voor stdin")
    parser.add_argument("--batch", metavar="PROFIELEN.jsonl",
                        help="één profiel per regel (JSON Lines); uitvoer: één advies per regel, "
                             "zonder het spoor per regeling (zie --spoor)")
    parser.add_argument("--spoor", action="store_true",
                        help="met --batch: neem per regeling ook het 'spoor' op (welke voorwaarden "
                             "en parameters tot de status leidden); maakt elke regel ongeveer "
                             "twee keer zo lang")
    parser.add_argument("--format", choices=FORMATS, default="json",
                        help="uitvoerformaat (standaard: json)")
    parser.add_argument("-o", "--output", metavar="BESTAND", help="schrijf naar BESTAND")
    parser.set_defaults(handler=cmd_advies)


def _read_profile_text(name: str) -> tuple[str, str]:
    from onderwijsgids.cli import UsageError

    if name == "-":
        return sys.stdin.read(), "stdin"
    path = Path(name)
    try:
        return path.read_text(encoding="utf-8"), name
    except FileNotFoundError:
        raise UsageError(f"{name}: bestand bestaat niet") from None
    except (UnicodeDecodeError, IsADirectoryError):
        raise UsageError(f"{name}: geen leesbaar tekstbestand (UTF-8)") from None


@contextlib.contextmanager
def _output(output: str | None) -> Iterator[BinaryIO]:
    """A binary stream to ``output`` (stdout for None or -), written atomically to a file:
    a temporary file next to it is renamed only when everything was written."""
    if not output or output == "-":
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    target = Path(output)
    fd, tmp = tempfile.mkstemp(dir=target.parent or Path("."), prefix=".advies-")
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write(output: str | None, data: bytes) -> None:
    with _output(output) as handle:
        handle.write(data)


def _titles(kb: KnowledgeBase) -> dict[str, str]:
    from .engine.compiled import compiled

    return compiled(kb).item_titles


def render(advice: Any, fmt: str, kb: KnowledgeBase) -> bytes:
    from onderwijsgids.links import base_url

    from .render import render as render_as

    if fmt == "json":
        return advice.model_dump_json(indent=2).encode() + b"\n"
    if fmt == "pdf":  # the PDF is drawn from a Django template
        from onderwijsgids.cli import setup_django

        setup_django()
    return render_as(advice, fmt, _titles(kb), base_url()).body


def cmd_advies(args: argparse.Namespace) -> int:
    from onderwijsgids.cli import UsageError

    if bool(args.profiel) == bool(args.batch):
        raise UsageError("geef óf een PROFIEL óf --batch PROFIELEN.jsonl")
    if args.batch and args.format != "json":
        raise UsageError("--batch schrijft altijd JSON Lines; laat --format weg")
    if args.spoor and not args.batch:
        raise UsageError("--spoor hoort bij --batch; één advies bevat het spoor altijd")
    from onderwijsgids.cli import content_refused
    from onderwijsgids.kb import ContentError, default_content_dir, load_knowledge_base

    from .engine import advise, profile_from_text

    root = default_content_dir()
    try:
        kb = load_knowledge_base(root)
    except ContentError as exc:
        return content_refused(exc, f"fout: de kennisbank in {root} is niet in orde "
                               f"({len(exc.problems)} fout(en)); er is geen advies gemaakt")
    if args.batch:
        return _batch(args, kb)
    text, source = _read_profile_text(args.profiel)
    profile = profile_from_text(text, kb, source)  # a ProfileError is bad input: exit 2
    if args.format == "pdf" and not args.output and sys.stdout.isatty():
        raise UsageError("een PDF schrijf ik niet naar de terminal; gebruik -o BESTAND.pdf")
    _write(args.output, render(advise(profile, kb), args.format, kb))
    return 0


class _Progress:
    """A progress bar on stderr, only when stderr is a terminal."""

    def __init__(self, total: int):
        self.total, self.enabled, self.last = total, sys.stderr.isatty(), -1

    def update(self, done: int) -> None:
        if not self.enabled or not self.total:
            return
        percent = done * 100 // self.total
        if percent != self.last:
            self.last = percent
            bar = "#" * (percent // 4)
            sys.stderr.write(f"\radvies [{bar:<25}] {done}/{self.total}")
            if done == self.total:
                sys.stderr.write("\n")
            sys.stderr.flush()


def _read_batch_bytes(name: str) -> tuple[bytes, str]:
    """The batch file as bytes (lines are validated straight from JSON bytes), checked UTF-8."""
    from onderwijsgids.cli import UsageError

    if name == "-":
        data, source = sys.stdin.buffer.read(), "stdin"
    else:
        try:
            data, source = Path(name).read_bytes(), name
        except FileNotFoundError:
            raise UsageError(f"{name}: bestand bestaat niet") from None
        except IsADirectoryError:
            raise UsageError(f"{name}: geen leesbaar tekstbestand (UTF-8)") from None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError(f"{source}: geen leesbaar tekstbestand (UTF-8)") from None
    return data, source


def _batch(args: argparse.Namespace, kb: KnowledgeBase) -> int:
    from .batch import parse_lines, write_advices

    data, source = _read_batch_bytes(args.batch)
    profiles = parse_lines(data, kb, source)  # everything validated before anything is written
    del data
    progress = _Progress(len(profiles))
    with _output(args.output) as handle:  # streamed; the file appears only when complete
        write_advices(profiles, kb, handle, spoor=args.spoor, progress=progress.update)
    return 0
