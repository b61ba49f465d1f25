"""With the demo content, the questions city staff bring find the documented results."""

import pytest

from search.query import SearchQuery
from search.service import get_search_service

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("question", "city"),
    [
        ("complaints routed from Facebook to the right office", "Alba Iulia"),
        ("virtual meetings about development plans", "Tartu"),
        ("a tourist guide app", "Varna"),
        ("mobility in the UNESCO area", "Palermo"),
    ],
)
def test_a_question_finds_the_documented_case_study_first(demo, question, city):
    results = get_search_service().search(
        SearchQuery(text=question, selected={"type": ("case-study",)})
    )
    assert results.hits[0].city["label"] == city
    assert "<mark>" in results.hits[0].snippet


def test_facets_narrow_the_demo_content(demo):
    results = get_search_service().search(
        SearchQuery(selected={"theme": ("governance",), "country": ("IT",)}, sort="title")
    )
    assert results.total > 0
    assert {hit.city["label"] for hit in results.hits} <= {"Genoa", "Palermo"}
    types = {value.value: value.count for value in results.facets["type"]}
    assert sum(types.values()) == results.total
