"""The Elasticsearch backend, built with elasticsearch-dsl.

Documents live in a timestamped index, `<prefix>pages-<UTC time>`, behind the alias
`<prefix>pages`. A rebuild fills a new index and then moves the alias in one atomic
`update_aliases` call, so searches always have an index to answer from.

**Languages.** The text fields hold one sub-field per language (`title.ro`, `body.it`),
each analysed by that language's analyser; a document fills only its own language's (the
document dicts keep plain strings: `to_source` and `from_source` convert). The analysers
are Elasticsearch's language analysers rebuilt as custom ones (lower case, the language's
stop words, elision for French and Italian, its stemmer) with ASCII folding added before
the stemmer, keeping the original token too: a word typed without its diacritics matches,
and the stemmer still sees the accented word. The stemmers are Snowball's, the ones the
database backends use, and Lucene's Bulgarian stemmer (Snowball has none). A search in a
language queries its own sub-fields and English's (for the English fallbacks), filtered on
`shown_in`.
"""

from contextlib import contextmanager
from datetime import UTC, datetime

from elasticsearch import ApiError, Elasticsearch, TransportError
from elasticsearch.dsl import (
    Date,
    Document,
    FacetedSearch,
    Index,
    Integer,
    Keyword,
    Object,
    TermsFacet,
    Text,
)
from elasticsearch.helpers import BulkIndexError, ScanError, bulk

from network_site.languages import SOURCE_LANGUAGE, language_codes
from search.analysis import LANGUAGE_NAMES
from search.backends.base import SearchBackend, SearchUnavailable
from search.facets import FACETS
from search.highlight import END, START, marked_to_html, plain_snippet
from search.query import BackendResults

FACET_SIZE = 1000  # more values than any facet has, so that every value gets its count
SNIPPET_CHARS = 200
CHUNK_SIZE = 500
REBUILD_TIMEOUT = 60.0  # seconds; a rebuild is a command, not a reader waiting for a page

SORTS = {
    "relevance": ["_score", "sort_title"],
    "newest": [{"date": {"order": "desc", "missing": "_last"}}, "sort_title"],
    "title": ["sort_title"],
}


TEXT_FIELDS = ("title", "summary", "body")
# The stemming token filter of each language.
STEMMERS = {
    language: {"type": "stemmer", "language": "bulgarian"}
    if name == "bulgarian"
    else {"type": "snowball", "language": name.title()}
    for language, name in LANGUAGE_NAMES.items()
}
# Elasticsearch's stop word list of each language; the English one is the list of
# search.query.STOP_WORDS.
STOP_WORDS = {language: f"_{name}_" for language, name in LANGUAGE_NAMES.items()}
# The articles the French and Italian analysers strip from "l'", "dell'" (Elasticsearch's).
ELISIONS = {
    "fr": ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"],
    "it": [
        "c", "l", "all", "dall", "dell", "nell", "sull", "coll", "pell", "gl", "agl", "dagl",
        "degl", "negl", "sugl", "un", "m", "t", "s", "v", "d",
    ],
}  # fmt: skip


def analyzer_name(language):
    return f"{language}_text"


def language_analysis(stemmers=STEMMERS, stop_words=STOP_WORDS):
    """The index's `analysis` settings: one analyser per language of the site (see the
    module docstring), from these stemmers and stop word lists; a language missing from
    them is analysed without."""
    filters = {"folding": {"type": "asciifolding", "preserve_original": True}}
    analyzers = {}
    for language in language_codes():
        chain = ["lowercase"]
        if language in ELISIONS:
            filters[f"{language}_elision"] = {
                "type": "elision",
                "articles": ELISIONS[language],
                "articles_case": True,
            }
            chain.insert(0, f"{language}_elision")
        if language in stop_words:
            filters[f"{language}_stop"] = {"type": "stop", "stopwords": stop_words[language]}
            chain.append(f"{language}_stop")
        chain.append("folding")
        if language in stemmers:
            filters[f"{language}_stemmer"] = stemmers[language]
            chain.append(f"{language}_stemmer")
        analyzers[analyzer_name(language)] = {
            "type": "custom",
            "tokenizer": "standard",
            "filter": chain,
        }
    return {"filter": filters, "analyzer": analyzers}


