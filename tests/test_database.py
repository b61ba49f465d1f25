"""The test database, made without migrations, is the one the migrations make."""

import json

import pytest

from tests.database import snapshot

pytestmark = pytest.mark.django_db


def test_the_test_database_has_the_tables_and_rows_a_migrated_one_has(demo_site):
    migrated = demo_site.migrated_snapshot()
    made = json.loads(json.dumps(snapshot()))
    tables = migrated["tables"].keys() | made["tables"].keys()
    differing = sorted(
        name for name in tables if migrated["tables"].get(name) != made["tables"].get(name)
    )
    assert differing == [], "These tables differ from the migrated ones; see tests/database.py"
    assert made["triggers"] == migrated["triggers"]
    assert made["rows"] == migrated["rows"]
    assert len(tables) > 70
    assert "search_fulltext" in tables
