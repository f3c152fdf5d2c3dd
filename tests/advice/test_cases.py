"""The readable cases in ``cases/*.yaml`` (OpenFisca style): a profile and what an expert expects.

An editor who knows a regeling adds a case by adding a YAML entry; nothing else changes
(``cases/README.md`` explains the keys). Every case goes through the public interface,
``POST /api/v1/advies``, and is compared with the contract's JSON (contract §3), so the cases
keep holding whatever the engine looks like inside.

A case may state, per regeling: ``status`` (one value, or a list of acceptable values where the
sources leave it open), ``deadline``, ``schatting_eur`` (a number, ``null`` or ``{min, max}``),
``ontbreekt``, ``waarom_bevat`` (phrases the reasons must contain) and ``perioden`` (entries
matched on ``leerling`` + ``studiejaar``; only the given keys are compared; ``afwezig: true``
means there must be no such entry). For the whole advice: ``deadlines`` (a subset, matched on
``datum`` + ``regeling``), ``acties`` (ids that must be present), ``eerste_actie``,
``organisaties`` / ``niet_in_organisaties`` and ``bestaat`` (regeling ids that must exist).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

CASES = Path(__file__).with_name("cases")
CASE_KEYS = {"naam", "bron", "profiel", "verwacht", "ontbreekt", "deadlines", "acties",
             "eerste_actie", "organisaties", "niet_in_organisaties", "bestaat"}
REGELING_KEYS = {"status", "deadline", "schatting_eur", "ontbreekt", "waarom_bevat", "perioden"}
MONEY_KEYS = {"schatting_eur", "waarde_eur"}


def _cases():
    for path in sorted(CASES.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            yield pytest.param(case, id=f"{path.stem}: {case['naam']}")


def as_json(value: Any) -> Any:
    """What YAML reads (dates) written the way the advice's JSON writes it (ISO strings)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    return value


