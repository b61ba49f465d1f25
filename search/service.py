"""The search service: the one interface views and commands use, whatever the backend.

The database backend always holds a current index, so it can answer when Elasticsearch is
down, slow or erroring. With ELASTICSEARCH_URL set, Elasticsearch answers searches; after a
failure a short circuit breaker sends searches straight to the database, and skips
Elasticsearch's writes, for a while, so a dead or hung cluster does not cost every request
or every publish a timeout.
"""

import dataclasses
import logging
import time
from functools import lru_cache

from django.conf import settings
from django.db.models import Q

from network_site.pages import Provenance, readable_pages

from .backends.base import SearchUnavailable
from .backends.database import DatabaseBackend
from .facets import DESCENDING, facet_labels
from .query import MAX_RESULT_WINDOW, FacetValue, Hit, SearchResults

logger = logging.getLogger(__name__)


class CircuitBreaker:
    """Open for `seconds` after a failure: while open, callers skip the failing backend."""

    def __init__(self, seconds):
        self.seconds = seconds
        self.open_until = 0.0

    @property
    def is_open(self):
        return time.monotonic() < self.open_until

    def trip(self):
        self.open_until = time.monotonic() + self.seconds


class SearchService:
    """Searches with the primary backend, falling back to the database backend."""

    def __init__(self, primary=None, database=None, breaker_seconds=30):
        self.database = database or DatabaseBackend()
        self.primary = primary or self.database
        self.breaker = CircuitBreaker(breaker_seconds)

    @property
    def backends(self):
        """Every backend that must hold a current index."""
        return [self.database] if self.primary is self.database else [self.database, self.primary]

    def search(self, query, labels=None):
        """Search; a page past the end gives the last page (the query in the results says
        which page that is). Relevance needs words: without any, the newest come first.

        `labels` are the facet labels (`search.facets.facet_labels()`), when the caller has
        read them already (the search form has, for its choices).
        """
        labels = labels or facet_labels(query.locale)
        if query.sort == "relevance" and not query.terms:
            query = dataclasses.replace(query, sort="newest")
        last_reachable = MAX_RESULT_WINDOW // query.page_size
        if query.page > last_reachable:
            query = dataclasses.replace(query, page=last_reachable)
        results = self.fetch_page(query, labels)
        if query.page > results.pages:
            results = self.fetch_page(dataclasses.replace(query, page=results.pages), labels)
        return results

    def fetch_page(self, query, labels):
        """One page of results, from the primary backend or, failing that, the database."""
        raw, backend = None, self.database
        if self.primary is not self.database and not self.breaker.is_open:
            try:
                raw, backend = self.primary.search(query), self.primary
            except SearchUnavailable:
                logger.warning(
                    "Search backend %s failed; the database answers.",
                    self.primary.name,
                    exc_info=True,
                )
                self.breaker.trip()
        if raw is None:
            raw = self.database.search(query)
        shown, urls = readable_and_localised([document for document, _ in raw.hits], query)
        label_of = {facet: dict(pairs) for facet, pairs in labels.items()}
        return SearchResults(
            query=query,
            total=raw.total,
            hits=[
                self.hit(document, snippet, label_of, urls)
                for document, snippet in raw.hits
                if document["id"] in shown
            ],
            facets=self.facets(query, raw.counts, labels),
            backend=backend.name,
        )

    def matching_ids(self, query):
        """The ids of every page `query` finds (words, facets, the reader's language), in its
        order, up to MAX_RESULT_WINDOW: for exports, which apply the reader rule and their
        own order to them. No snippets, counts or documents are read. Like `search`, the
        database answers when the primary backend fails.

        A search in a language finds English originals as fallbacks (see
        `search.documents`): the ids are those of the pages indexed, not of their versions
        in the reader's language tree."""
        if self.primary is not self.database and not self.breaker.is_open:
            try:
                return self.primary.matching_ids(query, MAX_RESULT_WINDOW)
            except SearchUnavailable:
                logger.warning(
                    "Search backend %s failed; the database answers.",
                    self.primary.name,
                    exc_info=True,
                )
                self.breaker.trip()
        return self.database.matching_ids(query, MAX_RESULT_WINDOW)

    def index(self, documents):
        self.write("index", list(documents))

    def delete(self, page_ids):
        self.write("delete", list(page_ids))

    def write(self, operation, items):
        """Apply a write to every backend. A failing search server never blocks an editor:
        the failure is logged, trips the circuit breaker (so that the writes after it skip
        a hung server for a while instead of each waiting for its timeout), and `manage.py
        search_index check` shows what it missed."""
        if not items:
            return
        for backend in self.backends:
            if backend is not self.database and self.breaker.is_open:
                self.missed(backend, operation, items, "its circuit breaker is open")
                continue
            try:
                getattr(backend, operation)(items)
            except SearchUnavailable as error:
                self.missed(backend, operation, items, error)
                if backend is not self.database:
                    self.breaker.trip()

    @staticmethod
    def missed(backend, operation, items, reason):
        logger.error(
            "Search backend %s missed an update (%s of %d items): %s",
            backend.name,
            operation,
            len(items),
            reason,
        )

    @staticmethod
    def hit(document, snippet, label_of, urls):
        def labelled(facet, value):
            return {"slug": value, "label": label_of[facet].get(value, value)}

        kind = document["type"][0]
        provenance = document.get("provenance")
        return Hit(
            page_id=document["id"],
            title=document["title"],
            url=urls.get(document["translation_key"], document["url"]),
            language=document["locale"],
            type=labelled("type", kind),
            city=next((labelled("city", city) for city in document["city"]), None),
            themes=[labelled("theme", theme) for theme in document["theme"]],
            year=next(iter(document["year"]), None),
            snippet=snippet,
            provenance=provenance and {"slug": provenance, "label": Provenance(provenance).label},
        )

    def facets(self, query, counts, labels_by_facet):
        """Every facet's values with labels, in reading order; selected values always shown."""
        facets = {}
        for facet, labels in labels_by_facet.items():
            facet_counts = counts.get(facet, {})
            selected = set(query.selected_values(facet))
            values = [
                FacetValue(value, label, facet_counts.get(value, 0), value in selected)
                for value, label in labels
                if value in facet_counts or value in selected
            ]
            known = {value for value, _ in labels}
            unlabelled = {value: facet_counts.get(value, 0) for value in selected - known}
            unlabelled.update((v, c) for v, c in facet_counts.items() if v not in known)
            values += [
                FacetValue(value, value, count, value in selected)
                for value, count in sorted(unlabelled.items(), reverse=facet in DESCENDING)
            ]
            facets[facet] = values
        return facets


