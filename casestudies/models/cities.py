"""The partner cities: the cities index, one page per city and the city's two sections."""

from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import QueryDict
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Locale, Orderable, Page, TranslatableMixin
from wagtail.search import index

from modelcluster.fields import ParentalKey
from wagtail_localize.synctree import create_aliases_for_new_page

from network_site.countries import EUROPEAN_COUNTRIES
from network_site.indexing import Facet, SearchablePage
from network_site.pages import ProvenanceMixin, SitePage

from .case_studies import CaseStudyIndexPage, CaseStudyPage
from .listings import ListingPageMixin, in_order_of
from .updates import UpdateIndexPage, UpdatePage


class CityIndexPage(SitePage):
    """The list of partner cities, at /cities/, paginated."""

    introduction = models.TextField(blank=True, help_text="Shown above the list of cities.")

    content_panels = [*Page.content_panels, "introduction"]

    class Meta:
        verbose_name = gettext_lazy("city index page")
        verbose_name_plural = gettext_lazy("city index pages")

    parent_page_types = ["home.HomePage"]
    subpage_types = ["casestudies.CityPage"]
    max_count = 1
    page_size = 24

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        cities = CityPage.objects.child_of(self).readable().order_by("title", "pk")
        context["cities"] = Paginator(cities, self.page_size).get_page(request.GET.get("page"))
        context["page_parameters"] = QueryDict()  # The page links carry nothing else.
        return context


