"""The full-text table of the database search backend, for the site's ten languages.

The table is made anew (empty), in the shape `search.backends.database` now writes:
`manage.py search_index rebuild` fills it again (docker compose's `migrate` service runs it
after the migrations; on a plain host, run it after migrating).

SQLite: an FTS5 table of the word forms that `search.analysis` makes in Python (stemmed
per language, without accents), so its tokenizer only splits and lower-cases them.
PostgreSQL: a weighted `tsvector` with a GIN index, and a text search configuration per
language PostgreSQL can stem (Snowball's stemmer, without stop words, like the English one
of 0002: the query side decides which words to drop); Estonian and Bulgarian, which
PostgreSQL 15 has no configuration for, are written as word forms under `simple`. No
extension is needed (`unaccent` may not be installable on a managed database): accents are
removed in Python.
"""

from django.db import migrations

# PostgreSQL's name of each language it stems, besides English (made by 0002).
POSTGRES_LANGUAGES = ["italian", "romanian", "hungarian", "dutch", "french", "portuguese", "spanish"]

SQLITE_CREATE = [
    "DROP TABLE search_fulltext",
    "CREATE VIRTUAL TABLE search_fulltext USING fts5("
    "title, summary, body, locale UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')",
]
SQLITE_RESTORE = [
    "DROP TABLE search_fulltext",
    "CREATE VIRTUAL TABLE search_fulltext USING fts5("
    "title, summary, body, locale UNINDEXED, "
    "tokenize = 'porter unicode61 remove_diacritics 2')",
]

POSTGRES_CREATE = [
    statement
    for language in POSTGRES_LANGUAGES
    for statement in (
        f"CREATE TEXT SEARCH DICTIONARY search_{language}_stem "
        f"(TEMPLATE = snowball, LANGUAGE = {language})",
        f"CREATE TEXT SEARCH CONFIGURATION search_{language} (COPY = {language})",
        f"ALTER TEXT SEARCH CONFIGURATION search_{language} ALTER MAPPING "
        "FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part "
        f"WITH search_{language}_stem",
    )
] + [
    "DROP TABLE search_fulltext",
    "CREATE TABLE search_fulltext ("
    "page_id integer PRIMARY KEY, locale varchar(12) NOT NULL, vector tsvector NOT NULL)",
    "CREATE INDEX search_fulltext_vector ON search_fulltext USING GIN (vector)",
]
POSTGRES_RESTORE = [
    "DROP TABLE search_fulltext",
    "CREATE TABLE search_fulltext ("
    "page_id integer PRIMARY KEY, locale varchar(12) NOT NULL, title text NOT NULL, "
    "summary text NOT NULL, body text NOT NULL, vector tsvector NOT NULL)",
    "CREATE INDEX search_fulltext_vector ON search_fulltext USING GIN (vector)",
] + [
    statement
    for language in POSTGRES_LANGUAGES
    for statement in (
        f"DROP TEXT SEARCH CONFIGURATION search_{language}",
        f"DROP TEXT SEARCH DICTIONARY search_{language}_stem",
    )
]


def run(statements_by_vendor):
    def operation(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0003_indexed_locale")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE_CREATE, "postgresql": POSTGRES_CREATE}),
            run({"sqlite": SQLITE_RESTORE, "postgresql": POSTGRES_RESTORE}),
        )
    ]