def readable_and_localised(documents, query):
    """(the ids of the hits' pages readers may see, {translation key: URL} of the page in
    the reader's language tree for each English fallback among them), in one query.

    An index can lag behind the site (a missed write while a server was down): a page
    readers may no longer see is never shown. An English fallback links to its version in
    the reader's language (the alias), so that the interface stays in that language; to the
    English page itself if that version cannot be read.
    """
    ids = [document["id"] for document in documents]
    fallback_keys = [
        document["translation_key"] for document in documents if document["locale"] != query.locale
    ]
    if not fallback_keys:
        return set(readable_pages().filter(pk__in=ids).values_list("pk", flat=True)), {}
    pages = readable_pages().filter(
        Q(pk__in=ids) | Q(locale__language_code=query.locale, translation_key__in=fallback_keys)
    )
    pages = list(pages.select_related("locale"))
    localised = {
        str(page.translation_key): page.get_url()
        for page in pages
        if page.locale.language_code == query.locale
    }
    return {page.pk for page in pages}, localised


@lru_cache(maxsize=1)
def build_service(elasticsearch_url, index_prefix, timeout, breaker_seconds):
    """The service for these settings. An ELASTICSEARCH_URL the client refuses (system check
    search.E001) leaves the database to answer alone, with an error in the log, rather than
    every search, listing and publish failing."""
    primary = None
    if elasticsearch_url:
        # Deferred: a site without ELASTICSEARCH_URL never imports the Elasticsearch client.
        from .backends.elasticsearch import ElasticsearchBackend

        try:
            primary = ElasticsearchBackend(
                url=elasticsearch_url, index_prefix=index_prefix, timeout=timeout
            )
        except ValueError:
            logger.error(
                "ELASTICSEARCH_URL is not a URL the Elasticsearch client accepts; searching "
                "the database only. Run manage.py check for details.",
                exc_info=True,
            )
    return SearchService(primary=primary, breaker_seconds=breaker_seconds)


def get_search_service():
    """The process's search service, as configured in settings.SEARCH."""
    config = settings.SEARCH
    return build_service(
        config["ELASTICSEARCH_URL"],
        config["INDEX_PREFIX"],
        config["TIMEOUT"],
        config["CIRCUIT_BREAKER_SECONDS"],
    )
