"""The search page and API as readers and scripts use them: results, facets, odd input."""

import json
import re

from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from casestudies.factories import CaseStudyPageFactory, UpdatePageFactory
from network_site.models import Theme
from search.documents import build_document, searchable_pages
from search.indexer import rebuild
from search.service import SearchService, build_service
from tests.conftest import fresh

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def indexed(site, django_db_blocker):
    """Three case studies and an update, indexed; built once for the module."""
    with django_db_blocker.unblock():
        tartu, ghent = fresh(site["tartu"]), fresh(site["ghent"])
        themes = {theme.slug: theme for theme in Theme.objects.all()}
        CaseStudyPageFactory(
            parent=tartu.case_studies_section,
            title="Virtual meetings on plans",
            summary="Citizens join virtual meetings about development plans.",
            themes=[themes["governance"]],
            start_year=2016,
        )
        CaseStudyPageFactory(
            parent=tartu.case_studies_section,
            title="Cycling counts",
            summary="Bike counters publish open data.",
            themes=[themes["environment"]],
            start_year=2018,
        )
        CaseStudyPageFactory(
            parent=ghent.case_studies_section,
            title="Neighbourhood budgets",
            summary="Residents vote on projects <b>online</b>.",
            themes=[themes["governance"], themes["economy"]],
            start_year=2017,
        )
        UpdatePageFactory(
            parent=ghent.updates_section, title="Budget vote results", date="2017-12-01"
        )
        rebuild()


