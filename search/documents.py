"""What the search index holds for a page, for every backend.

`build_documents(pages)` turns pages readers may see into plain dicts, from what their
models declare in `search_fields` (see `network_site.indexing`): the searched fields become
the title, summary and body text, and each `Facet` a list of values. Both backends store
exactly those dicts, so they search the same text and facet on the same values.

**Languages.** A document is a page's own content in its own language (`locale`), and
`shown_in` lists the languages whose searches find it:

- a page written in a language (an English page, a published translation) is indexed in
  that language and found by its readers;
- an alias (the copy of an English page that keeps another language's tree in step until
  the page is translated) is never indexed: it is English content, and the English page
  stands for it;
- an English page is also found in every other language that has no readable translation
  of it (a translation key with no live, public page in that locale): an *English fallback*.
  The search service links such a hit to the page in the reader's language tree (the
  alias) and marks it as English.

So a search in one language finds each page once: its translation, or else its English
original. Adding a language needs a `search_index rebuild`, which gives the English pages
their new fallback.
"""

import hashlib
import html
import json
import re
from collections import defaultdict
from itertools import islice

from django.db.models import Manager

from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index

from network_site.indexing import Facet
from network_site.languages import SOURCE_LANGUAGE
from network_site.pages import ProvenanceMixin, readable_pages

from .facets import FACETS
from .registry import searchable_models

TAG = re.compile(r"<[^>]*>")
PART_SEPARATOR = " · "
BATCH_SIZE = 200


def searchable_pages():
    """Every page that belongs in the index: readable, of a searchable type, and no alias
    (see the module docstring)."""
    return readable_pages().type(*searchable_models()).filter(alias_of__isnull=True)


def text_of(*parts):
    """Plain text from rich text, StreamField text, lists and plain strings, in one string.

    Tags become spaces (so paragraphs don't run into each other) and entities characters;
    the parts (fields, blocks, related objects) are joined with " · ", so a snippet that
    spans two of them shows where one ends.
    """
    flat = []
    for part in parts:
        flat.extend(part if isinstance(part, list | tuple) else [part])
    texts = (" ".join(html.unescape(TAG.sub(" ", str(part))).split()) for part in flat)
    return PART_SEPARATOR.join(text for text in texts if text)


def related_objects(obj, relation):
    """The objects a `RelatedFields` relation leads to from `obj`: none, one or many."""
    value = relation.get_value(obj)
    if value is None:
        return []
    if isinstance(value, Manager):
        return list(value.all())
    return [value]


class SiteLanguages:
    """The site's locales, read once for a batch of documents: {locale id: language code}."""

    def __init__(self):
        self.codes = dict(Locale.objects.values_list("pk", "language_code"))
        self.source_id = next(
            (pk for pk, code in self.codes.items() if code == SOURCE_LANGUAGE), None
        )

    def code_of(self, obj):
        return self.codes[obj.locale_id]

    def facet_source(self, obj):
        """The object a facet value is read from: for a translation (a page, or a snippet,
        in another language than English), its English version, so that a value (a city's
        slug) means the same in every language; `search.facets` gives each value its label
        in the reader's language."""
        if isinstance(obj, TranslatableMixin) and obj.locale_id != self.source_id:
            return obj.get_translation_or_none(self.source_id) or obj
        return obj

    def finding(self, pages):
        """{page id: the language codes whose searches find the page} (see the module
        docstring): a page's own language, and for an English page every other language of
        the site with no readable translation of it."""
        english_keys = {page.translation_key for page in pages if page.locale_id == self.source_id}
        translated = defaultdict(set)
        for key, locale_id in (
            searchable_pages()
            .filter(translation_key__in=english_keys)
            .exclude(locale_id=self.source_id)
            .values_list("translation_key", "locale_id")
        ):
            translated[key].add(self.codes[locale_id])
        return {
            page.pk: (
                [
                    code
                    for code in self.codes.values()
                    if code not in translated[page.translation_key]
                ]
                if page.locale_id == self.source_id
                else [self.code_of(page)]
            )
            for page in pages
        }


def declared_content(page, languages):
    """(searched texts, {facet: values}) from the page's declared `search_fields`."""
    summary_field = page.search_summary_field
    texts, facets = [], {facet: [] for facet in FACETS}

    def collect(obj, fields, top_level):
        for field in fields:
            if isinstance(field, index.RelatedFields):
                for related in related_objects(obj, field):
                    collect(related, field.fields, top_level=False)
            elif isinstance(field, Facet):
                value = field.get_value(languages.facet_source(obj))
                if value not in (None, "") and value not in facets[field.facet]:
                    facets[field.facet].append(value)
            elif isinstance(field, index.SearchField):
                if top_level and field.field_name in ("title", summary_field):
                    continue
                value = field.get_value(obj)
                texts.append(value)

    collect(page, page.get_search_fields(), top_level=True)
    return texts, facets


def build_documents(pages):
    """The index documents of these specific pages (readable, not aliases)."""
    pages = list(pages)
    languages = SiteLanguages()
    finding = languages.finding(pages)
    return [build_document(page, languages, finding[page.pk]) for page in pages]


def documents_of(pages):
    """`build_documents` for an iterable of pages of any length, a batch at a time."""
    pages = iter(pages)
    while batch := list(islice(pages, BATCH_SIZE)):
        yield from build_documents(batch)


def build_document(page, languages=None, shown_in=None):
    """The index document of a specific page readers may see; `shown_in`, the languages
    whose searches find it, is worked out when not given (see `SiteLanguages.finding`)."""
    languages = languages or SiteLanguages()
    if shown_in is None:
        shown_in = languages.finding([page])[page.pk]
    texts, facets = declared_content(page, languages)
    date = page.search_date()
    document = {
        "id": page.pk,
        "locale": languages.code_of(page),
        "translation_key": str(page.translation_key),
        "shown_in": sorted(shown_in),
        "type": [page.search_type],
        "title": page.title,
        "sort_title": page.title.casefold(),
        "url": page.get_url(),
        "date": date.isoformat() if date else None,
        "summary": text_of(getattr(page, page.search_summary_field)),
        "provenance": page.provenance if isinstance(page, ProvenanceMixin) else None,
        "body": text_of(*texts),
        **{facet: sorted(values) for facet, values in facets.items() if facet != "type"},
    }
    document["digest"] = digest(document)
    return document


def digest(document):
    """A fingerprint of a document's content, to tell a stale index entry from a fresh one."""
    content = {key: value for key, value in document.items() if key != "digest"}
    return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()[:16]
