"""The paginated, filterable list that every listing page in this app shows."""

from django.core.paginator import Page, Paginator

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from casestudies.feeds import ListingFeed
from casestudies.forms import ListingFilterForm


class ListingPageMixin(RoutablePageMixin):
    """Lists pages of one type, filtered and paginated by the site's search service.

    The search service decides what is listed (live, public, city published: the same rules
    as search), the filters and the order (newest first); the page then loads those pages
    to show them as cards. Subclasses say which type (`listing_type`), how to load the pages
    (`get_listing_queryset`), which filters readers get (`filter_fields`) and any fixed
    selection (`get_fixed_selection`, e.g. a city section's own city).

    Every listing also has an Atom feed of its newest pages at `feed/`.
    """

    filter_fields = ["city", "theme"]
    listing_type: str
    page_size = 12

    def get_listing_queryset(self):
        raise NotImplementedError

    def get_fixed_selection(self):
        return {}

    @path("feed/")
    def feed(self, request):
        return ListingFeed(self)(request)

    def search_listing(self, selected, page_number=1, page_size=None):
        """The listed pages for this page number, in order, and the search results."""
        from wagtail.models import Locale

        from search.query import SearchQuery
        from search.service import get_search_service

        results = get_search_service().search(
            SearchQuery(
                selected={"type": (self.listing_type,), **self.get_fixed_selection(), **selected},
                sort="newest",
                page=page_number,
                page_size=page_size or self.page_size,
                locale=Locale.get_active().language_code,
            )
        )
        ids = [hit.page_id for hit in results.hits]
        pages = (
            self.get_listing_queryset()
            .live()
            .public()
            .select_related("city")
            .prefetch_related("themes")
        )
        pages_by_id = pages.in_bulk(ids)
        return [pages_by_id[page_id] for page_id in ids if page_id in pages_by_id], results

    def get_context(self, request, *args, **kwargs):
        from search.query import page_number

        context = super().get_context(request, *args, **kwargs)
        filter_form = ListingFilterForm(request.GET, fields=self.filter_fields)
        filter_form.is_valid()
        selected = {}
        for name in self.filter_fields:
            if values := filter_form.cleaned_data.get(name):
                selected[name] = tuple(value.slug for value in values)
        pages, results = self.search_listing(selected, page_number(request.GET.get("page")))
        context["filter_form"] = filter_form
        context["listing"] = Page(
            pages, results.query.page, Paginator(range(results.total), self.page_size)
        )
        return context
