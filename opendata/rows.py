"""What one case study (or partner city) is as data: the documented columns and one row per
page, shared by the exports (`opendata.views`) and the dataset (`opendata.dataset`).

A row is a dict of plain values: text, integers, lists (themes, channels), figures as
dicts `{"value", "unit", "label"}`, None for nothing. The JSON export writes it as it is;
the CSV writer (`opendata.formats`) joins lists with "; " and figures into phrases.

Labels are in the row's language, read from the active language: city titles from the
city page of the row's tree, theme and channel names as translated (the English name where
a term has no translation). Codes are given where the list of values is fixed by the code
and documented (country, status, provenance), names where editors extend the list
(themes, channels, cities).
"""

import datetime
from dataclasses import dataclass

from network_site.languages import (
    content_language,
    taxonomy_names,
    with_content_source,
)
from network_site.models import Channel, Theme


@dataclass(frozen=True)
class Column:
    """A column of an export and a field of the dataset's table schema (Frictionless
    types: integer, number, string, datetime)."""

    name: str
    type: str
    description: str


LICENCE_COLUMNS = (
    Column("licence", "string", "The licence of the content, by its short name (CC BY 4.0)."),
    Column("licence_url", "string", "Where the licence's terms are published."),
)

CASE_STUDY_COLUMNS = (
    Column(
        "id", "integer", "The page's id on this site (its version in the row's language tree)."
    ),
    Column("key", "string", "The same for every language version of a case study."),
    Column("url", "string", "The page's address, in the row's language."),
    Column("title", "string", "The case study's title."),
    Column("city", "string", "The partner city, by its name."),
    Column("country", "string", "The city's country, as an ISO 3166-1 alpha-2 code (PT, EE...)."),
    Column("themes", "string", "The URBACT themes it contributes to, by name, joined with '; '."),
    Column("channels", "string", "The social media and digital tools used, joined with '; '."),
    Column("status", "string", "pilot, running, completed or stopped."),
    Column("start_year", "integer", "The year the practice started."),
    Column("end_year", "integer", "The year it ended; empty while it runs."),
    Column("summary", "string", "Two or three sentences about the practice."),
    Column("figures", "string", "Measured results, each as 'value unit label', joined with '; '."),
    Column("provenance", "string", "documented, mixed (partly documented) or sample."),
    Column("provenance_note", "string", "What the provenance rests on, in the editors' words."),
    Column("language", "string", "The language of the title and text (en for English content)."),
    Column("last_published", "datetime", "When the page was last published, in UTC."),
    *LICENCE_COLUMNS,
)

CITY_COLUMNS = (
    Column(
        "id", "integer", "The page's id on this site (its version in the row's language tree)."
    ),
    Column("key", "string", "The same for every language version of a city page."),
    Column("url", "string", "The page's address, in the row's language."),
    Column("title", "string", "The city's name."),
    Column("country", "string", "The city's country, as an ISO 3166-1 alpha-2 code."),
    Column("role", "string", "lead (the lead partner) or partner."),
    Column("population", "integer", "Approximate number of inhabitants of the municipality."),
    Column("population_year", "integer", "The year the population figure refers to."),
    Column("latitude", "number", "Latitude in degrees (WGS 84)."),
    Column("longitude", "number", "Longitude in degrees (WGS 84)."),
    Column("website", "string", "The city's official website."),
    Column("summary", "string", "Who the city is and what it brought to the network."),
    Column("provenance", "string", "documented, mixed (partly documented) or sample."),
    Column("language", "string", "The language of the title and text (en for English content)."),
    Column("last_published", "datetime", "When the page was last published, in UTC."),
    *LICENCE_COLUMNS,
)


