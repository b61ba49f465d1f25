"""The case-study exports, `/<language>/case-studies/export.csv` and `.../export.json`, and
the dataset's files at `/open-data/<file>`.

**Why here and not on the listing page.** The exports take the listing's filters and the
search's words, and the apps depend one way (tests/test_architecture.py): `casestudies`
may not import `search`, nor `search` import `casestudies`. This app sits above both. Its
URLs are routed ahead of Wagtail's pages: `<section>/export.csv`, where `<section>` is the
slug of the case-study listing (`CaseStudyIndexPage`) in the reader's language tree, so the
export sits beside the listing at the same address a route on the page would have (minus
Wagtail's trailing slash), also if a translation renames the section.

**Which case studies.** Exactly those the listing shows with the same filters, in its
order: the listing's own queryset (`CaseStudyIndexPage.filtered_pages`, on
`get_listing_queryset()`: the reader rule in the reader's language) for `city` and
`theme`, then the search's other facets on the same queryset (`country`, `channel`,
`year`). Words (`q`) keep the case studies the search finds for them in the reader's
language (`SearchService.matching_ids`: the same matching as the search page, at most
its 10,000 hits), matched by translation key, since the search finds an English original
where the reader's tree shows its alias. Every match is exported, with no paging.

Both stream their rows, reading them a thousand at a time with their city, themes,
channels and figures (a few queries per thousand rows, not per row). They are limited per
client like the search (`EXPORT_RATE_LIMIT`) and marked `noindex`.
"""

import datetime

from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.utils.text import slugify
from django.utils.translation import get_language, gettext

from wagtail.models import Page

from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from network_site.models import SiteText
from network_site.ratelimit import rate_limited
from search.query import SearchQuery
from search.service import get_search_service

from . import dataset
from .formats import csv_lines, json_chunks
from .forms import ExportFilterForm
from .rows import CASE_STUDY_COLUMNS, CaseStudyRows, prepared_case_studies

CHUNK_SIZE = 1000
FILENAME_PREFIX = "interactive-cities-case-studies"


def listing_of(section):
    """The case-study listing of the reader's language whose slug is `section`, or 404."""
    listing = CaseStudyIndexPage.objects.readable().in_language().filter(slug=section).first()
    if listing is None:
        raise Http404("No case-study listing here.")
    return listing


def exported_case_studies(listing, form):
    """The case studies the listing shows for the form's filters, in its order, narrowed by
    the other facets and the words (see the module docstring)."""
    data = form.cleaned_data
    pages = listing.filtered_pages(form)
    if countries := data.get("country"):
        pages = pages.filter(city__country__in=countries)
    if channels := data.get("channel"):
        pages = pages.filter(channels__slug__in=channels).distinct()
    if years := data.get("year"):
        pages = pages.filter(start_year__in=[int(year) for year in years])
    query = SearchQuery(
        text=data.get("q", ""),
        selected={"type": (CaseStudyPage.search_type,)},
        locale=get_language(),
    )
    if query.terms:
        found = get_search_service().matching_ids(query)
        pages = pages.filter(
            translation_key__in=Page.objects.filter(pk__in=found).values("translation_key")
        )
    return prepared_case_studies(pages)


def export_filename(form, extension):
    """interactive-cities-case-studies-en-inclusion-pt-2026-11-30.csv: the language, the
    filters' values and the date, in ASCII."""
    parts = [FILENAME_PREFIX, get_language()]
    parts += [
        slugify(value)
        for name in ("city", "country", "theme", "channel", "year")
        for value in form.cleaned_data.get(name, ())
    ]
    if words := form.cleaned_data.get("q"):
        parts.append(slugify(words)[:40])
    name = "-".join(part for part in parts if part)[:150]
    return f"{name}-{datetime.date.today():%Y-%m-%d}.{extension}"


def export(request, section, extension):
    """The rows of the export and its download headers, in a streaming response."""
    listing = listing_of(section)
    cities = CaseStudyPage.city_model().objects.readable().in_language()
    form = ExportFilterForm(request.GET, cities=cities)
    form.is_valid()
    site_text = SiteText.load(request_or_site=request)
    licence = site_text.licence
    make_row = CaseStudyRows(
        licence, url_of=lambda page: request.build_absolute_uri(page.get_url(request))
    )
    pages = exported_case_studies(listing, form)
    rows = (make_row(page) for page in pages.iterator(chunk_size=CHUNK_SIZE))
    if extension == "csv":
        response = StreamingHttpResponse(
            csv_lines(CASE_STUDY_COLUMNS, rows), content_type="text/csv; charset=utf-8"
        )
    else:
        response = StreamingHttpResponse(
            json_chunks(licence, rows), content_type="application/json; charset=utf-8"
        )
    response["Content-Disposition"] = f'attachment; filename="{export_filename(form, extension)}"'
    response["Link"] = site_text.licence_link
    response["X-Robots-Tag"] = "noindex"
    return response


@rate_limited("EXPORT_RATE_LIMIT")
def export_csv(request, section):
    return export(request, section, "csv")


@rate_limited("EXPORT_RATE_LIMIT", as_json=True)
def export_json(request, section):
    return export(request, section, "json")


@rate_limited("EXPORT_RATE_LIMIT")
def dataset_file(request, name):
    """A file of the dataset (`datapackage.json` or one of its CSV resources), as last
    written; written first if it never was or a change has made it stale. While another
    request writes it: 503, to be asked again shortly."""
    try:
        response = dataset.serve(name)
    except dataset.BeingWritten:
        response = HttpResponse(
            gettext("The dataset is being updated. Please try again in a minute."),
            status=503,
            content_type="text/plain; charset=utf-8",
        )
        response["Retry-After"] = "30"
        return response
    if response is None:
        raise Http404("No such file in the dataset.")
    response["Link"] = SiteText.load(request_or_site=request).licence_link
    return response
