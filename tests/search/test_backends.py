"""One suite, every backend: the same documents and queries give the same hits and counts.

The `backend` fixture runs each test against the database backend and, through the
`elasticsearch_backend` fixture, against Elasticsearch (a real cluster when
ELASTICSEARCH_URL is set, otherwise the in-memory osmem server).
"""

import re

import pytest

from search.backends.database import DatabaseBackend
from search.query import SearchQuery

from .sample_documents import SAMPLE, document

BACKENDS = ["database", "elasticsearch"]


@pytest.fixture(params=BACKENDS)
def backend(request, db):
    if request.param == "database":
        backend = DatabaseBackend()
    else:
        backend = request.getfixturevalue("elasticsearch_backend")
    backend.rebuild(SAMPLE)
    return backend


def ids(results):
    return [document["id"] for document, _ in results.hits]


def search(backend, text="", sort=None, **selected):
    return backend.search(
        SearchQuery(
            text=text,
            selected={facet: tuple(values) for facet, values in selected.items()},
            sort=sort or ("relevance" if text else "newest"),
            page_size=20,
        )
    )


def test_words_find_pages_stemmed_in_any_field(backend):
    assert sorted(ids(search(backend, "complaint"))) == [1]
    assert sorted(ids(search(backend, "meeting"))) == [2, 6]
    assert sorted(ids(search(backend, "cycling plan"))) == [2, 3]


def test_more_matching_words_rank_higher(backend):
    assert ids(search(backend, "virtual meetings development plans"))[0] == 2


def test_no_words_lists_everything_in_the_locale_newest_first(backend):
    assert ids(search(backend)) == [3, 5, 4, 2, 1, 6]


def test_sort_by_title(backend):
    assert ids(search(backend, sort="title")) == [5, 3, 4, 1, 6, 2]


def test_values_of_one_facet_are_ored_and_facets_anded(backend):
    assert sorted(ids(search(backend, theme=["environment", "economy"]))) == [3, 4]
    assert sorted(ids(search(backend, theme=["governance"], city=["tartu"]))) == [2]


def test_each_facet_counts_without_its_own_selection(backend):
    results = search(backend, theme=["governance"], city=["tartu"])
    assert results.total == 1
    assert results.counts["theme"] == {"governance": 1, "inclusion": 1, "environment": 1}
    assert results.counts["city"] == {"alba-iulia": 1, "tartu": 1, "ghent": 1}
    assert results.counts["type"] == {"case-study": 1}
    assert results.counts["year"] == {"2017": 1}


def test_counts_cover_every_value(backend):
    results = search(backend)
    assert results.counts["channel"] == {
        "facebook": 1,
        "twitter-x": 1,
        "virtual-meetings": 2,
        "city-website": 1,
        "participation-platform": 1,
    }
    assert results.counts["type"] == {"case-study": 4, "guide": 1, "city": 1}


def test_words_and_facets_together(backend):
    results = search(backend, "online", theme=["governance"])
    assert sorted(ids(results)) == [2, 4]
    assert results.counts["theme"] == {
        "governance": 2,
        "inclusion": 1,
        "economy": 1,
        "environment": 1,
    }


def test_pages_of_results(backend):
    first = backend.search(SearchQuery(sort="title", page=1, page_size=4))
    second = backend.search(SearchQuery(sort="title", page=2, page_size=4))
    assert first.total == second.total == 6
    assert ids(first) + ids(second) == [5, 3, 4, 1, 6, 2]


def test_snippets_mark_the_words_and_escape_the_rest(backend):
    backend.index([document(8, "Markup", 'complaints <img src=x onerror="alert(1)"> & more')])
    snippet = {d["id"]: s for d, s in search(backend, "complaints").hits}[8]
    assert "<mark>complaints</mark>" in snippet
    assert "<" not in re.sub(r"</?mark>", "", snippet)


def test_index_replaces_and_delete_removes(backend):
    backend.index([document(3, "Cycling counts online", "Now about walking.")])
    assert ids(search(backend, "walking")) == [3]
    assert ids(search(backend, "bike")) == []
    backend.delete([3, 999])
    assert 3 not in ids(search(backend))


def test_digests_tell_what_is_indexed(backend):
    assert backend.digests() == {doc["id"]: doc["digest"] for doc in SAMPLE}


def test_other_locales_are_not_found(backend):
    assert ids(search(backend, "réunions")) == []


def test_matching_ids_are_every_hit_in_order_without_a_page(backend):
    """What exports ask for: every id a search finds, in its order, however many pages."""
    query = SearchQuery(text="online", selected={"theme": ("governance",)}, page_size=1)
    assert backend.matching_ids(query, limit=100) == ids(
        search(backend, "online", theme=["governance"])
    )
    assert backend.matching_ids(SearchQuery(sort="title"), limit=100) == [5, 3, 4, 1, 6, 2]
    assert backend.matching_ids(SearchQuery(sort="title"), limit=2) == [5, 3]
    assert backend.matching_ids(SearchQuery(text="réunions"), limit=100) == []