GUIDE_COLUMNS = (
    Column(
        "id", "integer", "The page's id on this site (its version in the row's language tree)."
    ),
    Column("key", "string", "The same for every language version of a guide."),
    Column("url", "string", "The page's address, in the row's language."),
    Column("title", "string", "The guide's title."),
    Column("themes", "string", "The URBACT themes it serves, by name, joined with '; '."),
    Column("audience", "string", "Who the guide is for."),
    Column("effort", "string", "light (days), moderate (weeks) or substantial (months)."),
    Column("summary", "string", "What the guide is about, in a few sentences."),
    Column("steps", "string", "The titles of its steps, in order, joined with '; '."),
    Column("provenance", "string", "documented, mixed (partly documented) or sample."),
    Column("provenance_note", "string", "What the provenance rests on, in the editors' words."),
    Column("language", "string", "The language of the title and text (en for English content)."),
    Column("last_published", "datetime", "When the page was last published, in UTC."),
    *LICENCE_COLUMNS,
)


def number(value):
    """A Decimal as JSON and spreadsheets read numbers: an integer when it is one."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def utc_timestamp(moment):
    """'2026-11-30T21:05:25Z': ISO 8601 in UTC, the datetime format of the table schema."""
    if moment is None:
        return None
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def prepared_case_studies(pages):
    """The case study queryset `pages` with what its rows read, in a fixed number of
    queries per thousand pages (read with `iterator(chunk_size=...)`)."""
    pages = with_content_source(pages).select_related("city")
    return pages.prefetch_related("themes", "channels", "figures")


class CaseStudyRows:
    """Makes the rows of case studies in the active language (read once, at creation).

    `url_of(page)` gives a page's absolute address (the view's request knows the host the
    reader used; the dataset uses the site's own).
    """

    def __init__(self, licence, url_of):
        self.licence = licence
        self.url_of = url_of
        self.theme_names = taxonomy_names(Theme)
        self.channel_names = taxonomy_names(Channel)

    def __call__(self, page):
        city = page.city
        return {
            "id": page.pk,
            "key": str(page.translation_key),
            "url": self.url_of(page),
            "title": page.title,
            "city": city.title if city else None,
            "country": city.country if city else None,
            "themes": [self.theme_names.get(t.translation_key, t.name) for t in page.themes.all()],
            "channels": [
                self.channel_names.get(c.translation_key, c.name) for c in page.channels.all()
            ],
            "status": page.status,
            "start_year": page.start_year,
            "end_year": page.end_year,
            "summary": page.summary,
            "figures": [
                {"value": number(f.value), "unit": f.unit, "label": f.label}
                for f in page.figures.all()
            ],
            "provenance": page.provenance,
            "provenance_note": page.provenance_note,
            "language": content_language(page),
            "last_published": utc_timestamp(page.last_published_at),
            "licence": self.licence["name"],
            "licence_url": self.licence["url"],
        }


def city_row(page, licence, url_of):
    """The row of a partner city page."""
    return {
        "id": page.pk,
        "key": str(page.translation_key),
        "url": url_of(page),
        "title": page.title,
        "country": page.country,
        "role": page.role,
        "population": page.population,
        "population_year": page.population_year,
        "latitude": number(page.latitude),
        "longitude": number(page.longitude),
        "website": page.website,
        "summary": page.summary,
        "provenance": page.provenance,
        "language": content_language(page),
        "last_published": utc_timestamp(page.last_published_at),
        "licence": licence["name"],
        "licence_url": licence["url"],
    }


def guide_row(page, licence, url_of, theme_names):
    """The row of a toolkit guide; `theme_names` as `taxonomy_names(Theme)` gives them."""
    return {
        "id": page.pk,
        "key": str(page.translation_key),
        "url": url_of(page),
        "title": page.title,
        "themes": [theme_names.get(t.translation_key, t.name) for t in page.themes.all()],
        "audience": page.audience,
        "effort": page.effort,
        "summary": page.summary,
        "steps": [step.value["title"] for step in page.steps],
        "provenance": page.provenance,
        "provenance_note": page.provenance_note,
        "language": content_language(page),
        "last_published": utc_timestamp(page.last_published_at),
        "licence": licence["name"],
        "licence_url": licence["url"],
    }