class CityPage(SearchablePage, ProvenanceMixin, SitePage):
    """A partner city: its facts, its role in the network and the audit of its digital tools.

    Its case studies and updates live below it, in two section pages that are created and
    published when the city is first published (see `ensure_sections`).
    """

    class Role(models.TextChoices):
        LEAD_PARTNER = "lead", gettext_lazy("Lead partner")
        PARTNER = "partner", gettext_lazy("Partner")

    country = models.CharField(max_length=2, choices=EUROPEAN_COUNTRIES)
    population = models.PositiveIntegerField(
        null=True, blank=True, help_text="Approximate number of inhabitants of the municipality."
    )
    population_year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text="The year the population figure refers to.",
    )
    latitude = models.DecimalField(
        max_digits=8,
        decimal_places=5,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        max_digits=8,
        decimal_places=5,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    role = models.CharField(
        max_length=10,
        choices=Role.choices,
        default=Role.PARTNER,
        help_text="The lead partner coordinates the network.",
    )
    summary = models.TextField(help_text="Who the city is and what it brought to the network.")
    website = models.URLField(blank=True, help_text="The city's official website.")
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        ProvenanceMixin.provenance_panel,
        MultiFieldPanel(
            [
                FieldRowPanel(["country", "role"]),
                FieldRowPanel(["population", "population_year"]),
                FieldRowPanel(["latitude", "longitude"]),
                "website",
            ],
            heading="Facts",
        ),
        "summary",
        FieldPanel("image"),
        InlinePanel(
            "tool_audit",
            heading="Audit of social media and digital tools",
            label="Tool",
            help_text="Each channel the city used, what for and whom it reached.",
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.RelatedFields(
            "tool_audit",
            [
                index.RelatedFields(
                    "channel",
                    [index.SearchField("name"), Facet("slug", facet="channel", label="name")],
                ),
                index.SearchField("purpose"),
                index.SearchField("audience"),
            ],
        ),
        Facet("slug", facet="city", label="title"),
        Facet("country", facet="country"),
        index.FilterField("role"),
    ]
    search_type = "city"
    search_type_label = gettext_lazy("City")
    # What the read API (api/serializers.py) gives of the page besides its title, address,
    # language and translations, images and documents.
    api_fields = [
        "summary",
        "country",
        "role",
        "population",
        "population_year",
        "latitude",
        "longitude",
        "website",
        "provenance",
    ]

    class Meta:
        verbose_name = gettext_lazy("city page")
        verbose_name_plural = gettext_lazy("city pages")

    parent_page_types = ["casestudies.CityIndexPage"]
    subpage_types = ["casestudies.CityCaseStudiesPage", "casestudies.CityUpdatesPage"]
    # How lists show the page: components/card_grid.html includes this template.
    card_template = "components/cards/city.html"
    # Read by its template; fetched with the page when it is served (network_site.routing).
    select_related_when_served = ("image",)
    few_of_a_kind = True  # Ten partners, among thousands of pages (SitePage.few_of_a_kind).
    # The page shows the city's newest case studies and updates; its sections list them all.
    case_studies_shown = 6
    updates_shown = 3

    @property
    def country_name(self):
        return self.get_country_display()

    @cached_property
    def live_sections(self):
        """The city's live sections by model, read in one query as plain pages (enough to
        link to them and to add pages below them)."""
        sections = {}
        for child in self.get_children().live().order_by("path"):
            sections.setdefault(child.specific_class, child)
        return sections

    @property
    def case_studies_section(self):
        return self.live_sections.get(CityCaseStudiesPage)

    @property
    def updates_section(self):
        return self.live_sections.get(CityUpdatesPage)

    def ensure_sections(self):
        """Give a live city its 'Case studies' and 'Updates' sections, published.

        Creates a missing section, and publishes a section that was never published. A
        section an editor unpublished later stays as the editor left it; a draft city gets
        no sections, so nothing of it shows before it is published.

        Only the English city makes sections. Each new section gets its aliases in the other
        languages at once, as a page added in the admin does, so every language's version of
        the city has them; a translated city keeps those (new ones there would be
        duplicates, at `case-studies-1`).
        """
        if not self.live or self.locale_id != Locale.get_default().pk:
            return
        for model, title, slug in (
            (CityCaseStudiesPage, "Case studies", "case-studies"),
            (CityUpdatesPage, "Updates", "updates"),
        ):
            section = model.objects.child_of(self).first()
            if section is None:
                section = self.add_child(instance=model(title=title, slug=slug, live=False))
                create_aliases_for_new_page(section)
            if section.first_published_at is None:
                section.save_revision().publish()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tool_audit"] = self.tool_audit.select_related("channel")
        if self.pk is None:  # A preview of a city not saved yet has nothing below it.
            context["case_studies"] = context["updates"] = []
            return context
        case_studies = CaseStudyPage.objects.readable().filter(city=self)
        newest = case_studies.order_by(*CaseStudyIndexPage.listing_order, "pk").values_list(
            "pk", flat=True
        )[: self.case_studies_shown]
        context["case_studies"] = in_order_of(
            case_studies.select_related("image").prefetch_related("themes"), list(newest)
        )
        context["case_studies_count"] = case_studies.count()
        context["updates"] = (
            UpdatePage.objects.readable()
            .filter(city=self)
            .order_by(*UpdateIndexPage.listing_order, "pk")[: self.updates_shown]
        )
        return context


class CityToolAudit(TranslatableMixin, Orderable):
    """One line of a city's audit: a channel it uses, for what and for whom. Translatable
    with its city: a translation's lines say the purpose and audience in its language."""

    class Stage(models.TextChoices):
        IN_USE = "in-use", gettext_lazy("In use before the network")
        PILOTED = "piloted", gettext_lazy("Tried during the network")

    city = ParentalKey(CityPage, on_delete=models.CASCADE, related_name="tool_audit")
    channel = models.ForeignKey("network_site.Channel", on_delete=models.PROTECT, related_name="+")
    purpose = models.CharField(max_length=200, help_text="What the city uses it for.")
    audience = models.CharField(max_length=200, help_text="Whom it reaches.")
    stage = models.CharField(max_length=10, choices=Stage.choices, default=Stage.IN_USE)

    panels = ["channel", "purpose", "audience", "stage"]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]

    def __str__(self):
        return f"{self.channel}: {self.purpose}"


class CitySectionMixin(ListingPageMixin):
    """A city's own section lists only that city's pages: those below it."""

    filter_fields = ["theme"]

    @property
    def feed_title(self):
        return f"{self.get_parent().title}: {self.title}"


class CityCaseStudiesPage(CitySectionMixin, SitePage):
    """A city's own 'Case studies' section: the case studies of that city live below it."""

    class Meta:
        verbose_name = gettext_lazy("city case studies page")
        verbose_name_plural = gettext_lazy("city case studies pages")

    parent_page_types = ["casestudies.CityPage"]
    subpage_types = ["casestudies.CaseStudyPage"]
    max_count_per_parent = 1
    listing_order = CaseStudyIndexPage.listing_order

    def get_listing_queryset(self):
        return CaseStudyPage.objects.child_of(self).readable().select_related("image")


class CityUpdatesPage(CitySectionMixin, SitePage):
    """A city's own 'Updates' section: the city's news items live below it."""

    class Meta:
        verbose_name = gettext_lazy("city updates page")
        verbose_name_plural = gettext_lazy("city updates pages")

    parent_page_types = ["casestudies.CityPage"]
    subpage_types = ["casestudies.UpdatePage"]
    max_count_per_parent = 1
    listing_order = UpdateIndexPage.listing_order

    def get_listing_queryset(self):
        return UpdatePage.objects.child_of(self).readable()
