"""The paginated, filterable list that every listing page in this app shows."""

from django.core.paginator import Paginator

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from casestudies.feeds import ListingFeed
from casestudies.forms import ListingFilterForm
from network_site.feeds import FeedLink, with_parameters
from network_site.findable import canonical_parameters, too_many_filters


class ListingPageMixin(RoutablePageMixin):
    """Lists pages of one type that readers may see, newest first, filtered by city and
    theme and paginated.

    A listing is a plain queryset on the reader rule (`readable()`), not a search: it needs
    no word matching, facet counts or highlighting, so it costs a few indexed queries and
    works the same whatever search backend runs. Subclasses say which pages
    (`get_listing_queryset`, also used by the feed), in which order (`listing_order`) and
    which filters readers get (`filter_fields`).

    Every listing also has an Atom feed of its newest pages at `feed/`, which takes the
    listing's filters: `feed/?theme=governance` follows what `?theme=governance` lists. The
    listing links to the feed of its current filters.

    A page of the listing is read in two steps: the ids of the page's pages, sorted and
    counted with nothing else read, then those pages in full. With 10,000 case studies,
    sorting whole rows (their text included) took most of the listing's time.

    Its canonical address keeps the filters and the page number; with more than one filter
    value it is kept out of search engines' indexes (`network_site.findable`).
    """

    filter_fields = ["city", "theme"]
    schema_type = "CollectionPage"
    listing_order: tuple[str, ...]
    page_size = 12

    def get_listing_queryset(self):
        """The pages this listing shows, before filters: readable pages of one type."""
        raise NotImplementedError

    @property
    def feed_title(self):
        return self.title

    @path("feed/", name="feed")
    def feed(self, request):
        return ListingFeed(self, self.filter_form(request))(request)

    def filter_form(self, request):
        """The listing's filters, as this request chose them, validated (for the listing
        and for its feed)."""
        listed_model = self.get_listing_queryset().model
        filter_form = ListingFilterForm(
            request.GET,
            fields=self.filter_fields,
            cities=listed_model.city_model().objects.readable().in_language().order_by("title"),
        )
        filter_form.is_valid()
        return filter_form

    def filtered_url(self, parameters):
        """The listing's address with `parameters` (its known filters)."""
        return with_parameters(self.url, parameters)

    def followed(self, filter_form):
        """What the feed with these filters follows, in the reader's language: "Case
        studies · Governance, Tartu"."""
        labels = ", ".join(filter_form.selected_labels("theme", "city"))
        return f"{self.feed_title} · {labels}" if labels else self.feed_title

    def feed_link(self, filter_form):
        """The feed of the listing with these filters, for the page to link to."""
        url = self.url + self.reverse_subpage("feed")
        return FeedLink(
            with_parameters(url, filter_form.known_parameters()), self.followed(filter_form)
        )

    def filtered_pages(self, filter_form):
        pages = self.get_listing_queryset()
        if cities := filter_form.cleaned_data.get("city"):
            pages = pages.filter(city__slug__in=cities)
        if themes := filter_form.cleaned_data.get("theme"):
            pages = pages.filter(themes__slug__in=themes).distinct()
        return (
            pages.select_related("city")
            .prefetch_related("themes")
            .order_by(*self.listing_order, "pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filter_form = self.filter_form(request)
        pages = self.filtered_pages(filter_form)
        paginator = Paginator(pages.values_list("pk", flat=True), self.page_size)
        listing = paginator.get_page(request.GET.get("page"))
        listing.object_list = in_order_of(pages, list(listing.object_list))
        context["filter_form"] = filter_form
        context["listing"] = listing
        context["canonical_parameters"] = canonical_parameters(filter_form, listing)
        context["noindex"] = too_many_filters(filter_form)
        context["feed_link"] = self.feed_link(filter_form)
        return context


def in_order_of(pages, ids):
    """The pages of the queryset `pages` whose ids are `ids`, in that order: the second
    step of reading part of a long list whose first step read only the ids."""
    found = pages.filter(pk__in=ids).in_bulk()
    return [found[pk] for pk in ids if pk in found]
