"""The database search backend's tables: one row per indexed page, one per language that
finds it, one per facet value.

The full-text part lives beside them in a table of the database's own kind (an SQLite FTS5
virtual table, or a PostgreSQL table with a `tsvector` and a GIN index), created by this
app's migrations and written by `search.backends.database.DatabaseBackend`.
"""

from django.db import models


class IndexedDocument(models.Model):
    """A searchable page as the index holds it: the document dict plus what queries sort on."""

    # An integer primary key is SQLite's rowid, so joins with the full-text table are cheap.
    page_id = models.IntegerField(primary_key=True)
    locale = models.CharField(max_length=12)  # the language of the page's text
    sort_title = models.CharField(max_length=255)
    date = models.DateField(null=True)
    digest = models.CharField(max_length=16)
    document = models.JSONField()

    class Meta:
        indexes = [models.Index(fields=["locale", "sort_title"])]

    def __str__(self):
        return self.document.get("title", str(self.page_id))


class IndexedLocale(models.Model):
    """A language whose searches find an indexed page: the page's own, and for an English
    page each language with no readable translation of it (see `search.documents`)."""

    document = models.ForeignKey(IndexedDocument, on_delete=models.CASCADE, related_name="+")
    locale = models.CharField(max_length=12)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["locale", "document"], name="unique_indexed_locale")
        ]

    def __str__(self):
        return f"{self.document_id} in {self.locale}"


class IndexedFacetValue(models.Model):
    """One facet value of an indexed page, e.g. theme=governance or year=2016."""

    document = models.ForeignKey(
        IndexedDocument, on_delete=models.CASCADE, related_name="facet_values"
    )
    facet = models.CharField(max_length=12)
    value = models.CharField(max_length=80)

    class Meta:
        indexes = [models.Index(fields=["facet", "value", "document"])]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "facet", "value"], name="unique_facet_value"
            )
        ]

    def __str__(self):
        return f"{self.facet}={self.value}"
