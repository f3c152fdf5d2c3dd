"""The database stores each item as JSON; reading it back must give the very same typed item."""

from onderwijsgids.content.services import current_kb
from onderwijsgids.kb import default_content_dir, load_knowledge_base
from onderwijsgids.kb.loader import ITEM_ADAPTER


def test_every_item_survives_the_json_round_trip():
    kb = load_knowledge_base(default_content_dir())
    for item in kb.items.values():
        assert ITEM_ADAPTER.validate_python(item.model_dump(mode="json")) == item, item.id


def test_published_knowledge_base_equals_the_files(content_db):
    from_files = load_knowledge_base(default_content_dir())
    published = current_kb()
    assert published.items == from_files.items
    assert published.glossary == from_files.glossary


def test_parameter_values_keep_their_types(content_db):
    regeling = current_kb().get("subsidie-praktijkleren")
    values = {p.naam: p.waarde for p in regeling.parameters}
    assert type(values["maximum-per-plaats"]) in (int, __import__("decimal").Decimal)
    assert type(values["verwacht-bedrag-hbo"]).__name__ == "Bereik"
    windows = {w.schooljaar: w for w in regeling.perioden}
    assert type(windows["2025/26"].tot).__name__ == "date" and windows["2026/27"].verwacht
    slim = {p.naam: p.waarde for p in current_kb().get("slim-regeling").parameters}
    assert type(slim["looptijd-tot"]).__name__ == "date"
