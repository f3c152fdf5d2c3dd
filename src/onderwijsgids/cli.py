"""The ``onderwijsgids`` command (contract §4).

Exit codes: 0 success, 2 bad input, 1 anything else. Bad input is whatever raises
:class:`onderwijsgids.errors.InvalidInput` (a profile, a batch line, the question, an option,
and the knowledge base in ``content/`` in every command that reads it); each of its problems
is one line on stderr, ``file:line: veld 'field': message`` (see :func:`problem_line`).
Imports are lazy so that ``--help`` and ``content check`` start fast.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from typing import Callable, Iterable, Sequence

from .errors import InvalidInput, Problem

EXIT_OK, EXIT_ERROR, EXIT_BAD_INPUT = 0, 1, 2


class UsageError(InvalidInput):
    """A bad argument or option: ``fout: <message>`` on stderr, exit code 2."""

    def __init__(self, message: str):
        super().__init__([Problem("", message)])


def problem_line(problem: Problem) -> str:
    """One problem as the command line shows it: located in a file as ``file:line: veld 'x':
    message``; about the command line itself as ``fout: field: message``."""
    if problem.file or problem.line:
        return str(problem)
    return "fout: " + ": ".join(part for part in (problem.field, problem.message) if part)


def print_problems(problems: Iterable[Problem]) -> None:
    for problem in problems:
        print(problem_line(problem), file=sys.stderr)


def content_refused(exc: InvalidInput, closing: str) -> int:
    """The problems of a broken knowledge base, a closing line, and exit code 2: the same in
    every command that reads ``content/``."""
    print_problems(exc.problems)
    print(closing, file=sys.stderr)
    return EXIT_BAD_INPUT


_ARGPARSE_DUTCH = (  # argparse's own messages, in the words a Dutch user reads
    (re.compile(r"argument (\S+): invalid choice: '?([^']*)'? \(choose from (.*)\)"),
     r"'\2' is geen geldige keuze voor \1; kies uit: \3"),
    (re.compile(r"the following arguments are required: (.*)"), r"verplicht maar ontbreekt: \1"),
    (re.compile(r"unrecognized arguments: (.*)"), r"onbekende argumenten: \1"),
    (re.compile(r"argument (\S+): invalid (\w+) value: (.*)"), r"ongeldige waarde voor \1: \3"),
    (re.compile(r"argument (\S+): expected one argument"), r"\1 verwacht een waarde"),
)


def dutch_argparse_message(message: str) -> str:
    for pattern, replacement in _ARGPARSE_DUTCH:
        message = pattern.sub(replacement, message)
    return message


_HEADINGS_DUTCH = (("usage: ", "gebruik: "), ("positional arguments:", "argumenten:"),
                   ("options:", "opties:"), ("show this help message and exit", "toon deze hulp"))


def _dutch_headings(text: str) -> str:
    for english, dutch in _HEADINGS_DUTCH:
        text = text.replace(english, dutch)
    return text


class _Parser(argparse.ArgumentParser):
    def format_usage(self) -> str:
        return _dutch_headings(super().format_usage())

    def format_help(self) -> str:
        return _dutch_headings(super().format_help())

    def error(self, message: str) -> None:  # argparse exits 2 already; keep it Dutch
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: fout: {dutch_argparse_message(message)}\n")


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "onderwijsgids.settings")
    import django

    django.setup()


# --- content ------------------------------------------------------------------------------


def cmd_content_check(args: argparse.Namespace) -> int:
    from .kb import ContentError, default_content_dir, load_knowledge_base

    root = Path(args.dir) if args.dir else default_content_dir()
    try:
        kb = load_knowledge_base(root)
    except ContentError as exc:
        return content_refused(exc, f"{len(exc.problems)} fout(en) in {root}")
    print(f"content in orde: {len(kb.items)} items in {root}")
    return EXIT_OK


def cmd_content_load(args: argparse.Namespace) -> int:
    from .kb import ContentError, default_content_dir

    setup_django()
    from .content.services import load_content

    root = Path(args.dir) if args.dir else default_content_dir()
    try:
        release = load_content(root)
    except ContentError as exc:
        return content_refused(exc, "content niet geladen; de vorige versie blijft in gebruik")
    print(f"content geladen: {release.item_count} items (versie {release.digest[:12]})")
    return EXIT_OK


# --- serve --------------------------------------------------------------------------------


def default_workers() -> int:
    """One worker per core plus one (a worker waits on the database now and then), at least 2."""
    return max(2, (os.cpu_count() or 1) + 1)


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise UsageError(f"{name}: '{value}' is geen geheel getal") from None


# (option, environment variable, default, lowest, highest, what it is)
SERVE_SETTINGS = (
    ("workers", "ONDERWIJSGIDS_WORKERS", default_workers, 1, 64, "processen"),
    ("threads", "ONDERWIJSGIDS_THREADS", lambda: 4, 1, 64, "threads per proces"),
    ("timeout", "ONDERWIJSGIDS_TIMEOUT", lambda: 30, 1, 3600,
     "seconden voordat een hangend verzoek wordt afgebroken"),
)


def serve_settings(args: argparse.Namespace) -> dict[str, int]:
    """Workers, threads and timeout: the option, else the environment, else the default."""
    chosen = {}
    for name, env, default, low, high, _what in SERVE_SETTINGS:
        value = getattr(args, name)
        source = f"--{name}"
        if value is None:
            value, source = _env_int(env, default()), env
        if not low <= value <= high:
            raise UsageError(f"{source} moet tussen {low} en {high} liggen (nu {value})")
        chosen[name] = value
    return chosen


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve through gunicorn (threaded workers), a production-grade server, never ``runserver``."""
    bind = f"{args.host}:{args.port}"
    chosen = serve_settings(args)
    print(f"Onderwijsgids draait op http://{bind}/ (stoppen: Ctrl+C); {chosen['workers']} "
          f"processen met elk {chosen['threads']} threads, time-out {chosen['timeout']} s",
          flush=True)
    gunicorn = Path(sys.executable).with_name("gunicorn")
    argv = [
        str(gunicorn), "onderwijsgids.wsgi:application", "--bind", bind,
        "--config", "python:onderwijsgids.gunicorn_hooks",
        "--worker-class", "gthread", "--workers", str(chosen["workers"]),
        "--threads", str(chosen["threads"]), "--timeout", str(chosen["timeout"]),
        "--no-control-socket",
    ]
    if args.access_log:
        argv += ["--access-logfile", "-"]
    os.execv(argv[0], argv)
    return EXIT_OK  # not reached


