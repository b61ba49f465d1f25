"""The test database, made without migrations, is the one the migrations make."""

import json

import pytest

from tests.database import snapshot

pytestmark = pytest.mark.django_db


def test_the_test_database_has_the_tables_and_rows_a_migrated_one_has(demo_site):
    migrated = demo_site.migrated_snapshot()
    made = json.loads(json.dumps(snapshot()))
    tables = migrated["schema"].keys() | made["schema"].keys()
    differing = sorted(
        name for name in tables if migrated["schema"].get(name) != made["schema"].get(name)
    )
    assert differing == [], "These tables differ from the migrated ones; see tests/database.py"
    assert made["rows"] == migrated["rows"]
    assert len(tables) > 80
    assert "search_fulltext" in tables
