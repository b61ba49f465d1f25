"""How the read API writes pages, images and documents as JSON.

A page is written with the fields every page has (`page_item`) and those its model
declares in `api_fields`, each written by the function of that name in `FIELD_WRITERS`.
Labels (themes, channels, status, provenance...) are in the page's own language, whatever
the request's, so one page always reads the same.

`page_items` writes a list of pages in a number of queries that depends on the page types
and languages in it, not on the number of pages.
"""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.utils import translation

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex

from casestudies.models import CaseStudyPage, CityPage, UpdatePage
from network_site.document_access import readable_documents
from network_site.languages import SOURCE_LANGUAGE, in_their_own_language, localized_name
from network_site.pages import readable_pages
from toolkit.models import GuidePage, RoadmapPage

# The page types the API gives, by the name the `type` filter and each item's `type` use
# (the search's names for them).
PAGE_TYPES = {
    model.search_type: model
    for model in (CaseStudyPage, GuidePage, RoadmapPage, UpdatePage, CityPage)
}
TYPE_NAMES = {model: name for name, model in PAGE_TYPES.items()}
# The rendition an image item links to (original uploads are never served).
IMAGE_RENDITION = "max-1200x1200"


def api_pages():
    """Every page the API may give: the pages readers may see (`readable()`), of the types
    above, in their own language (English pages and published translations; an alias is
    the English page again, at another address)."""
    content_types = ContentType.objects.get_for_models(*PAGE_TYPES.values()).values()
    pages = readable_pages().filter(content_type__in=content_types)
    return in_their_own_language(pages)


def slug_and_label(slug, label):
    return {"slug": slug, "label": str(label)}


def write_city(page, context):
    city = page.city
    if city is None:
        return None
    return {"slug": context["city_slugs"].get(city.translation_key, city.slug), "name": city.title}


def write_country(page, context):
    if isinstance(page, CityPage):
        return page.country
    return page.city.country if page.city else None


def write_taxonomy(name):
    def write(page, context):
        return [
            slug_and_label(item.slug, localized_name(item, context["request"]))
            for item in getattr(page, name).all()
        ]

    return write


def write_choice(name):
    def write(page, context):
        value = getattr(page, name)
        return slug_and_label(value, getattr(page, f"get_{name}_display")()) if value else None

    return write


def write_figures(page, context):
    return [
        {"value": float(figure.value), "unit": figure.unit, "label": figure.label}
        for figure in page.figures.all()
    ]


def write_provenance(page, context):
    level = page.provenance_level
    return {
        "slug": page.provenance,
        "label": str(level.label) if level else page.provenance,
        "note": page.provenance_note,
    }


def write_date(page, context):
    return page.date.isoformat()


def write_decimal(name):
    def write(page, context):
        value = getattr(page, name)
        return None if value is None else float(value)

    return write


def write_attribute(name):
    def write(page, context):
        return getattr(page, name)

    return write


FIELD_WRITERS = {
    "city": write_city,
    "country": write_country,
    "themes": write_taxonomy("themes"),
    "channels": write_taxonomy("channels"),
    "status": write_choice("status"),
    "effort": write_choice("effort"),
    "role": write_choice("role"),
    "figures": write_figures,
    "provenance": write_provenance,
    "date": write_date,
    "latitude": write_decimal("latitude"),
    "longitude": write_decimal("longitude"),
}
# What each field needs fetched with the pages.
SELECT_RELATED = {"city": "city"}
PREFETCH_RELATED = {"themes": "themes", "channels": "channels", "figures": "figures"}


def fetch_pages(pages_by_id):
    """The specific pages of the ids in `pages_by_id` ({id: type}), with what their fields
    need: one query per page type, plus one per related list the type's fields show."""
    ids_by_model = defaultdict(list)
    for page_id, model in pages_by_id.items():
        ids_by_model[model].append(page_id)
    found = {}
    for model, ids in ids_by_model.items():
        related = {SELECT_RELATED[name] for name in model.api_fields if name in SELECT_RELATED}
        prefetch = [
            PREFETCH_RELATED[name] for name in model.api_fields if name in PREFETCH_RELATED
        ]
        queryset = model.objects.filter(pk__in=ids).select_related("locale", *related)
        found.update(queryset.prefetch_related(*prefetch).in_bulk())
    return found


