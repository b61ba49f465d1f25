"""The paginated, filterable list that every listing page in this app shows."""

from django.core.paginator import Paginator

from casestudies.forms import ListingFilterForm


class ListingPageMixin:
    """Lists live, public pages with city/theme filters and pagination.

    Subclasses say which pages (`get_listing_queryset`), which filters (`filter_fields`) and
    in what order (`listing_ordering`). A page whose city is unpublished is not listed.
    """

    filter_fields = ["city", "theme"]
    listing_ordering: list[str]
    page_size = 12

    def get_listing_queryset(self):
        raise NotImplementedError

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filter_form = ListingFilterForm(request.GET, fields=self.filter_fields)
        pages = (
            filter_form.filter(self.get_listing_queryset().live().public())
            .filter(city__live=True)
            .select_related("city")
            .prefetch_related("themes")
            .order_by(*self.listing_ordering)
        )
        context["filter_form"] = filter_form
        context["listing"] = Paginator(pages, self.page_size).get_page(request.GET.get("page"))
        return context
