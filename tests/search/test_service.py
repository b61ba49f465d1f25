"""The service keeps answering when Elasticsearch is down, slow or erroring."""

import logging

import pytest
from elasticsearch import Elasticsearch

from search.backends.database import DatabaseBackend
from search.query import SearchQuery
from search.service import SearchService

from .sample_documents import SAMPLE

pytestmark = pytest.mark.django_db


def dead_client():
    """A client for a port nothing listens on: every request is refused at once."""
    return Elasticsearch("http://127.0.0.1:9", request_timeout=1, max_retries=0)


@pytest.fixture
def service(elasticsearch_backend):
    service = SearchService(primary=elasticsearch_backend, breaker_seconds=30)
    service.index(SAMPLE)
    return service


def test_elasticsearch_answers_while_it_is_up(service):
    results = service.search(SearchQuery(text="meetings"))
    assert results.backend == "elasticsearch"
    assert {hit.page_id for hit in results.hits} == {2, 6}


def test_the_database_answers_when_elasticsearch_goes_down(service, caplog):
    first = service.search(SearchQuery(text="meetings", selected={"city": ("tartu",)}))
    service.primary.client = dead_client()
    with caplog.at_level(logging.WARNING, logger="search.service"):
        second = service.search(SearchQuery(text="meetings", selected={"city": ("tartu",)}))
    assert (first.backend, second.backend) == ("elasticsearch", "database")
    assert [hit.page_id for hit in second.hits] == [hit.page_id for hit in first.hits]
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
    service.primary.client = dead_client()
    with caplog.at_level(logging.ERROR, logger="search.service"):
        service.delete([1])
    assert "missed an update" in caplog.text
    assert 1 not in DatabaseBackend().digests()