def text_in_every_language():
    """A text field with a sub-field per language, each with its language's analyser."""
    return Object(
        properties={
            language: Text(analyzer=analyzer_name(language)) for language in language_codes()
        }
    )


def to_source(document):
    """The document as Elasticsearch stores it: its text under its language."""
    language = document["locale"]
    return {**document, **{field: {language: document[field]} for field in TEXT_FIELDS}}


def from_source(source):
    """The document dict back from what Elasticsearch stores (`to_source`)."""
    language = source["locale"]
    return {**source, **{field: source[field].get(language, "") for field in TEXT_FIELDS}}


class PageDocument(Document):
    """The Elasticsearch mapping of a `search.documents.build_document` dict (as
    `to_source` stores it).

    Text has a sub-field per language (see the module docstring); facets, sort keys and
    the languages that find a page (`shown_in`) are keywords. The backend names the index
    itself (a timestamped index behind an alias), so there is no `Index.name` here.
    """

    id = Integer()
    locale = Keyword()
    translation_key = Keyword(index=False)
    shown_in = Keyword(multi=True)
    type = Keyword(multi=True)
    title = text_in_every_language()
    sort_title = Keyword()
    url = Keyword(index=False)
    city = Keyword(multi=True)
    country = Keyword(multi=True)
    theme = Keyword(multi=True)
    channel = Keyword(multi=True)
    year = Integer(multi=True)
    date = Date()
    summary = text_in_every_language()
    body = text_in_every_language()
    provenance = Keyword(index=False)
    digest = Keyword()


@contextmanager
def unavailable():
    """Turn any failure to reach or use the cluster into SearchUnavailable."""
    try:
        yield
    except (ApiError, TransportError, BulkIndexError, ScanError) as exc:
        raise SearchUnavailable(f"Elasticsearch: {exc}") from exc


class PageSearch(FacetedSearch):
    """One search request: the words, the reader's language, the facets and their counts.

    FacetedSearch puts the selected facet values in a `post_filter` (so they narrow the hits
    but not the aggregations) and computes each facet's terms aggregation inside a `filter`
    aggregation holding every *other* facet's selection: disjunctive counts.
    """

    facets = {name: TermsFacet(field=name, size=FACET_SIZE, min_doc_count=1) for name in FACETS}

    def __init__(self, query, *, using, index):
        # FacetedSearch builds the request in __init__, so these must be set first.
        self.using = using
        self.index = index
        self.locale = query.locale
        # The reader's language, and English for the fallbacks.
        self.languages = list(dict.fromkeys([query.locale, SOURCE_LANGUAGE]))
        self.fields = [
            f"{field}.{language}{'^2' if field == 'title' else ''}"
            for language in self.languages
            for field in TEXT_FIELDS
        ]
        super().__init__(
            " ".join(query.terms),
            filters={
                name: list(query.selected_values(name))
                for name in FACETS
                if query.selected_values(name)
            },
            sort=SORTS[query.sort],
        )

    def search(self):
        search = super().search().filter("term", shown_in=self.locale)
        return search.extra(track_total_hits=True)

    def query(self, search, query):
        if not query:
            return search  # no words: every document found in the language matches
        return search.query("multi_match", query=query, fields=self.fields, operator="or")

    def highlight(self, search):
        if not self._query:
            return search  # nothing to mark; snippets fall back to the summary
        fields = [
            f"{field}.{language}" for field in ("summary", "body") for language in self.languages
        ]
        return search.highlight(
            *fields, number_of_fragments=1, fragment_size=SNIPPET_CHARS
        ).highlight_options(pre_tags=[START], post_tags=[END])


def snippet(document, highlight):
    """The first highlighted fragment (summary before body), else the start of the summary.

    No `no_match_size` is asked for, so a field has a fragment only when it matched: a
    fragment without a match would hide a body match behind the summary's first words.
    """
    for field in ("summary", "body"):
        if fragments := highlight.get(f"{field}.{document['locale']}"):
            return marked_to_html(fragments[0])
    return plain_snippet(document.get("summary"))


