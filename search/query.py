"""What a search asks for and what it answers, shared by every backend.

Backends take a `SearchQuery` (already validated by `search.forms.SearchForm`) and return
`SearchResults`; views never branch on which backend answered (the API only names it).
"""

import math
import re
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy, pgettext_lazy

from network_site.pages import Provenance

SORTS = {
    "relevance": gettext_lazy("Relevance"),
    "newest": gettext_lazy("Newest first"),
    "title": pgettext_lazy("sort by", "Title"),
}

MAX_QUERY_LENGTH = 200
# Hits beyond this are never paged to: Elasticsearch refuses deeper pages by default.
MAX_RESULT_WINDOW = 10_000
MAX_TERMS = 16
PAGE_SIZE = 10

# Words too common to search on; the same list as Lucene's English analyzer, so that both
# backends ignore the same words.
STOP_WORDS = frozenset(
    {
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "for",
        "if",
        "in",
        "into",
        "is",
        "it",
        "no",
        "not",
        "of",
        "on",
        "or",
        "such",
        "that",
        "the",
        "their",
        "then",
        "there",
        "these",
        "they",
        "this",
        "to",
        "was",
        "will",
        "with",
    }
)
WORD = re.compile(r"[^\W_]+")


def terms_of(text):
    """The words of a query that are searched for: letters and digits only, lower case,
    without stop words, at most MAX_TERMS. Operators and syntax (quotes, brackets, AND, *,
    field:value) are just words or nothing here, so no input can break a backend's parser."""
    words = [word.casefold() for word in WORD.findall(text)]
    return tuple(dict.fromkeys(w for w in words if w not in STOP_WORDS))[:MAX_TERMS]


def page_number(value):
    """A page number from a URL parameter: anything but a sensible positive number is 1."""
    value = str(value or "").strip()
    if value.isascii() and value.isdecimal() and len(value) < 7 and int(value) > 0:
        return int(value)
    return 1


@dataclass(frozen=True)
class SearchQuery:
    """A validated search: the words, the selected facet values, the order and the page."""

    text: str = ""
    selected: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    page_size: int = PAGE_SIZE
    locale: str = "en"

    @property
    def terms(self):
        return terms_of(self.text)

    def selected_values(self, facet):
        return self.selected.get(facet, ())

    @property
    def offset(self):
        return (self.page - 1) * self.page_size


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Hit:
    """One result: enough to show a result card and link to the page."""

    page_id: int
    title: str
    url: str
    type: dict  # {"slug": "case-study", "label": "Case study"}
    city: dict | None  # {"slug": "tartu", "label": "Tartu"}
    themes: list[dict]  # [{"slug": "governance", "label": "Governance"}, ...]
    year: int | None
    snippet: str  # HTML: escaped text with the matched words in <mark>
    provenance: dict | None = None  # {"slug": "mixed", "label": "Partly documented"}
    # The language of the title and snippet: the reader's, or "en" for an English fallback.
    language: str = "en"

    @property
    def provenance_level(self):
        """The hit's `Provenance`, for its badge (None for a page type without one)."""
        return Provenance(self.provenance["slug"]) if self.provenance else None


@dataclass
class BackendResults:
    """What a backend answers: raw documents and counts; the service adds labels and order.

    `hits` are (document, snippet) pairs: the stored document dict and an HTML snippet made
    with `search.highlight`. `counts` maps each facet to {value: count}, each count computed
    with every other facet's selection applied but not its own (disjunctive faceting).
    """

    total: int
    hits: list[tuple[dict, str]]
    counts: dict[str, dict[str, int]]


@dataclass
class SearchResults:
    query: SearchQuery
    total: int
    hits: list[Hit]
    facets: dict[str, list[FacetValue]]
    backend: str

    @property
    def pages(self):
        reachable = min(self.total, MAX_RESULT_WINDOW)
        return max(1, math.ceil(reachable / self.query.page_size))

    def as_page(self):
        """A paginator page over the result count, for the shared pagination links."""
        return Paginator(range(self.total), self.query.page_size).get_page(self.query.page)
