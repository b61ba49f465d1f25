"""The shapes of the read API's answers, for its OpenAPI schema (/api/v3/openapi.json) and
its interactive docs. Every field a page type does not have is left out of its items."""

from datetime import datetime
from typing import Annotated

from ninja import Schema
from pydantic import WithJsonSchema

from network_site.languages import language_codes

from .forms import MAX_LIMIT, MAX_OFFSET, PageFilterForm
from .serializers import PAGE_TYPES


def read_by_the_form(**declared):
    """A query parameter's type: text, as the operation receives it (the API's form reads
    and validates it, so a bad value is a 400 with the form's message), declared in the
    OpenAPI schema as the values the form accepts, so that clients and schema-driven tools
    know them. An empty value is the same as none (the default, or no filter)."""
    return Annotated[
        str | None, WithJsonSchema({"anyOf": [declared, {"type": "string", "maxLength": 0}]})
    ]


YEAR = PageFilterForm.base_fields["year"]
PageType = read_by_the_form(type="string", enum=list(PAGE_TYPES))
Language = read_by_the_form(type="string", enum=language_codes())
Year = read_by_the_form(type="integer", minimum=YEAR.min_value, maximum=YEAR.max_value)
Limit = read_by_the_form(type="integer", minimum=1, maximum=MAX_LIMIT)
Offset = read_by_the_form(type="integer", minimum=0, maximum=MAX_OFFSET)


class Licence(Schema):
    name: str
    url: str


class ListMeta(Schema):
    total_count: int
    licence: Licence


class DetailMeta(Schema):
    licence: Licence


class SlugLabel(Schema):
    slug: str
    label: str


class City(Schema):
    slug: str
    name: str


class Figure(Schema):
    value: float
    unit: str
    label: str


class Provenance(SlugLabel):
    note: str


class Version(Schema):
    id: int
    language: str


class PageItem(Schema):
    """A page; `type` says which of the optional fields it has (see the README)."""

    id: int
    type: str
    title: str
    url: str
    language: str
    translations: list[Version]
    first_published_at: datetime | None
    last_published_at: datetime | None
    images: list[int]
    documents: list[int]
    summary: str | None = None
    introduction: str | None = None
    city: City | None = None
    country: str | None = None
    themes: list[SlugLabel] | None = None
    channels: list[SlugLabel] | None = None
    status: SlugLabel | None = None
    start_year: int | None = None
    end_year: int | None = None
    figures: list[Figure] | None = None
    provenance: Provenance | None = None
    date: str | None = None
    audience: str | None = None
    effort: SlugLabel | None = None
    role: SlugLabel | None = None
    population: int | None = None
    population_year: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    website: str | None = None


class PageList(Schema):
    meta: ListMeta
    items: list[PageItem]


class PageDetail(PageItem):
    meta: DetailMeta


class ImageItem(Schema):
    id: int
    title: str
    width: int
    height: int
    url: str
    rendition_width: int
    rendition_height: int


class ImageList(Schema):
    meta: ListMeta
    items: list[ImageItem]


class ImageDetail(ImageItem):
    meta: DetailMeta


class DocumentItem(Schema):
    id: int
    title: str
    url: str
    filename: str
    file_extension: str


class DocumentList(Schema):
    meta: ListMeta
    items: list[DocumentItem]


class DocumentDetail(DocumentItem):
    meta: DetailMeta


class Error(Schema):
    error: str
    errors: dict[str, list[str]] = {}
