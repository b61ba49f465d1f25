"""What the search index holds for a page, for every backend.

`build_document(page)` turns a live, public page into a plain dict; both backends store
exactly that dict, so they search the same text and facet on the same values.
"""

import hashlib
import html
import json
import re

from wagtail.models import Page

from elasticsearch.dsl import Date, Document, Integer, Keyword, Text

from casestudies.models import CaseStudyPage, CityPage, UpdatePage
from toolkit.models import GuidePage, RoadmapPage

TAG = re.compile(r"<[^>]*>")
TYPE_OF_MODEL = {
    CaseStudyPage: "case-study",
    GuidePage: "guide",
    RoadmapPage: "roadmap",
    UpdatePage: "update",
    CityPage: "city",
}
SEARCHABLE_MODELS = tuple(TYPE_OF_MODEL)


def searchable_pages():
    """Every page that belongs in the index: live, public and of a searchable type."""
    return Page.objects.live().public().type(*SEARCHABLE_MODELS)


def text_of(*parts):
    """Plain text from rich text, StreamField text and plain strings, in one string.

    Tags become spaces (so paragraphs don't run into each other) and entities characters.
    """
    text = " ".join(TAG.sub(" ", str(part)) for part in parts if part)
    return " ".join(html.unescape(text).split())


def stream_text(page, field_name):
    field = page._meta.get_field(field_name)
    return text_of(*field.get_searchable_content(getattr(page, field_name)))


def build_document(page):
    """The index document of a specific page, or None if the page must not be found.

    A page belonging to an unpublished city is left out, as the listings leave it out.
    """
    kind = TYPE_OF_MODEL[type(page)]
    city = page if kind == "city" else getattr(page, "city", None)
    if kind != "city" and hasattr(page, "city_id") and (city is None or not city.live):
        return None
    document = {
        "id": page.pk,
        "locale": page.locale.language_code,
        "type": kind,
        "title": page.title,
        "sort_title": page.title.casefold(),
        "url": page.get_url(),
        "city": city.slug if city else None,
        "city_name": city.title if city else None,
        "country": city.country if city else None,
        "theme": [],
        "channel": [],
        "year": None,
        "date": page.first_published_at.date().isoformat() if page.first_published_at else None,
        **CONTENT_BUILDERS[kind](page),
    }
    document["digest"] = digest(document)
    return document


def digest(document):
    """A fingerprint of a document's content, to tell a stale index entry from a fresh one."""
    content = {key: value for key, value in document.items() if key != "digest"}
    return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()[:16]


def case_study_content(page):
    return {
        "summary": page.summary,
        "body": text_of(
            page.challenge,
            page.approach,
            page.results,
            *(str(figure) for figure in page.figures.all()),
            page.lessons_learned,
            page.transferability,
            " ".join(page.tags.names()),
        ),
        "theme": sorted(page.themes.values_list("slug", flat=True)),
        "channel": sorted(page.channels.values_list("slug", flat=True)),
        "year": page.start_year,
        # "Newest" means the most recent practice, as the case study listing orders them.
        "date": f"{page.start_year}-01-01",
    }


def guide_content(page):
    return {
        "summary": page.summary,
        "body": text_of(page.audience, stream_text(page, "steps"), stream_text(page, "resources")),
        "theme": sorted(page.themes.values_list("slug", flat=True)),
        "year": page.first_published_at.year if page.first_published_at else None,
    }


def roadmap_content(page):
    return {
        "summary": page.introduction,
        "body": stream_text(page, "phases"),
        "year": page.first_published_at.year if page.first_published_at else None,
    }


def update_content(page):
    return {
        "summary": page.summary,
        "body": stream_text(page, "body"),
        "theme": sorted(page.themes.values_list("slug", flat=True)),
        "year": page.date.year,
        "date": page.date.isoformat(),
    }


def city_content(page):
    audit = page.tool_audit.select_related("channel")
    return {
        "summary": page.summary,
        "body": text_of(*(f"{line.channel} {line.purpose} {line.audience}" for line in audit)),
        "channel": sorted({line.channel.slug for line in audit}),
    }


CONTENT_BUILDERS = {
    "case-study": case_study_content,
    "guide": guide_content,
    "roadmap": roadmap_content,
    "update": update_content,
    "city": city_content,
}


class PageDocument(Document):
    """The Elasticsearch mapping of a `build_document` dict.

    Text is analysed as English (stemmed, Lucene's English stop words, the same list as
    `search.query.STOP_WORDS`); facets and sort keys are keywords. The backend names the
    index itself (a timestamped index behind an alias), so there is no `Index.name` here.
    """

    id = Integer()
    locale = Keyword()
    type = Keyword()
    title = Text(analyzer="english")
    sort_title = Keyword()
    url = Keyword(index=False)
    city = Keyword()
    city_name = Keyword(index=False)
    country = Keyword()
    theme = Keyword(multi=True)
    channel = Keyword(multi=True)
    year = Integer()
    date = Date()
    summary = Text(analyzer="english")
    body = Text(analyzer="english")
    digest = Keyword()
