"""Partner updates: short news items a city publishes about its work in the network."""

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from modelcluster.fields import ParentalManyToManyField

from casestudies.panels import CityPanel
from network_site.blocks import BodyBlock
from network_site.indexing import Facet, SearchablePage
from network_site.pages import ProvenanceMixin, SitePage

from .listings import ListingPageMixin
from .mixins import CityContentMixin


class UpdatePage(SearchablePage, ProvenanceMixin, CityContentMixin, SitePage):
    """A partner city's news item: what happened, when, and which URBACT areas it touches."""

    date = models.DateField(default=timezone.localdate, help_text="The date readers see.")
    summary = models.TextField(max_length=300, help_text="One or two sentences for lists.")
    body = StreamField(
        BodyBlock(),
        help_text="The news itself: press + to add a paragraph, a heading, a quote or a figure.",
    )
    themes = ParentalManyToManyField("network_site.Theme", related_name="updates", blank=True)

    content_panels = [
        *Page.content_panels,
        CityPanel(heading="City"),
        ProvenanceMixin.provenance_panel,
        "date",
        "summary",
        "body",
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("themes", [Facet("slug", facet="theme", label="name")]),
        index.RelatedFields(
            "city",
            [Facet("slug", facet="city", label="title"), Facet("country", facet="country")],
        ),
        Facet("year", facet="year"),
        index.FilterField("date"),
    ]
    search_type = "update"
    search_type_label = gettext_lazy("Partner update")
    # What the read API (api/serializers.py) gives of the page besides its title, address,
    # language and translations, images and documents.
    api_fields = ["summary", "city", "country", "themes", "date", "provenance"]

    class Meta:
        verbose_name = gettext_lazy("update page")
        verbose_name_plural = gettext_lazy("update pages")
        # The listings sort by it, newest first (see ListingPageMixin).
        indexes = [models.Index(fields=["date"], name="update_date")]

    @property
    def year(self):
        return self.date.year

    def search_date(self):
        return self.date

    parent_page_types = ["casestudies.CityUpdatesPage"]
    subpage_types = []
    # How lists show the page: components/card_grid.html includes this template.
    card_template = "components/cards/update.html"
    # Read by its template; fetched with the page when it is served (network_site.routing).
    select_related_when_served = ("city",)


class UpdateIndexPage(ListingPageMixin, SitePage):
    """All partner updates, newest first, at /updates/, filterable by city and theme."""

    introduction = models.TextField(blank=True, help_text="Shown above the list.")

    content_panels = [*Page.content_panels, "introduction"]

    class Meta:
        verbose_name = gettext_lazy("update index page")
        verbose_name_plural = gettext_lazy("update index pages")

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1
    listing_order = ("-date", "title")

    def get_listing_queryset(self):
        return UpdatePage.objects.readable().in_language()
