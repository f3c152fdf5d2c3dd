"""One vocabulary: the model choices, form choices, pydantic types, API enums and CSV values of
each concept are exactly the values of :mod:`onderwijsgids.vocabulary`, and every value has its
labels. A list kept by hand somewhere drifts, and then one of these tests fails."""

from __future__ import annotations

import typing

import pytest

from onderwijsgids import vocabulary as v
from onderwijsgids.advice import labels
from onderwijsgids.advice.engine import model as advice_model
from onderwijsgids.advice.engine.profile import Leerling, NieuweMedewerker, Profile
from onderwijsgids.advice.render.common import STATUS_TEXT
from onderwijsgids.kb import schema
from onderwijsgids.workspace.checks import learner_row_check
from onderwijsgids.workspace.domain.csvio import CsvRefused, HEADERS, parse_learners
from onderwijsgids.workspace.forms import CompanyProfileForm, LearnerForm
from onderwijsgids.workspace.models import Learner


def literal_values(annotation) -> tuple:
    """The values of the ``Literal`` inside ``annotation`` (through ``| None`` and ``list[...]``)."""
    if typing.get_origin(annotation) is typing.Literal:
        return typing.get_args(annotation)
    found: tuple = ()
    for arg in typing.get_args(annotation):
        found += literal_values(arg)
    return found


def pydantic_values(model, field: str) -> tuple:
    return literal_values(model.model_fields[field].annotation)


def model_choices(model, field: str) -> tuple:
    return tuple(value for value, _label in model._meta.get_field(field).choices)


def form_choices(form, field: str) -> tuple:
    """The form's values, without the empty 'not answered' choice."""
    return tuple(value for value, _label in form.fields[field].choices if value != "")


def api_enum(schema_class, field: str) -> tuple:
    enum = schema_class.model_json_schema()["properties"][field]["enum"]
    return tuple(value for value in enum if value != "")


CSV_CHECK = learner_row_check(None, None)  # the import's own checks (the view adds known codes)
CSV_ROW = "naam;leerweg;start;eind;hbo_domein\nSanne;{leerweg};2025-09-01;2027-07-01;{domein}\n"


def csv_accepts(leerweg: str = "bbl", domein: str = "") -> bool:
    try:
        parse_learners(CSV_ROW.format(leerweg=leerweg, domein=domein).encode(), CSV_CHECK)
    except CsvRefused:
        return False
    return True


def csv_choices_named(column: str, **row: str) -> str:
    """The values the CSV import's message offers for an unknown value in ``column``."""
    with pytest.raises(CsvRefused) as refused:
        parse_learners(CSV_ROW.format(**{"leerweg": "bbl", "domein": "", **row}).encode(),
                       CSV_CHECK)
    (error,) = [e for e in refused.value.problems if e.field == column]
    return error.message.split(" uit ", 1)[1].removesuffix(".")


def test_leerweg_everywhere_is_the_vocabulary():
    from onderwijsgids.workspace.api import LeerlingIn

    values = v.LEARNING_PATHS
    assert model_choices(Learner, "leerweg") == values
    assert form_choices(LearnerForm(regelingen=[]), "leerweg") == values
    assert pydantic_values(Leerling, "leerweg") == values
    assert api_enum(LeerlingIn, "leerweg") == values
    assert all(csv_accepts(leerweg=value) for value in values)
    assert not csv_accepts(leerweg="mbo")
    assert csv_choices_named("leerweg", leerweg="mbo") == ", ".join(values)


def test_hbo_domain_everywhere_is_the_vocabulary():
    from onderwijsgids.workspace.api import LeerlingIn

    values = v.HBO_DOMAINS
    assert model_choices(Learner, "hbo_domein") == values
    assert form_choices(LearnerForm(regelingen=[]), "hbo_domein") == values
    assert pydantic_values(Leerling, "hbo_domein") == values
    assert api_enum(LeerlingIn, "hbo_domein") == values
    assert all(csv_accepts(leerweg="hbo-duaal", domein=value) for value in values)
    assert csv_choices_named("hbo_domein", domein="techniek-en-zo") == ", ".join(values)


def test_province_cao_goals_and_target_groups_everywhere_are_the_vocabulary():
    from onderwijsgids.search.api import FinderVraag

    form = CompanyProfileForm()
    assert form_choices(form, "provincie") == v.PROVINCES
    assert pydantic_values(Profile, "provincie") == v.PROVINCES
    assert pydantic_values(schema.Vestiging, "provincie") == v.PROVINCES
    assert pydantic_values(schema.Organisatie, "provincies") == v.PROVINCES
    assert api_enum(FinderVraag, "provincie") == v.PROVINCES
    assert form_choices(form, "cao") == v.CAO_VALUES
    assert pydantic_values(Profile, "cao") == v.CAO_VALUES
    assert form_choices(form, "doelen") == v.GOALS
    assert pydantic_values(Profile, "doelen") == v.GOALS
    assert pydantic_values(schema.Actiepunt, "doelen") == v.GOALS
    assert pydantic_values(schema.Regeling, "doelen") == v.GOALS
    assert form_choices(form, "doelgroepen") == v.TARGET_GROUPS
    assert pydantic_values(Profile, "doelgroepen") == v.TARGET_GROUPS
    assert pydantic_values(NieuweMedewerker, "doelgroep") == v.TARGET_GROUPS
    assert pydantic_values(schema.Regeling, "doelgroepen") == v.TARGET_GROUPS


def test_statuses_and_window_states_are_the_vocabulary():
    assert pydantic_values(advice_model.RegelingAdvies, "status") == v.STATUSES
    assert pydantic_values(advice_model.Venster, "staat") == v.WINDOW_STATES
    assert tuple(STATUS_TEXT) == v.STATUSES
    assert STATUS_TEXT["ja"] == "Past bij jou"


@pytest.mark.parametrize("values, tables", [
    (v.LEARNING_PATHS, [labels.LEERWEG_LABELS, labels.LEERWEG_SHORT_LABELS, v.LEERWEG_WORDS]),
    (v.PROVINCES, [labels.PROVINCE_LABELS, v.PROVINCE_WORDS]),
    (v.CAO_VALUES, [labels.CAO_LABELS, labels.CAO_SHORT_LABELS, v.CAO_WORDS]),
    (v.GOALS, [labels.GOAL_LABELS, v.GOAL_WORDS]),
    (v.TARGET_GROUPS, [labels.TARGET_GROUP_LABELS, v.TARGET_GROUP_WORDS]),
    (v.HBO_DOMAINS, [labels.HBO_DOMAIN_LABELS, v.HBO_DOMAIN_WORDS]),
    (v.STATUSES, [labels.STATUS_LABELS, v.STATUS_WORDS]),
    (v.WINDOW_STATES, [labels.WINDOW_STATE_LABELS, v.WINDOW_STATE_WORDS]),
])
def test_every_value_has_its_labels_and_no_label_lacks_a_value(values, tables):
    for table in tables:
        assert tuple(table) == values
        assert all(str(table[value]).strip() for value in values)


def test_csv_columns_are_the_learner_form_fields():
    assert set(HEADERS) == set(LearnerForm(regelingen=[]).fields) - {"version"}
