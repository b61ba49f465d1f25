"""What the search index holds for a page, for every backend.

`build_document(page)` turns a page readers may see into a plain dict, from what its model
declares in `search_fields` (see `network_site.indexing`): the searched fields become the
title, summary and body text, and each `Facet` a list of values. Both backends store
exactly that dict, so they search the same text and facet on the same values.
"""

import hashlib
import html
import json
import re

from django.db.models import Manager

from wagtail.search import index

from network_site.indexing import Facet
from network_site.pages import ProvenanceMixin, readable_pages

from .facets import FACETS
from .registry import searchable_models

TAG = re.compile(r"<[^>]*>")
PART_SEPARATOR = " · "


def searchable_pages():
    """Every page that belongs in the index: readable and of a searchable type."""
    return readable_pages().type(*searchable_models())


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


def declared_content(page):
    """(searched texts, {facet: values}) from the page's declared `search_fields`."""
    summary_field = page.search_summary_field
    texts, facets = [], {facet: [] for facet in FACETS}

    def collect(obj, fields, top_level):
        for field in fields:
            if isinstance(field, index.RelatedFields):
                for related in related_objects(obj, field):
                    collect(related, field.fields, top_level=False)
            elif isinstance(field, Facet):
                value = field.get_value(obj)
                if value not in (None, "") and value not in facets[field.facet]:
                    facets[field.facet].append(value)
            elif isinstance(field, index.SearchField):
                if top_level and field.field_name in ("title", summary_field):
                    continue
                value = field.get_value(obj)
                texts.append(value)

    collect(page, page.get_search_fields(), top_level=True)
    return texts, facets


def build_document(page):
    """The index document of a specific page readers may see."""
    texts, facets = declared_content(page)
    date = page.search_date()
    document = {
        "id": page.pk,
        "locale": page.locale.language_code,
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
