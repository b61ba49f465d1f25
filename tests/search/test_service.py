"""The service keeps answering when Elasticsearch is down, slow or erroring."""

import copy
import logging

import pytest
from elasticsearch import Elasticsearch

from casestudies.factories import CaseStudyPageFactory
from network_site.models import Theme
from search.backends.database import DatabaseBackend
from search.documents import build_document, searchable_pages
from search.query import SearchQuery
from search.service import SearchService
from tests.conftest import fresh

pytestmark = pytest.mark.django_db


def dead_client():
    """A client for a port nothing listens on: every request is refused at once."""
    return Elasticsearch("http://127.0.0.1:9", request_timeout=1, max_retries=0)


@pytest.fixture(scope="module")
def documents(site, django_db_blocker):
    """The search documents of three case studies in Tartu and Ghent, built once."""
    with django_db_blocker.unblock():
        governance = Theme.objects.get(slug="governance")
        for title, city, year in (
            ("Virtual meetings", "tartu", 2016),
            ("Meetings online", "ghent", 2018),
            ("Budget votes", "ghent", 2017),
        ):
            CaseStudyPageFactory(
                parent=fresh(site[city]).case_studies_section,
                title=title,
                summary=f"{title}.",
                start_year=year,
                themes=[governance],
            )
        return [build_document(page) for page in searchable_pages().specific()]


@pytest.fixture
def service(elasticsearch_backend, documents):
    service = SearchService(primary=elasticsearch_backend, breaker_seconds=30)
    for backend in service.backends:
        backend.rebuild(copy.deepcopy(documents))
    return service


def titles(results):
    return [hit.title for hit in results.hits]


def test_elasticsearch_answers_while_it_is_up(service):
    results = service.search(SearchQuery(text="meetings", sort="title"))
    assert results.backend == "elasticsearch"
    assert titles(results) == ["Meetings online", "Virtual meetings"]


def test_the_database_answers_when_elasticsearch_goes_down(service, caplog):
    query = SearchQuery(text="meetings", selected={"city": ("tartu",)})
    first = service.search(query)
    service.primary.client = dead_client()
    with caplog.at_level(logging.WARNING, logger="search.service"):
        second = service.search(query)
    assert (first.backend, second.backend) == ("elasticsearch", "database")
    assert titles(second) == titles(first) == ["Virtual meetings"]
    assert second.facets == first.facets
    assert "elasticsearch failed; the database answers" in caplog.text


def test_the_breaker_skips_a_dead_cluster_for_a_while(service, monkeypatch):
    service.primary.client = dead_client()
    service.search(SearchQuery(text="meetings"))
    calls = []
    monkeypatch.setattr(service.primary, "search", lambda query: calls.append(query))
    assert service.search(SearchQuery(text="meetings")).backend == "database"
    assert calls == []


def test_publishing_still_works_when_elasticsearch_is_down(service, caplog):
    page_id = service.search(SearchQuery(text="budget")).hits[0].page_id
    service.primary.client = dead_client()
    with caplog.at_level(logging.ERROR, logger="search.service"):
        service.delete([page_id])
    assert "missed an update" in caplog.text
    assert page_id not in DatabaseBackend().digests()


def test_stop_words_alone_list_the_newest_on_either_backend(service):
    on_elasticsearch = service.search(
        SearchQuery(text="the of and", selected={"type": ("case-study",)})
    )
    service.primary.client = dead_client()
    on_database = service.search(
        SearchQuery(text="the of and", selected={"type": ("case-study",)})
    )
    assert on_elasticsearch.query.sort == on_database.query.sort == "newest"
    assert titles(on_elasticsearch) == titles(on_database)
    assert titles(on_database) == ["Meetings online", "Budget votes", "Virtual meetings"]


def test_a_page_deeper_than_elasticsearch_allows_is_the_last_reachable_one(service):
    results = service.search(SearchQuery(page=5000, page_size=10))
    assert results.backend == "elasticsearch"
    assert results.query.page == 1


def test_after_a_failed_write_the_next_ones_skip_the_cluster_for_a_while(
    service, monkeypatch, caplog
):
    """A hung cluster costs one publish a timeout, not every publish."""
    page_ids = [hit.page_id for hit in service.search(SearchQuery(text="meetings")).hits]
    assert len(page_ids) == 2
    service.primary.client = dead_client()
    service.delete(page_ids[:1])
    calls = []
    monkeypatch.setattr(service.primary, "delete", lambda ids: calls.append(ids))
    with caplog.at_level(logging.ERROR, logger="search.service"):
        service.delete(page_ids[1:])
    assert calls == []
    assert "circuit breaker is open" in caplog.text
    assert not set(page_ids) & set(DatabaseBackend().digests())


def test_matching_ids_come_from_the_database_when_elasticsearch_is_down(service):
    query = SearchQuery(text="meetings", sort="title")
    first = service.matching_ids(query)
    service.primary.client = dead_client()
    assert service.matching_ids(query) == first
    assert [fresh(pk).title for pk in first] == ["Meetings online", "Virtual meetings"]
    assert service.breaker.is_open
