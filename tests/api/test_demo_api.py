"""The read API on the demo content, as a fresh clone has it: the governance case studies
are exactly those readers may see."""

import json

from django.db.models import F

import pytest

from casestudies.models import CaseStudyPage
from network_site.languages import is_published_translation

pytestmark = pytest.mark.django_db

ADDRESS = "/api/v3/pages/?type=case-study&theme=governance&limit=100"


def listed(client):
    response = client.get(ADDRESS)
    assert response.status_code == 200
    return json.loads(response.content)["items"]


def test_the_governance_case_studies_are_those_readers_may_see(demo, client):
    readable = CaseStudyPage.objects.readable().filter(themes__slug="governance")
    items = listed(client)
    english = {item["id"] for item in items if item["language"] == "en"}
    assert english == set(readable.in_language("en").values_list("pk", flat=True))
    assert len(english) > 3
    translations = {item["id"] for item in items if item["language"] != "en"}
    versions = readable.exclude(locale__language_code="en").annotate(
        live_revision_of=F("live_revision__object_id")
    )
    assert translations == {page.pk for page in versions if is_published_translation(page)}
    by_id = {item["id"]: item for item in items}
    for item in items:
        assert {"slug": "governance", "label": item["themes"][0]["label"]} in item["themes"]
        assert item["city"]["slug"] and item["country"]
        for version in item["translations"]:
            assert by_id[version["id"]]["language"] == version["language"]


def test_a_governance_case_study_taken_back_to_draft_is_no_longer_listed(demo, client):
    page = CaseStudyPage.objects.readable().in_language("en").filter(themes__slug="governance")[0]
    page.unpublish()
    assert page.pk not in {item["id"] for item in listed(client)}
