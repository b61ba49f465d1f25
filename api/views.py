"""The read API at /api/v3/: pages, images and documents readers may see, as JSON.

Built on django-ninja, as Wagtail 8's API v3 (`wagtail.api.v3`) is, with the same address,
`limit`/`offset` paging, OpenAPI schema (`openapi.json`) and interactive docs (`docs/`).
Wagtail's own v3 API object (`wagtail.api.v3.api.api`) is deliberately not mounted:

- it mounts its write side with it (create, update, delete, publish, copy, move... under
  /pages/), refused to anonymous users (401) but there all the same, and a token of an
  editor's would reach drafts (`?version=draft`) and edits through the public address;
- it reads pages with Wagtail's own public check (live, no view restriction), not the
  site's reader rule, so it would give the case studies of an unpublished city, and its
  answers hold no licence.

So this API has only GET operations (POST, PUT, PATCH and DELETE are answered 405), reads
every page through `readable()` and every document through the download rule
(network_site/document_access.py), and names the content licence in every answer: in
`meta.licence` and in a `Link: <...>; rel="license"` header. Its docs page loads Swagger UI
from the site's own static files (django-ninja serves them when "ninja" is an installed
app, from a CDN otherwise), with Swagger's online validator turned off, so the page asks
no other host for anything.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import HttpResponse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from ninja import NinjaAPI, Query, Status, Swagger
from ninja.errors import ValidationError

from network_site.document_access import readable_documents, used_on_readable_pages
from network_site.models import SiteText
from network_site.ratelimit import rate_limited

from . import schemas
from .forms import PageFilterForm, PaginationForm
from .serializers import (
    PAGE_TYPES,
    api_pages,
    document_item,
    image_items,
    page_items,
)

api = NinjaAPI(
    title="Interactive Cities read API",
    version="3",
    description=(
        "The case studies, guides, roadmap, partner updates and cities readers may see, "
        "with the images and documents they use. Read-only; the content's licence is in "
        "every answer (`meta.licence`)."
    ),
    urls_namespace="api_v3",
    docs=Swagger(settings={"validatorUrl": None}),
    openapi_url="/openapi.json",
    docs_url="/docs/",
)

RATE_LIMIT = "API_RATE_LIMIT"
# The answers other than 200 the operations declare in the schema, all {"error": ...}: a
# refused parameter (400: a filter, a page size, an id that is not a whole number), the
# rate limit (429), and for an id, no such item readers may see (404).
LIST_RESPONSES = {400: schemas.Error, 429: schemas.Error}
DETAIL_RESPONSES = {**LIST_RESPONSES, 404: schemas.Error}


@api.exception_handler(ValidationError)
def refuse_bad_parameters(request, exc):
    """A parameter the operation's signature refuses (a path's id, say): 400, as for the
    filters the forms refuse."""
    errors = {}
    for error in exc.errors:
        errors.setdefault(str(error["loc"][-1]), []).append(error["msg"])
    message = " ".join(f"{name}: {' '.join(messages)}" for name, messages in errors.items())
    return api.create_response(request, {"error": message, "errors": errors}, status=400)


def licence(request, response):
    """The content licence, also sent as the response's `Link` header."""
    site_text = SiteText.load(request_or_site=request)
    response["Link"] = site_text.licence_link
    return site_text.licence


def not_found(kind):
    """The 404 of a detail address, in the shape of the other refusals."""
    return Status(404, {"error": f"There is no {kind} with this id that readers may see."})


def paged(queryset, form):
    """The part of `queryset` that `limit` and `offset` ask for."""
    offset = form.cleaned_data["offset"]
    return queryset[offset : offset + form.cleaned_data["limit"]]


PAGE_FILTERS = {
    "type": f"One page type: {', '.join(PAGE_TYPES)}.",
    "city": "A partner city's slug (as its English address has it), e.g. tartu.",
    "theme": "A theme's slug, e.g. governance.",
    "channel": "A channel's slug (case studies only), e.g. facebook.",
    "language": "A language code: the pages in that language (English or translated).",
    "year": "Case studies started that year, updates dated that year, guides and the "
    "roadmap first published that year.",
}