def page_context(request, pages):
    """What writing `pages` needs from other rows, each read in one query: the other
    language versions of each page, the images and documents each one uses, and the English
    slugs of their cities."""
    versions = defaultdict(list)
    keys = {page.translation_key for page in pages}
    for key, page_id, language in (
        api_pages()
        .filter(translation_key__in=keys)
        .order_by("pk")
        .values_list("translation_key", "pk", "locale__language_code")
    ):
        versions[key].append({"id": page_id, "language": language})
    uses = uses_by_page([page.pk for page in pages])
    city_keys = {page.city.translation_key for page in pages if getattr(page, "city", None)}
    city_slugs = (
        dict(
            CityPage.objects.filter(
                translation_key__in=city_keys, locale__language_code=SOURCE_LANGUAGE
            ).values_list("translation_key", "slug")
        )
        if city_keys
        else {}
    )
    return {"request": request, "versions": versions, "uses": uses, "city_slugs": city_slugs}


def uses_by_page(page_ids):
    """{page id: {"images": [ids], "documents": [ids]}}: the images and documents each page
    uses in the content readers see (Wagtail's reference index), the documents only where
    readers may download them (network_site.document_access)."""
    image_type = ContentType.objects.get_for_model(get_image_model())
    document_type = ContentType.objects.get_for_model(get_document_model())
    references = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=[str(page_id) for page_id in page_ids],
        to_content_type__in=[image_type, document_type],
    ).values_list("object_id", "to_content_type_id", "to_object_id")
    uses = defaultdict(lambda: {"images": set(), "documents": set()})
    for page_id, content_type_id, object_id in references:
        kind = "images" if content_type_id == image_type.pk else "documents"
        uses[int(page_id)][kind].add(int(object_id))
    document_ids = {doc_id for use in uses.values() for doc_id in use["documents"]}
    downloadable = (
        set(
            readable_documents(
                get_document_model().objects.filter(pk__in=document_ids)
            ).values_list("pk", flat=True)
        )
        if document_ids
        else set()
    )
    return {
        page_id: {
            "images": sorted(use["images"]),
            "documents": sorted(use["documents"] & downloadable),
        }
        for page_id, use in uses.items()
    }


def page_item(page, context):
    """One page as the API gives it; labels in the page's language."""
    request = context["request"]
    language = page.locale.language_code
    uses = context["uses"].get(page.pk, {"images": [], "documents": []})
    item = {
        "id": page.pk,
        "type": TYPE_NAMES[type(page)],
        "title": page.title,
        "url": request.build_absolute_uri(page.get_url(request)),
        "language": language,
        "translations": [
            version
            for version in context["versions"][page.translation_key]
            if version["id"] != page.pk
        ],
        "first_published_at": page.first_published_at,
        "last_published_at": page.last_published_at,
        **uses,
    }
    with translation.override(language):
        for name in page.api_fields:
            item[name] = FIELD_WRITERS.get(name, write_attribute(name))(page, context)
    return item


def page_items(request, pages_by_id):
    """The pages of `pages_by_id` ({id: model}, in the order wanted) as API items."""
    found = fetch_pages(pages_by_id)
    pages = [found[page_id] for page_id in pages_by_id if page_id in found]
    context = page_context(request, pages)
    return [page_item(page, context) for page in pages]


def image_item(image, request):
    rendition = image.get_rendition(IMAGE_RENDITION)
    return {
        "id": image.pk,
        "title": image.title,
        "width": image.width,
        "height": image.height,
        "url": request.build_absolute_uri(rendition.url),
        "rendition_width": rendition.width,
        "rendition_height": rendition.height,
    }


def image_items(request, images):
    """The images of the queryset `images` as API items, with their renditions read in one
    query (a missing rendition is made, once)."""
    return [image_item(image, request) for image in images.prefetch_renditions(IMAGE_RENDITION)]


def document_item(document, request):
    return {
        "id": document.pk,
        "title": document.title,
        "url": request.build_absolute_uri(document.url),
        "filename": document.filename,
        "file_extension": document.file_extension,
    }