class ElasticsearchBackend(SearchBackend):
    """Stores and searches documents in Elasticsearch, behind the alias `<prefix>pages`.

    Searches use the short `timeout` and no retries, so that a dead or slow cluster fails
    fast and the service can fall back to the database. Writes from `index` and `delete`
    wait for the refresh (`refresh="wait_for"`): a published page is searchable when the
    call returns, without forcing an extra refresh per publish as `refresh=True` would.
    """

    name = "elasticsearch"

    def __init__(
        self,
        url="http://localhost:9200",
        index_prefix="",
        timeout=2.0,
        client=None,
        analysis=None,
    ):
        """`analysis`: the index's analysis settings, by default `language_analysis()`; a
        stand-in server that lacks some of its filters can be given fewer."""
        self.client = client or Elasticsearch(
            url, request_timeout=timeout, max_retries=0, retry_on_timeout=False
        )
        self.alias = f"{index_prefix}pages"
        self.analysis = analysis or language_analysis()

    @unavailable()
    def search(self, query):
        request = PageSearch(query, using=self.client, index=self.alias)
        response = request[query.offset : query.offset + query.page_size].execute()
        hits = [
            (
                document := from_source(hit.to_dict()),
                snippet(document, hit.meta.to_dict().get("highlight", {})),
            )
            for hit in response
        ]
        counts = {
            name: {str(value): count for value, count, _selected in response.facets[name]}
            for name in FACETS
        }
        return BackendResults(total=response.hits.total.value, hits=hits, counts=counts)

    @unavailable()
    def matching_ids(self, query, limit):
        """The ids of the first `limit` pages the search finds, in its order: the query,
        filters and sort of a search page (`PageSearch`), without aggregations, highlights
        or the documents' sources."""
        request = PageSearch(query, using=self.client, index=self.alias)
        search = request.sort(request.filter(request.query(request.search(), request._query)))
        response = search.source(False).extra(track_total_hits=False)[:limit].execute()
        return [int(hit.meta.id) for hit in response]

    @unavailable()
    def index(self, documents):
        documents = list(documents)
        if not documents:
            return
        if not self._has_alias():
            # No index yet: a one-page index would answer every search with that page. The
            # database answers until `search_index rebuild` creates the index.
            raise SearchUnavailable(f"No index {self.alias} yet: run search_index rebuild.")
        bulk(self.client, self._actions(documents), chunk_size=CHUNK_SIZE, refresh="wait_for")

    @unavailable()
    def delete(self, page_ids):
        page_ids = list(page_ids)
        if not page_ids or not self._has_alias():
            return
        actions = ({"_op_type": "delete", "_index": self.alias, "_id": pk} for pk in page_ids)
        bulk(self.client, actions, refresh="wait_for", ignore_status=404)

    @unavailable()
    def rebuild(self, documents):
        """Fill a new index, point the alias at it, then drop the indices it replaced.

        The alias moves in one `update_aliases` call, so there is no moment without an
        index. Writes made by `index`/`delete` while a rebuild runs go to the old index and
        are lost if the rebuild read the page before; `search_index check` finds those.
        """
        client = self.client.options(request_timeout=REBUILD_TIMEOUT)
        new = f"{self.alias}-{datetime.now(UTC):%Y%m%d%H%M%S%f}"
        index = Index(new, using=client)
        index.settings(analysis=self.analysis)
        index.mapping(PageDocument._doc_type.mapping)
        index.create()
        try:
            bulk(client, self._actions(documents, index=new), chunk_size=CHUNK_SIZE)
            client.indices.refresh(index=new)
            old = list(client.indices.get_alias(name=self.alias)) if self._has_alias() else []
            client.indices.update_aliases(
                actions=[{"remove": {"index": name, "alias": self.alias}} for name in old]
                + [{"add": {"index": new, "alias": self.alias}}]
            )
        except BaseException:
            client.options(ignore_status=404).indices.delete(index=new)
            raise
        if old:
            client.indices.delete(index=",".join(old))

    @unavailable()
    def digests(self):
        if not self._has_alias():
            return {}
        search = PageDocument.search(using=self.client, index=self.alias).source(["digest"])
        return {int(document.meta.id): document.digest for document in search.scan()}

    def _has_alias(self):
        return bool(self.client.indices.exists_alias(name=self.alias))

    def _actions(self, documents, index=None):
        for document in documents:
            yield {
                "_index": index or self.alias,
                "_id": document["id"],
                "_source": to_source(document),
            }
