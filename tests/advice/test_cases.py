"""The readable cases in ``cases/*.yaml`` (OpenFisca style): a profile and the expected statuses.

An editor who knows a regeling adds a case by adding a YAML entry; nothing else changes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from onderwijsgids.advice.engine import advise, parse_profile
from onderwijsgids.advice.engine.profile import load_yaml

CASES = Path(__file__).with_name("cases")


def _cases():
    for path in sorted(CASES.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            yield pytest.param(case, id=f"{path.stem}: {case['naam']}")


@pytest.mark.parametrize("case", list(_cases()))
def test_case(case, kb):
    # Dates as text, exactly as a profile file is read by the CLI.
    data, _ = load_yaml(yaml.safe_dump(case["profiel"], allow_unicode=True))
    advice = advise(parse_profile(data, kb), kb)
    statuses = {r.id: r for r in advice.regelingen}
    for regeling_id, expected in case["verwacht"].items():
        assert regeling_id in statuses, f"onbekende regeling {regeling_id} in de case"
        assert statuses[regeling_id].status == expected, statuses[regeling_id].waarom
    for regeling_id, fields in (case.get("ontbreekt") or {}).items():
        assert statuses[regeling_id].ontbreekt == fields
