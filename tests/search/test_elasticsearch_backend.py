"""What only the Elasticsearch backend does: its alias, its writes and its failures.

The matching, ordering and counting rules both backends share are tested in
`test_backends.py`; here the documents are plain dicts, with no pages behind them.
"""

import socket
import time

import pytest

from search.backends.base import SearchUnavailable
from search.backends.elasticsearch import ElasticsearchBackend
from search.query import SearchQuery

from .sample_documents import document


def titles(backend, **query):
    return [doc["title"] for doc, _snippet in backend.search(SearchQuery(**query)).hits]


def concrete_indices(backend):
    return set(backend.client.indices.get(index=f"{backend.alias}-*"))


def test_rebuild_moves_the_alias_with_no_moment_without_an_index(elasticsearch_backend):
    backend = elasticsearch_backend
    backend.rebuild([document(1, "Old budget"), document(2, "Old meetings")])
    (first_index,) = concrete_indices(backend)
    seen_during_rebuild = []

    def new_documents():
        yield document(3, "New budget")
        seen_during_rebuild.append(titles(backend, sort="title"))
        yield document(4, "New meetings")

    backend.rebuild(new_documents())

    assert seen_during_rebuild == [["Old budget", "Old meetings"]]
    assert titles(backend, sort="title") == ["New budget", "New meetings"]
    (second_index,) = concrete_indices(backend)
    assert second_index != first_index
    assert set(backend.client.indices.get_alias(name=backend.alias)) == {second_index}


def test_a_write_before_the_first_rebuild_is_refused(elasticsearch_backend):
    """A one-page index would answer every search; until a rebuild the database answers."""
    with pytest.raises(SearchUnavailable, match="search_index rebuild"):
        elasticsearch_backend.index([document(1, "Participatory budget")])
    assert concrete_indices(elasticsearch_backend) == set()


def test_a_published_or_deleted_page_shows_at_once(elasticsearch_backend):
    backend = elasticsearch_backend
    backend.rebuild([document(1, "Participatory budget"), document(2, "Virtual meetings")])

    backend.index([document(1, "Participatory budgeting"), document(3, "Budget hearings")])
    assert titles(backend, text="budget", sort="title") == [
        "Budget hearings",
        "Participatory budgeting",
    ]

    backend.delete([1, 999])  # an unknown id is ignored
    assert titles(backend, sort="title") == ["Budget hearings", "Virtual meetings"]


def test_digests_fingerprint_every_document(elasticsearch_backend):
    assert elasticsearch_backend.digests() == {}
    documents = [document(pk, f"Page {pk}") for pk in range(1, 8)]
    elasticsearch_backend.rebuild(documents)

    assert elasticsearch_backend.digests() == {doc["id"]: doc["digest"] for doc in documents}


def test_a_dead_cluster_fails_fast():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again before the backend connects
    backend = ElasticsearchBackend(url=f"http://127.0.0.1:{port}", timeout=1)

    started = time.monotonic()
    with pytest.raises(SearchUnavailable):
        backend.search(SearchQuery(text="budget"))
    assert time.monotonic() - started < 2
    with pytest.raises(SearchUnavailable):
        backend.index([document(1, "Participatory budget")])


def test_words_are_stemmed_and_marked_in_the_snippet(elasticsearch_backend):
    elasticsearch_backend.rebuild(
        [
            document(1, "Budgets", summary="How the city <b>votes</b>.", body="Cities vote."),
            document(2, "Meetings", summary="Meeting online.", locale="et"),
        ]
    )

    ((doc, snippet),) = elasticsearch_backend.search(SearchQuery(text="voting")).hits
    assert doc["title"] == "Budgets"
    assert snippet == "How the city &lt;b&gt;<mark>votes</mark>&lt;/b&gt;."
    assert titles(elasticsearch_backend, text="online", locale="et") == ["Meetings"]


def test_a_match_at_either_end_of_the_snippet_is_marked(elasticsearch_backend):
    # The highlighter trims white space and control characters off the ends of a fragment;
    # the markers must survive that.
    elasticsearch_backend.rebuild(
        [
            document(1, "First", summary="Votes decide."),
            document(2, "Last", body="Residents cast votes"),
            document(3, "Whole", summary="Voting"),
        ]
    )

    hits = elasticsearch_backend.search(SearchQuery(text="vote", sort="title")).hits
    assert [snippet for _doc, snippet in hits] == [
        "<mark>Votes</mark> decide.",
        "Residents cast <mark>votes</mark>",
        "<mark>Voting</mark>",
    ]


def test_newest_puts_undated_documents_last(elasticsearch_backend):
    elasticsearch_backend.rebuild(
        [
            document(1, "Undated"),
            document(2, "Older", date="2016-04-01"),
            document(3, "Newer", date="2019-10-15"),
        ]
    )

    assert titles(elasticsearch_backend, sort="newest") == ["Newer", "Older", "Undated"]


def test_each_facet_counts_with_the_other_facets_selections(elasticsearch_backend):
    elasticsearch_backend.rebuild(
        [
            document(1, "Bus lanes", body="transport", theme=["governance"], city="tartu",
                     country="EE", year=2016),
            document(2, "Bike loans", body="transport", theme=["governance", "environment"],
                     city="ghent", country="BE", year=2018),
            document(3, "Tree map", body="parks", theme=["environment"], city="tartu",
                     country="EE", year=2018, type="guide"),
            document(4, "Night buses", body="transport", theme=["inclusion"], city="ghent",
                     country="BE", year=2016, type="update"),
            document(5, "Bus lanes (fr)", body="transport", theme=["governance"],
                     city="tartu", country="EE", year=2016, locale="fr"),
        ]
    )  # fmt: skip
    query = SearchQuery(
        text="transports",
        selected={"theme": ("governance", "environment"), "city": ("tartu",)},
    )

    results = elasticsearch_backend.search(query)

    assert results.total == 1
    assert [doc["title"] for doc, _snippet in results.hits] == ["Bus lanes"]
    assert results.counts == {
        "theme": {"governance": 1},  # city=tartu applied, not the theme selection
        "city": {"tartu": 1, "ghent": 1},  # themes applied, not city=tartu
        "country": {"EE": 1},
        "channel": {},
        "type": {"case-study": 1},
        "year": {"2016": 1},
    }
    by_year = elasticsearch_backend.search(SearchQuery(selected={"year": ("2018",)}))
    assert sorted(doc["title"] for doc, _snippet in by_year.hits) == ["Bike loans", "Tree map"]
    assert by_year.counts["year"] == {"2016": 2, "2018": 2}
