"""The default search backend: the site's own database, SQLite or PostgreSQL.

Documents are stored in `IndexedDocument`, their facet values in `IndexedFacetValue`, and
their words in the `search_fulltext` table of the database's own kind (see the migration
`0002_full_text_table`). A search takes two queries whatever the page size: the page of hits
with their snippets, then the total and every facet's counts in one UNION ALL.
"""

from django.db import connection, transaction

from search.facets import FACETS
from search.highlight import END, START, marked_to_html, plain_snippet
from search.models import IndexedDocument, IndexedFacetValue
from search.query import BackendResults

from .base import SearchBackend

# Between the summary's and the body's snippets in one column (a character no one types).
SEPARATOR = "\x1e"
DOCUMENTS = IndexedDocument._meta.db_table
FACET_VALUES = IndexedFacetValue._meta.db_table


class SqliteFullText:
    """SQLite FTS5 with the Porter stemmer; bm25 ranks, with the title weighted double."""

    join = "JOIN search_fulltext f ON f.rowid = d.page_id"

    def matching_ids(self, terms, locale):
        return (
            "SELECT rowid AS page_id FROM search_fulltext "
            "WHERE search_fulltext MATCH %s AND locale = %s",
            [" OR ".join(f'"{term}"' for term in terms), locale],
        )

    def match(self, terms):
        return "search_fulltext MATCH %s", [" OR ".join(f'"{term}"' for term in terms)]

    def rank(self, terms):
        return "bm25(search_fulltext, 2.0, 1.0, 1.0)", []

    def snippet(self, terms):
        """The summary's snippet, then the body's: the hit shows whichever marks a word."""
        one = "snippet(search_fulltext, {}, %s, %s, '…', 32)"
        return f"{one.format(1)} || %s || {one.format(2)}", [START, END, SEPARATOR, START, END]

    def delete(self, cursor, page_ids):
        cursor.executemany(
            "DELETE FROM search_fulltext WHERE rowid = %s", [(i,) for i in page_ids]
        )

    def insert(self, cursor, documents):
        cursor.executemany(
            "INSERT INTO search_fulltext (rowid, title, summary, body, locale) "
            "VALUES (%s, %s, %s, %s, %s)",
            [
                (d["id"], d["title"], d["summary"] or "", d["body"] or "", d["locale"])
                for d in documents
            ],
        )


class PostgresFullText:
    """PostgreSQL tsvector, English stemming with stop words kept; the title weighs most."""

    join = "JOIN search_fulltext f ON f.page_id = d.page_id"
    tsquery = "to_tsquery('search_english', %s)"

    def matching_ids(self, terms, locale):
        return (
            f"SELECT page_id FROM search_fulltext WHERE vector @@ {self.tsquery} AND locale = %s",
            [" | ".join(terms), locale],
        )

    def match(self, terms):
        return f"f.vector @@ {self.tsquery}", [" | ".join(terms)]

    def rank(self, terms):
        # Weights for D, C, B, A: the title (A) counts double the rest (D).
        return (
            f"ts_rank_cd('{{0.5, 0.5, 0.5, 1.0}}', f.vector, {self.tsquery}) DESC",
            [" | ".join(terms)],
        )

    def snippet(self, terms):
        options = f"StartSel={START}, StopSel={END}, MaxWords=35, MinWords=15, MaxFragments=1"
        return (
            f"ts_headline('search_english', f.summary || ' ' || f.body, {self.tsquery}, %s)",
            [" | ".join(terms), options],
        )

    def delete(self, cursor, page_ids):
        cursor.execute("DELETE FROM search_fulltext WHERE page_id = ANY(%s)", [list(page_ids)])

    def insert(self, cursor, documents):
        cursor.executemany(
            "INSERT INTO search_fulltext (page_id, locale, title, summary, body, vector) VALUES "
            "(%s, %s, %s, %s, %s, setweight(to_tsvector('search_english', %s), 'A') "
            "|| to_tsvector('search_english', %s || ' ' || %s))",
            [
                (d["id"], d["locale"], d["title"], d["summary"] or "", d["body"] or "")
                + (d["title"], d["summary"] or "", d["body"] or "")
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

    def candidates(self, query):
        """A WITH clause naming the documents of the locale that match the words (all of
        them when there are none). Materialised: the full-text match runs once per query."""
        if query.terms:
            sql, params = self.full_text.matching_ids(query.terms, query.locale)
        else:
            sql, params = f"SELECT page_id FROM {DOCUMENTS} WHERE locale = %s", [query.locale]
        return f"WITH candidates AS MATERIALIZED ({sql}) ", params

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
        """One page of hits, in the query's order, with their snippets."""
        clauses, params = self.facet_filters(query, "d.page_id")
        clauses.insert(0, "d.locale = %s")
        params.insert(0, query.locale)
        if query.terms:
            snippet, snippet_params = self.full_text.snippet(query.terms)
            match, match_params = self.full_text.match(query.terms)
            rank, rank_params = self.full_text.rank(query.terms)
            by_relevance = query.sort == "relevance"
            order = f"{rank}, d.sort_title" if by_relevance else ORDER_BY[query.sort]
            order_params = rank_params if by_relevance else []
            # The page's hits are chosen first, and only they get snippets: making a snippet
            # is the dearest part, and a search with a common word matches thousands.
            page = (
                f"SELECT d.page_id FROM {DOCUMENTS} d {self.full_text.join} "
                f"WHERE {match} AND {' AND '.join(clauses)} ORDER BY {order} LIMIT %s OFFSET %s"
            )
            sql = (
                f"SELECT d.document, {snippet} FROM {DOCUMENTS} d {self.full_text.join} "
                f"WHERE {match} AND d.page_id IN ({page}) ORDER BY {order}"
            )
            cursor.execute(
                sql,
                [
                    *snippet_params,
                    *match_params,
                    *match_params,
                    *params,
                    *order_params,
                    query.page_size,
                    query.offset,
                    *order_params,
                ],
            )
        else:
            order = ORDER_BY.get(query.sort, ORDER_BY["newest"])
            sql = (
                f"SELECT d.document, NULL FROM {DOCUMENTS} d "
                f"WHERE {' AND '.join(clauses)} ORDER BY {order} LIMIT %s OFFSET %s"
            )
            cursor.execute(sql, [*params, query.page_size, query.offset])
        hits = []
        for document, marked in cursor.fetchall():
            document = IndexedDocument._meta.get_field("document").from_db_value(
                document, None, connection
            )
            marked = next(
                (part for part in (marked or "").split(SEPARATOR) if START in part), None
            )
            snippet = marked_to_html(marked) if marked else None
            hits.append((document, snippet or plain_snippet(document["summary"])))
        return hits

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
