"""``onderwijsgids zoek`` and ``onderwijsgids route`` (contract §4), on the published content.

Module-level imports stay light so ``onderwijsgids --help`` starts fast.
"""

from __future__ import annotations

import argparse
import json


def register(sub: argparse._SubParsersAction) -> None:
    zoek = sub.add_parser("zoek", help="zoek in de hele gids",
                          description="Zoek in gewone taal in de hele gids; beste resultaat eerst.")
    zoek.add_argument("vraag", help='de zoekvraag, bv. "subsidie voor mijn bbl\'er"')
    zoek.add_argument("--json", action="store_true", help="uitvoer als JSON (contract §4)")
    zoek.add_argument("--limit", type=int, default=10, help="maximaal aantal resultaten (1–100)")
    zoek.add_argument("--type", dest="item_type", default=None,
                      help="alleen items van dit type (actiepunt, regeling, …)")
    zoek.set_defaults(handler=cmd_zoek)

    route = sub.add_parser("route", help="onderwijsroutes tussen twee onderwijsniveaus",
                           description="Alle onderwijsroutes van VAN naar NAAR, kortste eerst.")
    route.add_argument("van", help="onderwijsniveau-ID, bv. vmbo-kb")
    route.add_argument("naar", help="onderwijsniveau-ID, bv. hbo-bachelor")
    route.add_argument("--json", action="store_true", help="uitvoer als JSON (contract §4)")
    route.set_defaults(handler=cmd_route)


def _print_json(document: dict) -> None:
    print(json.dumps(document, ensure_ascii=False, indent=2))


def cmd_zoek(args: argparse.Namespace) -> int:
    from onderwijsgids.cli import UsageError, setup_django
    from onderwijsgids.kb.urls import TYPE_LABELS
    from onderwijsgids.links import base_url

    if not 1 <= args.limit <= 100:
        raise UsageError("--limit: moet tussen 1 en 100 liggen")
    if args.item_type is not None and args.item_type not in TYPE_LABELS:
        raise UsageError(f"--type: onbekend type '{args.item_type}'; toegestaan: "
                         + ", ".join(TYPE_LABELS))
    setup_django()
    from .documents import search_document
    from .engine.query import search
    from .services import current_index

    # A QueryError (empty or too long) is bad input: "fout: q: …", exit code 2.
    result = search(current_index(), args.vraag, item_type=args.item_type, limit=args.limit)
    base = base_url()
    document = search_document(result, lambda path: base + path)
    if args.json:
        _print_json(document)
        return 0
    if not result.hits:
        print("Geen resultaten.")
        if result.suggestion:
            print(f"Bedoelde je: {result.suggestion}?")
        return 0
    for n, hit in enumerate(document["resultaten"], 1):
        print(f"{n}. {hit['titel']} ({hit['type']}, {hit['id']}) — {hit['url']}")
    return 0


def cmd_route(args: argparse.Namespace) -> int:
    from onderwijsgids.cli import UsageError, setup_django

    setup_django()
    from .engine.routes import UnknownLevel, routes_document
    from .services import education_graph

    graph = education_graph()
    try:
        document = routes_document(graph, args.van.strip(), args.naar.strip())
    except UnknownLevel as exc:
        raise UsageError(str(exc)) from None
    if args.json:
        _print_json(document)
        return 0
    if not document["routes"]:
        print(f"Geen route gevonden van {args.van} naar {args.naar}.")
        return 0
    for n, found in enumerate(document["routes"], 1):
        print(f"Route {n}: " + " → ".join(graph.title(s) for s in found["stappen"]))
        for line in found["toelichting"]:
            print(f"  - {line}")
    return 0
