"""CLI: ``onderwijsgids herinneringen``, ``onderwijsgids privacy``, ``onderwijsgids demo``.

Module-level imports stay light so ``onderwijsgids --help`` starts fast.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys


def _date(text: str) -> dt.date:
    from onderwijsgids.cli import UsageError

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--datum: '{text}' is geen datum (JJJJ-MM-DD)") from None


def _reminder_summary(outcome, anonymised: int, months: int) -> str:
    return (f"herinneringen: {outcome.planned} nieuw gepland, {outcome.sent} verstuurd, "
            f"{outcome.failed} mislukt, {outcome.skipped} overgeslagen (deadline voorbij), "
            f"{outcome.retry} later opnieuw; {anonymised} leerlingen geanonimiseerd "
            f"(einddatum meer dan {months} maanden geleden)")


def cmd_reminders(args: argparse.Namespace) -> int:
    """Exit 0 when the run did its work, whatever single messages did (a refused message is
    recorded as mislukt and shown to the company and in the admin); 1 when the run itself
    failed: no database, or no mail server to talk to (then nothing is marked, and the next
    run sends what is left). Anonymisation runs in both cases."""
    from onderwijsgids.cli import EXIT_ERROR, setup_django

    setup_django()
    from django.conf import settings
    from django.db import DatabaseError

    from . import actions, reminders

    today = _date(args.datum) if args.datum else None
    months = settings.ONDERWIJSGIDS_ANONIMISEER_NA_MAANDEN
    try:
        outcome, problem = reminders.run(today), None
    except reminders.MailServerUnavailable as exc:
        outcome, problem = exc.outcome, exc.reason
    except DatabaseError as exc:
        print(f"fout: de database is niet bereikbaar ({type(exc).__name__}: {exc})",
              file=sys.stderr)
        return EXIT_ERROR
    anonymised = actions.do_anonymise_expired(months=months, today=today)
    print(_reminder_summary(outcome, anonymised, months))
    if outcome.failed:
        print(f"{outcome.failed} herinnering(en) konden niet worden bezorgd; de reden staat in "
              "het beheer onder Herinneringen (status mislukt) en op het dashboard van het bedrijf")
    if problem:
        print(f"fout: de mailserver is niet bereikbaar ({problem}); de herinneringen die nog "
              "niet verstuurd zijn gaan mee met de volgende run", file=sys.stderr)
        return EXIT_ERROR
    return 0


def cmd_privacy(args: argparse.Namespace) -> int:
    from onderwijsgids.cli import UsageError, setup_django

    setup_django()
    from django.conf import settings

    from . import actions

    months = settings.ONDERWIJSGIDS_ANONIMISEER_NA_MAANDEN if args.maanden is None else args.maanden
    if months < 0:
        raise UsageError("--maanden moet 0 of meer zijn")
    count = actions.do_anonymise_expired(months=months,
                                         today=_date(args.datum) if args.datum else None)
    print(f"{count} leerlingen geanonimiseerd (einddatum meer dan {months} maanden geleden)")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from onderwijsgids.cli import UsageError, setup_django

    if args.bedrijven < 1 or args.bedrijven > 1_000_000:
        raise UsageError("--bedrijven moet tussen 1 en 1.000.000 liggen")
    if args.leerlingen < 0 or args.leerlingen > 100:
        raise UsageError("--leerlingen moet tussen 0 en 100 liggen")
    setup_django()
    from .demo import create_demo

    result = create_demo(args.bedrijven, learners_per_company=args.leerlingen, seed=args.seed,
                         progress=sys.stderr.isatty())
    print(f"demo: {result.companies} bedrijven, {result.learners} leerlingen, "
          f"{result.applications} aanvragen; inloggen als {result.owner_email} of "
          f"{result.advisor_email} (adviseur, {result.advised} bedrijven), "
          f"wachtwoord '{result.password}'")
    return 0


def cmd_company(args: argparse.Namespace) -> int:
    from onderwijsgids.cli import UsageError, setup_django

    setup_django()
    from django.core.exceptions import ValidationError
    from django.core.validators import validate_email

    from django.db import transaction

    from . import actions
    from .checks import InvalidValues, check_company_name
    from .domain.values import CompanyProfile
    from .models import Membership

    naam = args.naam.strip()
    try:
        check_company_name(naam)
    except InvalidValues as refusal:
        raise UsageError(f"--naam: {refusal.problem.message}") from None
    try:
        validate_email(args.eigenaar)
    except ValidationError:
        raise UsageError(f"--eigenaar: '{args.eigenaar}' is geen e-mailadres") from None
    with transaction.atomic():  # the invitation is mailed once the company exists
        company = actions.do_create_company(CompanyProfile(naam=naam), acting_user=None)
        link = actions.do_invite_member(company, email=args.eigenaar,
                                        role=Membership.Role.OWNER, acting_user=None)
    print(f"bedrijf {company.pk} '{company.naam}' aangemaakt; uitnodiging voor de eigenaar "
          f"verstuurd naar {args.eigenaar}:\n{link}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    company = sub.add_parser("bedrijf", help="maak een bedrijf aan en nodig de eigenaar uit")
    company.add_argument("--naam", required=True, help="naam van het bedrijf")
    company.add_argument("--eigenaar", required=True, help="e-mailadres van de eigenaar")
    company.set_defaults(handler=cmd_company)

    reminders = sub.add_parser("herinneringen", help="stuur e-mailherinneringen van deadlines "
                               "(elke herinnering precies één keer)",
                               description="Stuurt elke herinnering één keer. Een bericht dat "
                               "geweigerd wordt, telt als mislukt en houdt de andere niet op. "
                               "Eindigt met 1 alleen als de database of de mailserver niet "
                               "bereikbaar is.")
    reminders.add_argument("--datum", help="doe alsof het vandaag deze datum is (JJJJ-MM-DD)")
    reminders.set_defaults(handler=cmd_reminders)

    privacy = sub.add_parser("privacy", help="anonimiseer leerlingen ruim na hun einddatum")
    privacy.add_argument("--maanden", type=int, default=None,
                         help="aantal maanden na de einddatum (standaard: instelling "
                              "ONDERWIJSGIDS_ANONIMISEER_NA_MAANDEN)")
    privacy.add_argument("--datum", help="doe alsof het vandaag deze datum is (JJJJ-MM-DD)")
    privacy.set_defaults(handler=cmd_privacy)

    demo = sub.add_parser("demo", help="maak verzonnen bedrijven, leerlingen en aanvragen")
    demo.add_argument("--bedrijven", type=int, required=True, help="aantal bedrijven")
    demo.add_argument("--leerlingen", type=int, default=5, help="leerlingen per bedrijf")
    demo.add_argument("--seed", type=int, default=2025, help="startwaarde van het toeval")
    demo.set_defaults(handler=cmd_demo)