@api.get(
    "/pages/",
    response={200: schemas.PageList, **LIST_RESPONSES},
    exclude_unset=True,
    summary="List pages",
    tags=["pages"],
)
@rate_limited(RATE_LIMIT, as_json=True)
def list_pages(
    request,
    response: HttpResponse,
    type: schemas.PageType = Query(None, description=PAGE_FILTERS["type"]),
    city: str | None = Query(None, description=PAGE_FILTERS["city"]),
    theme: str | None = Query(None, description=PAGE_FILTERS["theme"]),
    channel: str | None = Query(None, description=PAGE_FILTERS["channel"]),
    language: schemas.Language = Query(None, description=PAGE_FILTERS["language"]),
    year: schemas.Year = Query(None, description=PAGE_FILTERS["year"]),
    limit: schemas.Limit = Query(
        None, description="At most this many pages (1-100, 20 by default)."
    ),
    offset: schemas.Offset = Query(None, description="Skip this many pages first."),
):
    """The pages readers may see, in their own language (English pages and published
    translations), by id; each filter narrows the list. (The parameters are declared for
    the OpenAPI schema; the form reads and validates them, so a bad one is a 400.)"""
    form = PageFilterForm(request.GET)
    if not form.is_valid():
        return Status(400, form.errors_as_json())
    pages = form.filter(api_pages())
    rows = paged(pages.order_by("pk").values_list("pk", "content_type_id"), form)
    models = {model: ContentType.objects.get_for_model(model).pk for model in PAGE_TYPES.values()}
    type_of = {content_type: model for model, content_type in models.items()}
    pages_by_id = {page_id: type_of[content_type] for page_id, content_type in rows}
    return {
        "meta": {"total_count": pages.count(), "licence": licence(request, response)},
        "items": page_items(request, pages_by_id),
    }


@api.get(
    "/pages/{page_id}/",
    response={200: schemas.PageDetail, **DETAIL_RESPONSES},
    exclude_unset=True,
    summary="One page",
    tags=["pages"],
)
@rate_limited(RATE_LIMIT, as_json=True)
def page_detail(request, response: HttpResponse, page_id: int):
    """One page, as in the list; 404 for a page readers may not see."""
    row = api_pages().filter(pk=page_id).values_list("content_type_id", flat=True).first()
    if row is None:
        return not_found("page")
    model = ContentType.objects.get_for_id(row).model_class()
    (item,) = page_items(request, {page_id: model})
    return {**item, "meta": {"licence": licence(request, response)}}


def readable_images():
    """The images a page readers can see shows them (in its content or as its image)."""
    return used_on_readable_pages(get_image_model().objects.order_by("pk"))


@api.get(
    "/images/",
    response={200: schemas.ImageList, **LIST_RESPONSES},
    summary="List images",
    tags=["images"],
)
@rate_limited(RATE_LIMIT, as_json=True)
def list_images(
    request,
    response: HttpResponse,
    limit: schemas.Limit = Query(
        None, description="At most this many images (1-100, 20 by default)."
    ),
    offset: schemas.Offset = Query(None, description="Skip this many images first."),
):
    """The images pages readers may see use, by id, each with a link to a rendition at most
    1200 pixels wide and high."""
    form = PaginationForm(request.GET)
    if not form.is_valid():
        return Status(400, form.errors_as_json())
    images = readable_images()
    return {
        "meta": {"total_count": images.count(), "licence": licence(request, response)},
        "items": image_items(request, paged(images, form)),
    }


@api.get(
    "/images/{image_id}/",
    response={200: schemas.ImageDetail, **DETAIL_RESPONSES},
    summary="One image",
    tags=["images"],
)
@rate_limited(RATE_LIMIT, as_json=True)
def image_detail(request, response: HttpResponse, image_id: int):
    """One image, as in the list; 404 for an image no page readers may see uses."""
    found = image_items(request, readable_images().filter(pk=image_id))
    if not found:
        return not_found("image")
    return {**found[0], "meta": {"licence": licence(request, response)}}


def downloadable_documents():
    """The documents anyone may download (the download rule, network_site/document_access.py)."""
    return readable_documents(get_document_model().objects.order_by("pk"))


@api.get(
    "/documents/",
    response={200: schemas.DocumentList, **LIST_RESPONSES},
    summary="List documents",
    tags=["documents"],
)
@rate_limited(RATE_LIMIT, as_json=True)
def list_documents(
    request,
    response: HttpResponse,
    limit: schemas.Limit = Query(
        None, description="At most this many documents (1-100, 20 by default)."
    ),
    offset: schemas.Offset = Query(None, description="Skip this many documents first."),
):
    """The documents anyone may download (a page readers may see links to them), by id."""
    form = PaginationForm(request.GET)
    if not form.is_valid():
        return Status(400, form.errors_as_json())
    documents = downloadable_documents()
    return {
        "meta": {"total_count": documents.count(), "licence": licence(request, response)},
        "items": [document_item(document, request) for document in paged(documents, form)],
    }


@api.get(
    "/documents/{document_id}/",
    response={200: schemas.DocumentDetail, **DETAIL_RESPONSES},
    summary="One document",
    tags=["documents"],
)
@rate_limited(RATE_LIMIT, as_json=True)
def document_detail(request, response: HttpResponse, document_id: int):
    """One document, as in the list; 404 for a document readers may not download."""
    document = downloadable_documents().filter(pk=document_id).first()
    if document is None:
        return not_found("document")
    return {**document_item(document, request), "meta": {"licence": licence(request, response)}}
