"""The route's answers as a contract §2 profile in YAML: the file "Download als profiel (YAML)".

`onderwijsgids advies FILE` and the workspace's "Profiel overnemen" read it back as it is.
Keys in the contract's order; no ``peildatum``, so the advice is always for the day it is read.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml

from onderwijsgids.vocabulary import datum as nl_date

from ..steps import ROUTE


def to_profile_yaml(profile: dict[str, Any], made: dt.date) -> str:
    ordered = {key: profile[key] for key in ROUTE.profile_keys if key in profile}
    header = (f"# Bedrijfsprofiel uit de adviesroute van de Onderwijsgids, gemaakt op "
              f"{nl_date(made)}.\n"
              "# Lees het in bij 'Profiel overnemen' in je bedrijfsomgeving, of gebruik het met\n"
              "# het programma: onderwijsgids advies profiel.yaml\n")
    if not ordered:
        return header + "{}\n"
    return header + yaml.safe_dump(ordered, allow_unicode=True, sort_keys=False,
                                   default_flow_style=False)
