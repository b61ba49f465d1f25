"""The paginated, filterable list that every listing page in this app shows."""

from django.core.paginator import Page, Paginator

from casestudies.forms import ListingFilterForm


class ListingPageMixin:
    """Lists pages of one type, filtered and paginated by the site's search service.

    The search service decides what is listed (live, public, city published: the same rules
    as search), the filters and the order (newest first); the page then loads those pages
    to show them as cards. Subclasses say which type (`listing_type`), how to load the pages
    (`get_listing_queryset`), which filters readers get (`filter_fields`) and any fixed
    selection (`get_fixed_selection`, e.g. a city section's own city).
    """

    filter_fields = ["city", "theme"]
    listing_type: str
    page_size = 12

    def get_listing_queryset(self):
        raise NotImplementedError

    def get_fixed_selection(self):
        return {}

    def get_context(self, request, *args, **kwargs):
        # Imported here: the search app reads this app's models.
        from wagtail.models import Locale

        from search.query import SearchQuery, page_number
        from search.service import get_search_service

        context = super().get_context(request, *args, **kwargs)
        filter_form = ListingFilterForm(request.GET, fields=self.filter_fields)
        filter_form.is_valid()
        selected = {"type": (self.listing_type,), **self.get_fixed_selection()}
        for name in self.filter_fields:
            if values := filter_form.cleaned_data.get(name):
                selected[name] = tuple(value.slug for value in values)
        results = get_search_service().search(
            SearchQuery(
                selected=selected,
                sort="newest",
                page=page_number(request.GET.get("page")),
                page_size=self.page_size,
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
        context["filter_form"] = filter_form
        context["listing"] = Page(
            [pages_by_id[page_id] for page_id in ids if page_id in pages_by_id],
            results.query.page,
            Paginator(range(results.total), self.page_size),
        )
        return context
