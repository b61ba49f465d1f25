"""The full-text table of the database search backend, in the database's own kind.

SQLite: an FTS5 virtual table with the Porter stemmer. PostgreSQL: a table with a weighted
`tsvector` and a GIN index, using a text search configuration that stems English words but
keeps stop words, so that both databases (and Elasticsearch) match the same query words;
the query side drops stop words itself (see search.query.STOP_WORDS).
"""

from django.db import migrations

SQLITE_CREATE = [
    "CREATE VIRTUAL TABLE search_fulltext USING fts5("
    "title, summary, body, locale UNINDEXED, "
    "tokenize = 'porter unicode61 remove_diacritics 2')",
]
SQLITE_DROP = ["DROP TABLE IF EXISTS search_fulltext"]

POSTGRES_CREATE = [
    "CREATE TEXT SEARCH DICTIONARY search_english_stem (TEMPLATE = snowball, LANGUAGE = english)",
    "CREATE TEXT SEARCH CONFIGURATION search_english (COPY = english)",
    "ALTER TEXT SEARCH CONFIGURATION search_english ALTER MAPPING "
    "FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part "
    "WITH search_english_stem",
    "CREATE TABLE search_fulltext ("
    "page_id integer PRIMARY KEY, locale varchar(12) NOT NULL, title text NOT NULL, "
    "summary text NOT NULL, body text NOT NULL, vector tsvector NOT NULL)",
    "CREATE INDEX search_fulltext_vector ON search_fulltext USING GIN (vector)",
]
POSTGRES_DROP = [
    "DROP TABLE IF EXISTS search_fulltext",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS search_english",
    "DROP TEXT SEARCH DICTIONARY IF EXISTS search_english_stem",
]


def run(statements_by_vendor):
    def operation(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE_CREATE, "postgresql": POSTGRES_CREATE}),
            run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}),
        )
    ]