class Check:
    """Collects every difference between a case and the advice, so one run shows them all."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def equal(self, where: str, actual: Any, expected: Any) -> None:
        if actual != expected:
            self.problems.append(f"{where}: verwacht {expected!r}, gekregen {actual!r}")

    def money(self, where: str, actual: Any, expected: Any) -> None:
        """An amount: exact, ``None``, or a range ``{min, max}`` (both inclusive)."""
        if isinstance(expected, dict):
            low, high = expected["min"], expected["max"]
            if not isinstance(actual, int | float) or not low <= actual <= high:
                self.problems.append(f"{where}: verwacht tussen {low} en {high}, gekregen {actual!r}")
        else:
            self.equal(where, actual, expected)

    def value(self, where: str, key: str, actual: Any, expected: Any) -> None:
        (self.money if key in MONEY_KEYS else self.equal)(f"{where}.{key}", actual, expected)


def check_regeling(check: Check, result: dict[str, Any], expected: Any) -> None:
    where = result["id"]
    if not isinstance(expected, dict):
        expected = {"status": expected}
    unknown = set(expected) - REGELING_KEYS
    if unknown:
        check.problems.append(f"{where}: onbekende sleutel(s) in de case: {sorted(unknown)}")
    if "status" in expected:
        allowed = expected["status"] if isinstance(expected["status"], list) else [expected["status"]]
        if result["status"] not in allowed:
            check.problems.append(f"{where}.status: verwacht {' of '.join(allowed)}, gekregen "
                                  f"{result['status']!r}; waarom: {result['waarom']}")
    for key in ("deadline", "schatting_eur", "ontbreekt"):
        if key in expected:
            check.value(where, key, result.get(key), expected[key])
    reasons = " ".join(result.get("waarom") or []).casefold()
    for phrase in expected.get("waarom_bevat") or []:
        if phrase.casefold() not in reasons:
            check.problems.append(f"{where}.waarom noemt {phrase!r} niet: {result.get('waarom')}")
    for period in expected.get("perioden") or []:
        check_period(check, where, result.get("perioden"), period)


def check_period(check: Check, where: str, actual: list[dict] | None, expected: dict) -> None:
    key = (expected["leerling"], expected["studiejaar"])
    where = f"{where}.perioden[leerling {key[0]}, {key[1]}]"
    found = [p for p in actual or [] if (p.get("leerling"), p.get("studiejaar")) == key]
    if expected.get("afwezig"):
        if found:
            check.problems.append(f"{where}: hoort er niet te zijn, gekregen {found[0]}")
        return
    if not found:
        present = [(p.get("leerling"), p.get("studiejaar")) for p in actual or []]
        check.problems.append(f"{where}: ontbreekt (wel aanwezig: {present})")
        return
    for name, wanted in expected.items():
        if name in ("leerling", "studiejaar"):
            continue
        got = found[0].get(name)
        if name == "venster" and isinstance(wanted, dict) and isinstance(got, dict):
            for part, value in wanted.items():
                check.equal(f"{where}.venster.{part}", got.get(part), value)
        else:
            check.value(where, name, got, wanted)


def check_deadlines(check: Check, actual: list[dict], expected: list[dict]) -> None:
    for wanted in expected:
        key = (wanted["datum"], wanted.get("regeling"))
        found = [d for d in actual if (d["datum"], d.get("regeling")) == key]
        if not found:
            check.problems.append(f"deadlines: geen {key[0]} voor {key[1]} (wel: "
                                  f"{[(d['datum'], d.get('regeling')) for d in actual]})")
        elif "wat_bevat" in wanted and wanted["wat_bevat"].casefold() not in found[0]["wat"].casefold():
            check.problems.append(f"deadlines {key}: 'wat' noemt {wanted['wat_bevat']!r} niet: "
                                  f"{found[0]['wat']!r}")


def check_advice(check: Check, advice: dict[str, Any], case: dict[str, Any]) -> None:
    regelingen = {r["id"]: r for r in advice["regelingen"]}
    named = [*case.get("verwacht", {}), *case.get("ontbreekt", {}), *case.get("bestaat", [])]
    for regeling_id in named:
        if regeling_id not in regelingen:
            check.problems.append(f"onbekende regeling {regeling_id} (het advies kent: "
                                  f"{sorted(regelingen)})")
    for regeling_id, expected in case.get("verwacht", {}).items():
        if regeling_id in regelingen:
            check_regeling(check, regelingen[regeling_id], expected)
    for regeling_id, fields in (case.get("ontbreekt") or {}).items():
        if regeling_id in regelingen:
            check.equal(f"{regeling_id}.ontbreekt", regelingen[regeling_id]["ontbreekt"], fields)
    check_deadlines(check, advice["deadlines"], case.get("deadlines") or [])
    check_actions(check, advice.get("acties"), case)
    organisations = advice["organisaties"]
    for organisation in case.get("organisaties") or []:
        if organisation not in organisations:
            check.problems.append(f"organisaties: {organisation} ontbreekt ({organisations})")
    for organisation in case.get("niet_in_organisaties") or []:
        if organisation in organisations:
            check.problems.append(f"organisaties: {organisation} hoort er niet bij ({organisations})")


def check_actions(check: Check, actions: list[dict] | None, case: dict[str, Any]) -> None:
    if "acties" not in case and "eerste_actie" not in case:
        return
    if actions is None:
        check.problems.append("het advies heeft geen 'acties' (contract §3, 2026-12)")
        return
    ids = [action.get("id") for action in actions]
    for action_id in case.get("acties") or []:
        if action_id not in ids:
            check.problems.append(f"acties: {action_id} ontbreekt (wel: {ids})")
    if "eerste_actie" in case and ids[:1] != [case["eerste_actie"]]:
        check.problems.append(f"acties: eerst {case['eerste_actie']} verwacht, volgorde: {ids}")


@pytest.mark.parametrize("case", list(_cases()))
def test_case(case, advies_api):
    unknown = set(case) - CASE_KEYS
    assert not unknown, f"onbekende sleutel(s) in de case: {sorted(unknown)}"
    case = as_json(case)
    check = Check()
    check_advice(check, advies_api(case["profiel"]), case)
    assert not check.problems, "\n".join(check.problems)
