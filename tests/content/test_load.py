"""``onderwijsgids content load``: it loads, and a load that fails leaves the previous content
served unchanged — whether validation fails or something breaks inside the transaction."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from onderwijsgids.cli import main
from onderwijsgids.content.models import ContentRelease, Item, Relation
from onderwijsgids.content.services import current_kb, load_content
from onderwijsgids.content.signals import content_loaded

CLI = str(Path(sys.executable).with_name("onderwijsgids"))
AP1 = "actiepunten/actiepunt-1.yaml"
AP2 = "actiepunten/actiepunt-2.yaml"


def _copy_of_content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(settings.ONDERWIJSGIDS_CONTENT_DIR, root)
    return root


def _retitle(root: Path, rel: str, new_title: str) -> None:
    """A valid change, so a partial load would show up as a changed title."""
    path = root / rel
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.startswith("titel:"))
    lines[index] = f"titel: {new_title}\n"
    path.write_text("".join(lines), encoding="utf-8")


def _snapshot(client) -> dict:
    """What users and programs see of the published content."""
    item = Item.objects.get(id="actiepunt-2")
    return {
        "release": ContentRelease.objects.order_by("-id").values_list("id", "digest").first(),
        "items": Item.objects.count(),
        "relations": Relation.objects.count(),
        "titel": item.titel,
        "digest": current_kb().digest,
        "api": client.get("/api/v1/items/actiepunt-2").json(),
        "page": client.get(item.url).status_code,
    }


def test_content_load_loads_the_content(content_db, capsys):
    assert main(["content", "load"]) == 0
    out = capsys.readouterr().out
    release = ContentRelease.objects.order_by("-id").first()
    assert out.startswith(f"content geladen: {release.item_count} items")
    assert Item.objects.count() == release.item_count > 0


def test_content_load_runs_as_a_command_on_a_fresh_database(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
           "DJANGO_SETTINGS_MODULE": "onderwijsgids.settings"}
    migrate = subprocess.run([sys.executable, "-m", "django", "migrate", "--noinput", "-v0"],
                             env=env, capture_output=True, text=True, timeout=120)
    assert migrate.returncode == 0, migrate.stderr[-2000:]
    result = subprocess.run([CLI, "content", "load"], env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("content geladen: ")


@pytest.mark.usefixtures("content_transactional_db")
def test_a_broken_load_leaves_the_previous_content_served(client, tmp_path, capsys):
    before = _snapshot(client)
    assert before["api"]["id"] == "actiepunt-2"
    broken = _copy_of_content(tmp_path)
    _retitle(broken, AP2, "Deze titel mag nooit gepubliceerd worden")
    with (broken / AP1).open("a", encoding="utf-8") as handle:
        handle.write("onbekend_veld: kapot\n")

    assert main(["content", "load", str(broken)]) == 2

    err = capsys.readouterr().err
    assert f"{AP1}:" in err and "veld 'onbekend_veld'" in err
    assert "content niet geladen; de vorige versie blijft in gebruik" in err
    after = _snapshot(client)
    assert after == before
    assert after["page"] == 200


@pytest.mark.usefixtures("content_transactional_db")
def test_a_failure_inside_the_transaction_rolls_everything_back(client, tmp_path):
    before = _snapshot(client)
    changed = _copy_of_content(tmp_path)
    _retitle(changed, AP2, "Nieuwe titel die niet mag blijven staan")

    def fail(**kwargs):
        raise RuntimeError("afgeleide gegevens konden niet worden bijgewerkt")

    content_loaded.connect(fail, dispatch_uid="test-load-failure")
    try:
        with pytest.raises(RuntimeError):
            load_content(changed)
    finally:
        content_loaded.disconnect(dispatch_uid="test-load-failure")

    assert _snapshot(client) == before


@pytest.mark.usefixtures("content_transactional_db")
def test_a_valid_load_replaces_the_content(client, tmp_path):
    """The control for the two tests above: the same change, loaded without failure, shows."""
    before = _snapshot(client)
    changed = _copy_of_content(tmp_path)
    _retitle(changed, AP2, "Een nieuwe titel")

    load_content(changed)

    after = _snapshot(client)
    assert after["titel"] == after["api"]["titel"] == "Een nieuwe titel"
    assert after["release"] != before["release"]
    assert after["digest"] != before["digest"]
    assert after["items"] == before["items"]


@pytest.mark.usefixtures("content_transactional_db")
def test_the_typed_knowledge_base_is_built_once_per_release(tmp_path, django_assert_num_queries):
    """Per request only the latest release's id is read; a new load builds it anew, with glossary."""
    first = current_kb()
    with django_assert_num_queries(1):
        assert current_kb() is first
    load_content(_copy_of_content(tmp_path))
    second = current_kb()
    assert second is not first
    assert second.glossary is not None and second.glossary == first.glossary
    assert second.digest == first.digest
    assert second.items.keys() == first.items.keys()