def api(client, query):
    response = client.get(f"/en/api/search/?{query}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


def test_the_page_shows_hits_with_marked_words_and_facets(client, indexed):
    response = client.get("/en/search/?q=virtual+meetings")
    text = response.text
    assert "1 result for “virtual meetings”" in text
    assert '<a href="/en/cities/tartu/case-studies/virtual-meetings-on-plans/">' in text
    assert "<mark>virtual</mark> <mark>meetings</mark>" in text
    assert 'name="theme" value="governance" checked' not in text


def test_an_unknown_filter_is_named_and_the_known_ones_still_apply(client, indexed):
    """The search page treats filters as the listings do (one form behaviour)."""
    response = client.get("/en/search/?q=virtual+meetings&city=atlantis&city=tartu")
    assert "City: atlantis not recognised." in response.text
    assert "1 result for “virtual meetings”" in response.text


def test_ticking_a_facet_keeps_it_visible_and_counts_the_others(client, indexed):
    data = api(client, "theme=economy&city=tartu")
    assert data["total"] == 0
    themes = {
        value["value"]: (value["count"], value["selected"]) for value in data["facets"]["theme"]
    }
    assert themes == {"governance": (1, False), "environment": (1, False), "economy": (0, True)}
    cities = {value["value"]: value["count"] for value in data["facets"]["city"]}
    assert cities == {"ghent": 1, "tartu": 0}
    years = api(client, "year=2016&theme=economy")["facets"]["year"]
    assert {"value": "2016", "label": "2016", "count": 0, "selected": True} in years


def test_the_api_answers_in_the_documented_shape(client, indexed):
    data = api(client, "q=budget&sort=title")
    assert set(data) == {
        "query",
        "total",
        "page",
        "pages",
        "sort",
        "backend",
        "results",
        "facets",
    }
    assert data["query"] == "budget"
    assert data["backend"] == "database"
    assert [hit["title"] for hit in data["results"]] == [
        "Budget vote results",
        "Neighbourhood budgets",
    ]
    hit = data["results"][1]
    assert set(hit) == {
        "title",
        "url",
        "type",
        "city",
        "themes",
        "year",
        "snippet",
        "provenance",
        "language",
    }
    assert hit["language"] == "en"
    assert hit["provenance"] == {"slug": "documented", "label": "Documented"}
    assert hit["city"] == {"slug": "ghent", "label": "Ghent"}
    assert hit["type"] == {"slug": "case-study", "label": "Case study"}
    assert hit["themes"] == [
        {"slug": "economy", "label": "Economy"},
        {"slug": "governance", "label": "Governance"},
    ]
    assert hit["year"] == 2017
    assert hit["url"].endswith("/en/cities/ghent/case-studies/neighbourhood-budgets/")
    assert set(data["facets"]) == {"theme", "city", "country", "channel", "type", "year"}


def test_what_editors_typed_is_escaped_in_snippets(client, indexed):
    snippet = api(client, "q=online")["results"][0]["snippet"]
    assert "<mark>online</mark>" in snippet
    assert "<" not in re.sub(r"</?mark>", "", snippet)


ODD_QUERIES = [
    'q="unbalanced',
    "q=(((",
    "q=back\\slash",
    "q=*",
    "q=virtual AND NOT OR",
    "q=title:virtual",
    "q=%F0%9F%98%80",
    "q=%00virtual%00",
    "q=%20%20%20",
    "q=" + "virtual " * 1500,
    "q[]=x&q=virtual&q=meetings",
    "page=0",
    "page=-3",
    "page=abc",
    "page=999999999999",
    "page=99",
    "page=%C2%B2",
    "page=1001",
    "sort=nonsense",
    "theme=nonsense&city=%00&year=1800&type=<script>",
    "unknown=1&theme=governance&theme=governance",
]


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_odd_input_never_breaks_the_page(client, indexed, query):
    response = client.get(f"/en/search/?{query}")
    assert response.status_code == 200
    assert "<script>" not in response.text.split("<main", 1)[1]
    data = api(client, query)
    assert 1 <= data["page"] <= data["pages"]
    assert len(data["query"]) <= 200


def test_a_year_with_a_trailing_line_break_is_not_a_year(client, indexed):
    response = client.get("/en/search/?year=2017%0A")
    assert response.status_code == 200
    assert "not recognised" in response.text
    years = [value["value"] for value in api(client, "year=2017%0A")["facets"]["year"]]
    assert "2017\n" not in years
    assert "2017" in years


def test_a_page_past_the_end_shows_the_last_page(client, indexed):
    data = api(client, "page=50")
    assert data["page"] == data["pages"] == 1
    assert data["total"] == len(data["results"]) == 6  # four pages and two cities


def test_no_results_explain_themselves(client, indexed):
    response = client.get("/en/search/?q=zeppelin")
    assert "No results for “zeppelin”" in response.text
    assert "Try fewer or more general words" in response.text
    assert "Narrow down" not in response.text  # No empty filter box with only "Apply".


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_the_number_of_hits(client, indexed, tartu, themes):
    url = "/en/search/?q=meetings&theme=governance&city=tartu"
    CaseStudyPageFactory.create_batch(
        2, parent=tartu.case_studies_section, summary="Meetings.", themes=[themes["governance"]]
    )
    rebuild()
    client.get(url)
    few = count_queries(client, url)
    CaseStudyPageFactory.create_batch(
        8, parent=tartu.case_studies_section, summary="Meetings.", themes=[themes["governance"]]
    )
    rebuild()
    many = count_queries(client, url)
    assert many == few


def test_a_malformed_elasticsearch_url_fails_the_checks_and_the_site_still_answers(
    client, indexed, settings, tartu, django_capture_on_commit_callbacks
):
    """`localhost:9200` (no scheme): `manage.py check` names the setting; meanwhile the
    database answers searches and listings, and a publish still reaches the index."""
    settings.SEARCH = {**settings.SEARCH, "ELASTICSEARCH_URL": "localhost:9200"}
    build_service.cache_clear()
    try:
        with pytest.raises(SystemCheckError, match="search.E001"):
            call_command("check")
        assert client.get("/en/search/?q=budget").status_code == 200
        assert client.get("/en/case-studies/").status_code == 200
        page = CaseStudyPageFactory(parent=tartu.case_studies_section, title="Participatory maps")
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        assert [hit["title"] for hit in api(client, "q=maps")["results"]] == ["Participatory maps"]
    finally:
        build_service.cache_clear()


def test_the_page_answers_when_the_configured_cluster_is_down(client, indexed, settings):
    """With ELASTICSEARCH_URL pointing at a dead cluster, readers still get results, and
    the API says the database gave them."""
    settings.SEARCH = {**settings.SEARCH, "ELASTICSEARCH_URL": "http://127.0.0.1:9"}
    build_service.cache_clear()
    try:
        data = api(client, "q=budget")
        assert {hit["title"] for hit in data["results"]} == {
            "Budget vote results",
            "Neighbourhood budgets",
        }
        assert data["backend"] == "database"
        assert client.get("/en/search/?q=budget").status_code == 200
    finally:
        build_service.cache_clear()


def test_the_api_names_elasticsearch_when_it_answered(
    client, indexed, elasticsearch_backend, monkeypatch
):
    """An operator can tell from the API whether Elasticsearch or its fallback answered."""
    service = SearchService(primary=elasticsearch_backend)
    service.primary.rebuild(map(build_document, searchable_pages().specific()))
    monkeypatch.setattr("search.views.get_search_service", lambda: service)
    data = api(client, "q=budget")
    assert data["backend"] == "elasticsearch"
    assert {hit["title"] for hit in data["results"]} == {
        "Budget vote results",
        "Neighbourhood budgets",
    }
