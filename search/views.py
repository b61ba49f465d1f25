"""The search page (/<language>/search/), the same search as JSON (/<language>/api/search/)
and its newest matches as an Atom feed (/<language>/search/feed/)."""

import dataclasses

from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext

from wagtail.models import Locale

from network_site.feeds import FeedLink, with_parameters
from network_site.findable import canonical_parameters
from network_site.ratelimit import rate_limited

from .facets import FACETS
from .feeds import SearchFeed, feed_parameters, followed
from .forms import SearchForm
from .service import get_search_service

# The search type whose results the case-study exports can download.
CASE_STUDY = "case-study"


def run_search(request, **changes):
    """Validate the GET parameters and search; `changes` replace parts of the query."""
    form = SearchForm(request.GET, locale=Locale.get_active().language_code)
    query = dataclasses.replace(form.to_query(), **changes)
    return form, get_search_service().search(query, labels=form.labels)


@rate_limited("SEARCH_PAGE_RATE_LIMIT")
def search_page(request):
    """The search page: results, facets with counts, and the filters as the form read them.

    Search pages are kept out of search engines' indexes (`noindex`; robots.txt keeps
    crawlers away from them too): a page of results is no content of its own, and every
    page it lists is in the sitemap.
    """
    form, results = run_search(request)
    query = results.query
    listing = results.as_page()
    return render(
        request,
        "search/search_page.html",
        {
            "form": form,
            "results": results,
            "facets": [
                (facet, form.fields[facet].label, results.facets[facet]) for facet in FACETS
            ],
            "is_filtered": any(query.selected.values()),
            "listing": listing,
            "feed_link": FeedLink(
                with_parameters(reverse("search_feed"), feed_parameters(form)), followed(form)
            ),
            "meta_title": gettext("Search"),
            "meta_description": gettext(
                "Search the case studies, guides, roadmap, partner updates and cities of "
                "the network."
            ),
            "canonical_parameters": canonical_parameters(form, listing),
            "noindex": True,
            # A search of case studies alone can be downloaded: the case-study exports
            # take its words and facets (the `opendata` app, linked by the template).
            "case_study_exports": results.total and query.selected.get("type") == (CASE_STUDY,),
            "export_parameters": export_parameters(form),
        },
    )


@rate_limited("SEARCH_PAGE_RATE_LIMIT")
def search_feed(request):
    """The search's newest matches as Atom: the same form and service as the search page,
    sorted newest first, first page only. It counts against the search page's rate."""
    form, results = run_search(request, sort="newest", page=1, page_size=SearchFeed.size)
    return SearchFeed(form, results)(request)


def export_parameters(form):
    """The search's words and facets as query parameters, without its type, sort and page:
    what the case-study exports take."""
    parameters = form.known_parameters()
    for name in ("type", "sort", "page"):
        parameters.pop(name, None)
    return parameters


@rate_limited("SEARCH_API_RATE_LIMIT", as_json=True)
def search_api(request):
    """The same search as JSON; type, city, themes and provenance come as {slug, label}
    pairs, and each hit's `language` is that of its title and snippet ("en" for an English
    fallback in another language's search). `backend` names the backend that answered
    ("elasticsearch", or "database" when it answers alone or in Elasticsearch's place), for
    operators checking a fallback."""
    _, results = run_search(request)
    query = results.query
    return JsonResponse(
        {
            "query": query.text,
            "total": results.total,
            "page": query.page,
            "pages": results.pages,
            "sort": query.sort,
            "backend": results.backend,
            "results": [
                {
                    "title": hit.title,
                    "url": request.build_absolute_uri(hit.url),
                    "type": hit.type,
                    "city": hit.city,
                    "themes": hit.themes,
                    "year": hit.year,
                    "snippet": str(hit.snippet),
                    "provenance": hit.provenance,
                    "language": hit.language,
                }
                for hit in results.hits
            ],
            "facets": {
                facet: [dataclasses.asdict(value) for value in values]
                for facet, values in results.facets.items()
            },
        },
        json_dumps_params={"ensure_ascii": False},
    )
