"""The shapes of the read API's answers, for its OpenAPI schema (/api/v3/openapi.json) and
its interactive docs. Every field a page type does not have is left out of its items."""

from datetime import datetime

from ninja import Schema


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
