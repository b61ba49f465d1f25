"""The default search backend: the site's own database, SQLite or PostgreSQL.

Documents are stored in `IndexedDocument`, the languages that find them in `IndexedLocale`,
their facet values in `IndexedFacetValue`, and their words in the `search_fulltext` table
of the database's own kind (see the migration `0004_full_text_per_language`). A search
takes two queries whatever the page size: the page of hits, then the total and every
facet's counts in one UNION ALL. Snippets are made in Python, for the page's hits only
(`search.highlight.marked_snippet`).

Each language is matched in its own way (`search.analysis` explains the word forms): a
search in a language matches its documents with that language's stems and the English
fallbacks with English stems, in one UNION ALL of a full-text match per language.
"""

from django.db import connection, transaction

from network_site.languages import SOURCE_LANGUAGE
from search.analysis import LANGUAGE_NAMES, indexed_text, query_forms, with_unaccented_words
from search.facets import FACETS
from search.highlight import marked_snippet, plain_snippet
from search.models import IndexedDocument, IndexedFacetValue, IndexedLocale
from search.query import BackendResults

from .base import SearchBackend

DOCUMENTS = IndexedDocument._meta.db_table
LOCALES = IndexedLocale._meta.db_table
FACET_VALUES = IndexedFacetValue._meta.db_table
TEXT_FIELDS = ("title", "summary", "body")
# The languages PostgreSQL stems itself, with the text search configurations that the
# migration 0004_full_text_per_language makes: Snowball stemming, no stop words (the
# query side drops those it drops, see search.query.STOP_WORDS). PostgreSQL 15 has no
# Estonian or Bulgarian configuration: those are stemmed (or folded) in Python.
POSTGRES_LANGUAGES = ("en", "it", "ro", "hu", "nl", "fr", "pt", "es")


class SqliteFullText:
    """SQLite FTS5 over the word forms of `search.analysis`, one token each (the table's
    unicode61 tokenizer only splits and lower-cases them); bm25 ranks, the title weighted
    double."""

    page_id = "f.rowid"

    def match(self, language, terms):
        """The condition on `f`: one of the words, as this language reads them."""
        forms = " OR ".join(f'"{form}"' for form in query_forms(language, terms))
        return "search_fulltext MATCH %s", [forms]

    def rank(self, language, terms):
        """How well `f` matches, best lowest."""
        return "bm25(search_fulltext, 2.0, 1.0, 1.0)", []

    def delete(self, cursor, page_ids):
        cursor.executemany(
            "DELETE FROM search_fulltext WHERE rowid = %s", [(i,) for i in page_ids]
        )

    def insert(self, cursor, documents):
        cursor.executemany(
            "INSERT INTO search_fulltext (rowid, title, summary, body, locale) "
            "VALUES (%s, %s, %s, %s, %s)",
            [
                (
                    d["id"],
                    *(indexed_text(d["locale"], d[field] or "") for field in TEXT_FIELDS),
                    d["locale"],
                )
                for d in documents
            ],
        )


class PostgresFullText:
    """PostgreSQL tsvector with a GIN index; the title weighs most. Languages PostgreSQL
    stems use their configuration (`search_<language>`), with the words that carry accents
    added without them (`search.analysis.with_unaccented_words`); the others get the word
    forms of `search.analysis` under the `simple` configuration."""

    def configuration(self, language):
        if language in POSTGRES_LANGUAGES:
            return f"search_{LANGUAGE_NAMES[language]}"
        return "simple"

    def words(self, language, text):
        """What the configuration of `language` reads from a document's text."""
        if language in POSTGRES_LANGUAGES:
            return with_unaccented_words(text)
        return indexed_text(language, text)

    page_id = "f.page_id"

    def tsquery(self, language, terms):
        if language in POSTGRES_LANGUAGES:
            words = list(dict.fromkeys(with_unaccented_words(" ".join(terms)).split()))
        else:
            words = query_forms(language, terms)
        return "to_tsquery(%s::regconfig, %s)", [self.configuration(language), " | ".join(words)]

    def match(self, language, terms):
        """The condition on `f`: one of the words, as this language reads them."""
        tsquery, params = self.tsquery(language, terms)
        return f"f.vector @@ {tsquery}", params

    def rank(self, language, terms):
        """How well `f` matches, best lowest. Weights for D, C, B, A: the title (A) counts
        double the rest (D)."""
        tsquery, params = self.tsquery(language, terms)
        return f"-ts_rank_cd('{{0.5, 0.5, 0.5, 1.0}}', f.vector, {tsquery})", params

    def delete(self, cursor, page_ids):
        cursor.execute("DELETE FROM search_fulltext WHERE page_id = ANY(%s)", [list(page_ids)])

    def insert(self, cursor, documents):
        cursor.executemany(
            "INSERT INTO search_fulltext (page_id, locale, vector) VALUES (%s, %s, "
            "setweight(to_tsvector(%s::regconfig, %s), 'A') "
            "|| to_tsvector(%s::regconfig, %s))",
            [
                (
                    d["id"],
                    d["locale"],
                    self.configuration(d["locale"]),
                    self.words(d["locale"], d["title"]),
                    self.configuration(d["locale"]),
                    self.words(d["locale"], f"{d['summary'] or ''} {d['body'] or ''}"),
                )
                for d in documents
            ],
        )


