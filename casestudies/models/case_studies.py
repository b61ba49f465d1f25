"""Case studies: what a partner city tried, how, and what came of it."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase

from casestudies.forms import CaseStudyPageForm
from casestudies.panels import CityPanel
from network_site.blocks import RICH_TEXT_FEATURES
from network_site.citations import CitablePageMixin
from network_site.indexing import Facet, SearchablePage
from network_site.pages import ChangeHistoryMixin, ProvenanceMixin, SitePage

from .listings import ListingPageMixin
from .mixins import CityContentMixin

YEAR_VALIDATORS = [MinValueValidator(2000), MaxValueValidator(2100)]


class CaseStudyTag(TaggedItemBase):
    """Free tag on a case study (django-taggit through model)."""

    content_object = ParentalKey(
        "casestudies.CaseStudyPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class CaseStudyPage(
    CitablePageMixin,
    SearchablePage,
    ProvenanceMixin,
    ChangeHistoryMixin,
    CityContentMixin,
    SitePage,
):
    """A partner city's account of one practice: the challenge, the approach and the results.

    Readers can cite it (`CitablePageMixin`): its author is its city.
    """

    base_form_class = CaseStudyPageForm

    class Status(models.TextChoices):
        PILOT = "pilot", pgettext_lazy("status of a practice", "Pilot")
        RUNNING = "running", pgettext_lazy("status of a practice", "Running")
        COMPLETED = "completed", pgettext_lazy("status of a practice", "Completed")
        STOPPED = "stopped", pgettext_lazy("status of a practice", "Stopped")

    summary = models.TextField(
        max_length=400, help_text="Two or three sentences shown in lists and search results."
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    challenge = RichTextField(features=RICH_TEXT_FEATURES, help_text="The problem the city faced.")
    approach = RichTextField(features=RICH_TEXT_FEATURES, help_text="What the city did, and how.")
    results = RichTextField(features=RICH_TEXT_FEATURES, help_text="What came of it.")
    lessons_learned = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="What the city would keep and what it would do differently.",
    )
    transferability = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="What another city needs in order to do the same.",
    )
    status = models.CharField(
        max_length=10,
        choices=Status.choices,
        default=Status.RUNNING,
        help_text="Where the practice stands today.",
    )
    start_year = models.PositiveSmallIntegerField(validators=YEAR_VALIDATORS)
    end_year = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=YEAR_VALIDATORS, help_text="Leave blank if ongoing."
    )
    themes = ParentalManyToManyField(
        "network_site.Theme",
        related_name="case_studies",
        help_text="The URBACT areas the practice contributes to.",
    )
    channels = ParentalManyToManyField(
        "network_site.Channel",
        related_name="case_studies",
        blank=True,
        help_text="The social media channels and digital tools the practice used.",
    )
    tags = ClusterTaggableManager(through=CaseStudyTag, blank=True)
    related_guides = ParentalManyToManyField(
        "toolkit.GuidePage",
        related_name="case_studies",
        blank=True,
        help_text="Toolkit guides this practice illustrates; each guide lists it in return.",
    )

    # The form takes at most this many related guides, and the page shows no more.
    MAX_RELATED_GUIDES = 6

    content_panels = [
        *Page.content_panels,
        CityPanel(heading="City"),
        ProvenanceMixin.provenance_panel,
        "summary",
        FieldPanel("image"),
        "challenge",
        "approach",
        "results",
        InlinePanel("figures", heading="Result figures", label="Figure", max_num=6),
        "lessons_learned",
        "transferability",
        MultiFieldPanel(
            ["status", FieldRowPanel(["start_year", "end_year"])], heading="Status and timing"
        ),
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("channels", widget=forms.CheckboxSelectMultiple),
                "tags",
            ],
            heading="Taxonomy",
        ),
        MultiFieldPanel(
            [
                FieldPanel(
                    "related_guides",
                    widget=forms.CheckboxSelectMultiple,
                    help_text=(
                        f"Up to {MAX_RELATED_GUIDES} toolkit guides this practice illustrates; "
                        "each guide lists it in return."
                    ),
                )
            ],
            heading="Related toolkit guides",
        ),
        ChangeHistoryMixin.change_summary_panel,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("challenge"),
        index.SearchField("approach"),
        index.SearchField("results"),
        index.RelatedFields("figures", [index.SearchField("as_text")]),
        index.SearchField("lessons_learned"),
        index.SearchField("transferability"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields("themes", [Facet("slug", facet="theme", label="name")]),
        index.RelatedFields("channels", [Facet("slug", facet="channel", label="name")]),
        index.RelatedFields(
            "city",
            [Facet("slug", facet="city", label="title"), Facet("country", facet="country")],
        ),
        Facet("start_year", facet="year"),
        index.FilterField("status"),
    ]
    search_type = "case-study"
    search_type_label = gettext_lazy("Case study")
    # What the read API (api/serializers.py) gives of the page besides its title, address,
    # language and translations, images and documents.
    api_fields = [
        "summary",
        "city",
        "country",
        "themes",
        "channels",
        "status",
        "start_year",
        "end_year",
        "figures",
        "provenance",
    ]

    parent_page_types = ["casestudies.CityCaseStudiesPage"]
    subpage_types = []
    # How lists show the page: components/card_grid.html includes this template.
    card_template = "components/cards/case_study.html"
    # Read by its template; fetched with the page when it is served (network_site.routing).
    # The locale is the citation's (network_site.citations).
    select_related_when_served = ("city", "image", "locale")

    class Meta:
        verbose_name = gettext_lazy("case study page")
        verbose_name_plural = gettext_lazy("case study pages")
        # The listings sort by it, newest first (see ListingPageMixin).
        indexes = [models.Index(fields=["start_year"], name="casestudy_start_year")]

    def clean(self):
        super().clean()
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError(
                {"end_year": gettext("The end year cannot be before the start year.")}
            )

    @property
    def years(self):
        """The years the practice ran, as readers expect to see them: '2016', '2016–2018'."""
        if self.end_year and self.end_year != self.start_year:
            return f"{self.start_year}–{self.end_year}"
        if self.end_year or self.status in (self.Status.COMPLETED, self.Status.STOPPED):
            return str(self.start_year)
        return gettext("%(year)s onwards") % {"year": self.start_year}

    def citation_author(self):
        """The city, as an organisation: "City of Tartu"."""
        if self.city is None:
            return super().citation_author()
        # Translators: the author of a case study in a citation, as "City of Tartu".
        return gettext("City of %(city)s") % {"city": self.city.title}

    def search_date(self):
        """ "Newest first" means the most recent practice, as the case study listing orders."""
        return datetime.date(self.start_year, 1, 1)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        guide_model = self._meta.get_field("related_guides").related_model
        if getattr(request, "is_preview", False):
            # A preview holds the relation in memory, so look the guides up by id.
            chosen = guide_model.objects.filter(pk__in=[g.pk for g in self.related_guides.all()])
        else:
            # The guides chosen on any language's version of this case study.
            chosen = guide_model.objects.filter(case_studies__translation_key=self.translation_key)
        guides = chosen.localized().readable()
        context["related_guides"] = guides.order_by("title", "pk")[: self.MAX_RELATED_GUIDES]
        return context


class CaseStudyFigure(TranslatableMixin, Orderable):
    """A measured result of a case study: a value, its unit and what it counts. Translatable
    with its case study: the value stays, the unit and the label are translated."""

    case_study = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="figures")
    value = models.DecimalField(max_digits=14, decimal_places=2)
    unit = models.CharField(max_length=20, blank=True, help_text="For example %, EUR or people.")
    label = models.CharField(max_length=120, help_text="What the figure counts.")

    panels = [FieldRowPanel(["value", "unit"]), "label"]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]

    def __str__(self):
        return self.as_text

    @property
    def as_text(self):
        """The figure as one phrase, as readers see and search it: '30 % fewer complaints'."""
        return f"{self.value.normalize():f} {self.unit} {self.label}".replace("  ", " ")


class CaseStudyIndexPage(ListingPageMixin, SitePage):
    """Every partner city's case studies, at /case-studies/, filterable by city and theme."""

    introduction = models.TextField(blank=True, help_text="Shown above the list.")

    content_panels = [*Page.content_panels, "introduction"]

    class Meta:
        verbose_name = gettext_lazy("case study index page")
        verbose_name_plural = gettext_lazy("case study index pages")

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1
    listing_order = ("-start_year", "title")

    def get_listing_queryset(self):
        return CaseStudyPage.objects.readable().in_language().select_related("image")
