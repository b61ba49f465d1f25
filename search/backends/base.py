"""The interface every search backend implements."""

from abc import ABC, abstractmethod


class SearchUnavailable(Exception):
    """The backend could not answer (server down, timed out or erroring)."""


class SearchBackend(ABC):
    """Stores documents built by `search.documents.build_document` and searches them.

    Both backends must give the same hits and the same facet counts for the same documents
    and query; `tests/search/test_backends.py` runs one suite against each.
    """

    name: str

    @abstractmethod
    def search(self, query):
        """Answer a `SearchQuery` with `BackendResults`; raise SearchUnavailable if it can't.

        Matching: a document matches if any term of `query.terms` occurs in its title,
        summary or body, stemmed in the document's language, with or without accents;
        documents matching more terms rank higher. No terms: every document matches. Only
        documents whose `shown_in` holds `query.locale` (the reader's language): those in
        that language and the English fallbacks (`search.documents`).
        Filters: within a facet any selected value matches; across facets all must.
        Order: `relevance` (best first), `newest` (`date` descending, then `sort_title`),
        `title` (`sort_title`).
        """

    @abstractmethod
    def matching_ids(self, query, limit):
        """The page ids of the first `limit` documents `search` would find for `query`, in
        its order: the same matching, language and filters, without snippets, counts or
        documents (for exports, which need every match, not a page of them). `page` and
        `page_size` are ignored."""

    @abstractmethod
    def index(self, documents):
        """Add or replace these documents."""

    @abstractmethod
    def delete(self, page_ids):
        """Remove the documents of these pages; unknown ids are ignored."""

    @abstractmethod
    def rebuild(self, documents):
        """Replace the whole index with these documents (an iterable, possibly long)."""

    @abstractmethod
    def digests(self):
        """{page id: digest} for every indexed document, for `search_index check`."""