# --- backup and restore -------------------------------------------------------------------


def _backup_target() -> tuple:
    """The database of the settings and the generated secret key file (None if not in use)."""
    setup_django()
    from django.conf import settings

    from .backup import Database

    key_file = None if os.environ.get("DJANGO_SECRET_KEY") else Path(settings.VAR_DIR) / "secret_key"
    return Database.from_settings(settings.DATABASES["default"]), key_file


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n / 1000:.1f} kB"


def cmd_backup(args: argparse.Namespace) -> int:
    from .backup import BackupError, BackupInputError, backup

    try:
        db, key_file = _backup_target()
        summary = backup(db, Path(args.file), key_file, overwrite=args.overschrijven)
    except BackupInputError as exc:
        raise UsageError(str(exc)) from None
    except BackupError as exc:
        print(f"fout: back-up niet gemaakt: {exc}", file=sys.stderr)
        return EXIT_ERROR
    key = ("met de geheime sleutel uit var/secret_key" if summary.with_secret_key
           else "zonder geheime sleutel (die staat in DJANGO_SECRET_KEY: bewaar hem apart)")
    print(f"back-up gemaakt: {args.file} ({db.label}, {_size(summary.size)}), {key}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from .backup import BackupError, BackupInputError, restore

    try:
        db, key_file = _backup_target()
        summary = restore(db, Path(args.file), key_file)
    except BackupInputError as exc:
        raise UsageError(str(exc)) from None
    except BackupError as exc:
        print(f"fout: niet hersteld; de database is onveranderd: {exc}", file=sys.stderr)
        return EXIT_ERROR
    key = " en de geheime sleutel" if summary.with_secret_key else ""
    print(f"hersteld: de {db.label}-database{key} uit {args.file} (back-up van "
          f"{summary.created or 'onbekende datum'}). Draai daarna `python -m django migrate` "
          "als de back-up van een oudere versie is, en herstart de server.")
    return EXIT_OK


# --- registry of subcommands contributed by the capability apps ---------------------------

Handler = Callable[[argparse.Namespace], int]


def _add_capability_commands(sub: argparse._SubParsersAction) -> None:
    """Each capability registers its own subcommands (advies, zoek, route, …)."""
    from importlib import import_module

    for module in ("advice", "search", "workspace"):
        try:
            commands = import_module(f"onderwijsgids.{module}.commands")
        except ModuleNotFoundError:
            continue
        commands.register(sub)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="onderwijsgids",
        description="Onderwijsgids: de onderwijsgids van Koninklijke Metaalunie als applicatie.",
    )
    sub = parser.add_subparsers(dest="command", metavar="OPDRACHT", parser_class=_Parser)

    serve = sub.add_parser("serve", help="start de webapplicatie")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    for name, env, _default, _low, _high, what in SERVE_SETTINGS:
        serve.add_argument(f"--{name}", type=int, default=None,
                           help=f"aantal {what} (standaard: {env}, anders "
                                f"{'kernen + 1' if name == 'workers' else _default()})")
    serve.add_argument("--geen-toegangslog", dest="access_log", action="store_false",
                       help="schrijf niet elk verzoek naar de uitvoer")
    serve.set_defaults(handler=cmd_serve)

    content = sub.add_parser("content", help="controleer of laad de kennisbank (content/)")
    content_sub = content.add_subparsers(dest="content_command", metavar="ACTIE",
                                         parser_class=_Parser)
    check = content_sub.add_parser("check", help="controleer de content zonder te laden")
    check.add_argument("dir", nargs="?", help="map met content (standaard: content/)")
    check.set_defaults(handler=cmd_content_check)
    load = content_sub.add_parser("load", help="laad de content in de database (atomair)")
    load.add_argument("dir", nargs="?", help="map met content (standaard: content/)")
    load.set_defaults(handler=cmd_content_load)

    backup = sub.add_parser("backup", help="maak een back-up van de database (bedrijven, "
                            "leerlingen, contentversies, sleutels, logboeken) in één bestand")
    backup.add_argument("file", metavar="BESTAND", help="het back-upbestand (bijv. "
                        "onderwijsgids-2026-12-01.zip)")
    backup.add_argument("--overschrijven", action="store_true",
                        help="overschrijf een bestaand bestand")
    backup.set_defaults(handler=cmd_backup)
    restore = sub.add_parser("herstel", help="zet een back-up terug (vervangt de huidige "
                             "gegevens)")
    restore.add_argument("file", metavar="BESTAND", help="een bestand van `onderwijsgids backup`")
    restore.set_defaults(handler=cmd_restore)

    _add_capability_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return EXIT_BAD_INPUT
    try:
        return handler(args)
    except InvalidInput as exc:
        print_problems(exc.problems)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return EXIT_ERROR
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): not an error of ours, and nothing to report.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # no traceback for users; ONDERWIJSGIDS_DEBUG=1 shows it
        if os.environ.get("ONDERWIJSGIDS_DEBUG"):
            raise
        print(f"fout: er ging onverwacht iets mis ({type(exc).__name__}: {exc}). "
              "Zet ONDERWIJSGIDS_DEBUG=1 voor details.", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