FULL_TEXT = {"sqlite": SqliteFullText, "postgresql": PostgresFullText}
ORDER_BY = {"newest": "d.date DESC NULLS LAST, d.sort_title", "title": "d.sort_title"}


def facet_rows(document):
    """The (facet, value) pairs of a document, values as strings."""
    for facet in FACETS:
        value = document.get(facet)
        for item in value if isinstance(value, list) else [value]:
            if item not in (None, ""):
                yield facet, str(item)


class DatabaseBackend(SearchBackend):
    """Searches the site's own database; needs no other server."""

    name = "database"

    @property
    def full_text(self):
        return FULL_TEXT[connection.vendor]()

    def matches(self, query, table):
        """(language, condition, params) for each language a search in `query.locale` finds:
        its own, and English, whose documents must also be fallbacks in that language. The
        condition is on the full-text row `f` and on `table`'s `locale` (`f` or `d`, the
        indexed document: reading the document's is cheaper when it is read anyway). The
        fallback check is a correlated EXISTS, not an IN list: given a list of ids, SQLite
        would probe the full-text table once for each."""
        conditions = []
        for language in dict.fromkeys([query.locale, SOURCE_LANGUAGE]):
            sql, params = self.full_text.match(language, query.terms)
            sql += f" AND {table}.locale = %s"
            params = [*params, language]
            if language != query.locale:
                sql += (
                    f" AND EXISTS (SELECT 1 FROM {LOCALES} l "
                    f"WHERE l.document_id = {self.full_text.page_id} AND l.locale = %s)"
                )
                params = [*params, query.locale]
            conditions.append((language, sql, params))
        return conditions

    def candidates(self, query):
        """A WITH clause naming the documents found in the query's language that match the
        words (all of them when there are none). Materialised: the full-text match runs
        once per query."""
        if not query.terms:
            sql = f"SELECT document_id AS page_id FROM {LOCALES} WHERE locale = %s"
            return f"WITH candidates AS MATERIALIZED ({sql}) ", [query.locale]
        parts = [
            (
                f"SELECT {self.full_text.page_id} AS page_id FROM search_fulltext f WHERE {sql}",
                params,
            )
            for _, sql, params in self.matches(query, "f")
        ]
        return (
            f"WITH candidates AS MATERIALIZED ({' UNION ALL '.join(sql for sql, _ in parts)}) ",
            [param for _, params in parts for param in params],
        )

    def facet_filters(self, query, column, skip_facet=None):
        """Conditions for the selected facet values: any value within a facet, every facet."""
        clauses, params = [], []
        for facet, values in query.selected.items():
            if facet == skip_facet or not values:
                continue
            placeholders = ", ".join(["%s"] * len(values))
            clauses.append(
                f"{column} IN (SELECT document_id FROM {FACET_VALUES} "
                f"WHERE facet = %s AND value IN ({placeholders}))"
            )
            params += [facet, *values]
        return clauses, params

    def search(self, query):
        with connection.cursor() as cursor:
            hits = self.fetch_hits(cursor, query)
            total, counts = self.fetch_total_and_counts(cursor, query)
        return BackendResults(total=total, hits=hits, counts=counts)

    def fetch_hits(self, cursor, query):
        """One page of hits, in the query's order, with their snippets. The page's hits are
        chosen first, and only then are their documents read: sorting the keys of
        thousands of hits costs less than sorting their documents."""
        hits, params, order = self.ranked(query)
        cursor.execute(
            f"WITH page AS MATERIALIZED ({hits} ORDER BY {order} LIMIT %s OFFSET %s) "
            f"SELECT document.document FROM page d "
            f"JOIN {DOCUMENTS} document ON document.page_id = d.page_id ORDER BY {order}",
            [*params, query.page_size, query.offset],
        )
        document_field = IndexedDocument._meta.get_field("document")
        documents = [document_field.from_db_value(row[0], None, connection) for row in cursor]
        return [(document, self.snippet(document, query.terms)) for document in documents]

    def matching_ids(self, query, limit):
        hits, params, order = self.ranked(query)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT d.page_id FROM ({hits}) d ORDER BY {order} LIMIT %s", [*params, limit]
            )
            return [row[0] for row in cursor.fetchall()]

    def ranked(self, query):
        """(SQL, parameters, ORDER BY) of the hits of `query` as rows of page_id, sort_title,
        date (and rank, with words): every hit, in no order until ORDER BY is applied."""
        filters, filter_params = self.facet_filters(query, "d.page_id")
        columns = "d.page_id, d.sort_title, d.date"
        if query.terms:
            parts, params = [], []
            for language, match, match_params in self.matches(query, "d"):
                rank, rank_params = self.full_text.rank(language, query.terms)
                join = f"JOIN search_fulltext f ON {self.full_text.page_id} = d.page_id"
                parts.append(
                    f"SELECT {columns}, {rank} AS rank FROM {DOCUMENTS} d {join} "
                    f"WHERE {' AND '.join([match, *filters])}"
                )
                params += [*rank_params, *match_params, *filter_params]
            hits = f"SELECT * FROM ({' UNION ALL '.join(parts)}) d"
            order = "d.rank, d.sort_title" if query.sort == "relevance" else ORDER_BY[query.sort]
        else:
            join = f"JOIN {LOCALES} l ON l.document_id = d.page_id AND l.locale = %s"
            where = f"WHERE {' AND '.join(filters)}" if filters else ""
            hits = f"SELECT {columns} FROM {DOCUMENTS} d {join} {where}"
            params = [query.locale, *filter_params]
            order = ORDER_BY.get(query.sort, ORDER_BY["newest"])
        return hits, params, order

    @staticmethod
    def snippet(document, terms):
        """The summary's or the body's words around the first matched one, marked; else the
        start of the summary."""
        marked = terms and marked_snippet(
            document["locale"], (document["summary"], document["body"]), terms
        )
        return marked or plain_snippet(document["summary"])

    def fetch_total_and_counts(self, cursor, query):
        """The number of hits and every facet's value counts, in one query.

        Each facet's counts ignore that facet's own selection (disjunctive faceting). The
        documents counted are materialised once per distinct filter: `hits` (every
        selection applied) serves the total and each facet with nothing selected, and
        `without_<facet>` each facet that has a selection.
        """
        cte, params = self.candidates(query)
        selected = [facet for facet in FACETS if query.selected_values(facet)]
        sets = {"hits": None, **{f"without_{facet}": facet for facet in selected}}
        for name, skip_facet in sets.items():
            filters, filter_params = self.facet_filters(query, "page_id", skip_facet=skip_facet)
            where = f" WHERE {' AND '.join(filters)}" if filters else ""
            cte += f", {name} AS MATERIALIZED (SELECT page_id FROM candidates{where})"
            params += filter_params
        selects = ["SELECT '', '', COUNT(*) FROM hits"]
        for facet in FACETS:
            documents = f"without_{facet}" if facet in selected else "hits"
            selects.append(
                f"SELECT v.facet, v.value, COUNT(*) FROM {documents} c "
                f"JOIN {FACET_VALUES} v ON v.document_id = c.page_id "
                f"WHERE v.facet = %s GROUP BY v.facet, v.value"
            )
            params.append(facet)
        cursor.execute(cte + " UNION ALL ".join(selects), params)
        total, counts = 0, {facet: {} for facet in FACETS}
        for facet, value, count in cursor.fetchall():
            if facet:
                counts[facet][value] = count
            else:
                total = count
        return total, counts

    @transaction.atomic
    def index(self, documents):
        documents = list(documents)
        if not documents:
            return
        self.delete(document["id"] for document in documents)
        IndexedDocument.objects.bulk_create(
            IndexedDocument(
                page_id=d["id"],
                locale=d["locale"],
                sort_title=d["sort_title"][:255],
                date=d["date"],
                digest=d["digest"],
                document=d,
            )
            for d in documents
        )
        IndexedLocale.objects.bulk_create(
            IndexedLocale(document_id=d["id"], locale=locale)
            for d in documents
            for locale in d["shown_in"]
        )
        IndexedFacetValue.objects.bulk_create(
            IndexedFacetValue(document_id=d["id"], facet=facet, value=value)
            for d in documents
            for facet, value in facet_rows(d)
        )
        with connection.cursor() as cursor:
            self.full_text.insert(cursor, documents)

    @transaction.atomic
    def delete(self, page_ids):
        page_ids = list(page_ids)
        IndexedDocument.objects.filter(page_id__in=page_ids).delete()
        with connection.cursor() as cursor:
            self.full_text.delete(cursor, page_ids)

    @transaction.atomic
    def rebuild(self, documents, batch_size=500):
        """Empty the index and load every document, in one transaction: readers see the old
        index until the new one is complete."""
        IndexedDocument.objects.all().delete()
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fulltext")
        batch = []
        for document in documents:
            batch.append(document)
            if len(batch) >= batch_size:
                self.index(batch)
                batch = []
        self.index(batch)

    def digests(self):
        return dict(IndexedDocument.objects.values_list("page_id", "digest"))
