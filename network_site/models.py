"""Site-wide pages (home, about), the shared taxonomies and the shared page mixins."""

import datetime
from itertools import islice, pairwise
from typing import NamedTuple

from django.db import models
from django.db.models import prefetch_related_objects
from django.db.models.fields.json import KeyTextTransform
from django.utils.functional import cached_property

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageLogEntry, PagePermissionTester
from wagtail.search import index

from modelcluster.fields import ParentalKey

from .blocks import BodyBlock
from .forms import ChangeHistoryPageForm, FeaturedCollectionsPageForm


def pages_readers_may_see(page_ids):
    """The pages among `page_ids` that readers may see, as their specific types, in the
    order given.

    Editors choose pages for the home page and for curated collections; by the time a reader
    comes, a page may be a draft or private, or belong to a city that was unpublished (whose
    content the listings and search leave out too): such a page is left out. The cards show
    the city and the image of a case study: each is fetched in one query for all the cards.
    """
    pages = Page.objects.live().public().filter(pk__in=page_ids).specific().in_bulk()
    chosen = [pages[page_id] for page_id in page_ids if page_id in pages]
    prefetch_related_objects([page for page in chosen if hasattr(page, "city_id")], "city")
    prefetch_related_objects([page for page in chosen if hasattr(page, "image_id")], "image")
    return [
        page
        for page in chosen
        if not hasattr(page, "city_id") or (page.city is not None and page.city.live)
    ]


class Theme(index.Indexed, models.Model):
    """One of the four URBACT improvement areas a case study, guide or update belongs to."""

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.TextField(blank=True, help_text="One or two sentences for readers.")
    sort_order = models.PositiveSmallIntegerField(
        default=0, help_text="Themes are listed in this order, lowest first."
    )

    panels = ["name", "slug", "description", "sort_order"]
    search_fields = [index.SearchField("name"), index.FilterField("slug")]

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class Channel(index.Indexed, models.Model):
    """A social media channel or digital tool a city uses to reach and involve citizens."""

    class Kind(models.TextChoices):
        SOCIAL_MEDIA = "social-media", "Social media"
        PARTICIPATION = "participation", "Participation platform"
        MEETINGS = "meetings", "Meetings and events"
        APP = "app", "Mobile app"
        WEB = "web", "Website or web service"
        OTHER = "other", "Other"

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    description = models.TextField(blank=True)

    panels = ["name", "slug", "kind", "description"]
    search_fields = [index.SearchField("name"), index.FilterField("slug")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class SampleContentMixin(models.Model):
    """Flags a page whose text goes beyond documented facts, so readers see it is illustrative."""

    is_sample_content = models.BooleanField(
        "sample content",
        default=False,
        help_text=(
            "Tick when the page holds illustrative text rather than reported results. "
            "Readers then see a clear 'sample content' notice."
        ),
    )
    sample_content_note = models.CharField(
        max_length=300,
        blank=True,
        help_text="Optional: say which parts are documented and which are illustrative.",
    )

    sample_content_panel = MultiFieldPanel(
        ["is_sample_content", "sample_content_note"], heading="Sample content"
    )

    class Meta:
        abstract = True


class PublishedChange(NamedTuple):
    """One line of a page's public change history."""

    published_at: datetime.datetime
    summary: str


class ChangeHistoryMixin(models.Model):
    """Gives a page a public change history: the date and summary of each publication.

    The history is read from Wagtail's audit log (every publication, including scheduled
    ones, logs an entry pointing at the revision it published) and each revision's
    `change_summary`, so no other table is kept and the admin's page history stays the full
    record. Purging old revisions (`manage.py purge_revisions`) turns their summaries into
    "Small corrections".
    """

    PUBLISH_ACTIONS = ("wagtail.publish", "wagtail.publish.scheduled")
    HISTORY_LENGTH = 10

    change_summary = models.CharField(
        max_length=200,
        blank=True,
        help_text=(
            "What changed, in one sentence, for the page's public change history. "
            "Leave blank for a small correction."
        ),
    )

    change_summary_panel = FieldPanel("change_summary")
    base_form_class = ChangeHistoryPageForm

    class Meta:
        abstract = True

    def publications(self):
        """This page's entries in the audit log for being published, newest first."""
        return PageLogEntry.objects.filter(
            page_id=self.pk, action__in=self.PUBLISH_ACTIONS
        ).order_by("-timestamp", "-pk")

    def has_published_summary(self, summary):
        """Whether `summary` is the change summary of one of this page's publications."""
        return self.publications().filter(revision__content__change_summary=summary).exists()

    @cached_property
    def change_history(self):
        """The newest publications as readers see them, newest first (one query).

        A publication without a summary reads "First published" if it is the first, and
        "Small corrections" otherwise. So does one that repeats the summary of the
        publication before it (a bulk publish in the admin republishes the page as it is):
        a summary is shown once, on the publication that brought it.
        """
        if not self.pk:
            return []
        # One more row than is shown, to know whether the oldest shown is the first
        # publication and what the publication before it said.
        # KeyTextTransform rather than KT(): KT's lookup string cannot follow a relation.
        publications = self.publications().values_list(
            "timestamp", KeyTextTransform("change_summary", "revision__content")
        )
        rows = list(publications[: self.HISTORY_LENGTH + 1])
        history = []
        # Each publication with the one before it (None for the first).
        pairs = pairwise([*rows, None])
        for (published_at, summary), older in islice(pairs, self.HISTORY_LENGTH):
            if older is None:
                summary = summary or "First published"
            elif not summary or summary == older[1]:
                summary = "Small corrections"
            history.append(PublishedChange(published_at, summary))
        return history


class SiteRootPermissionTester(PagePermissionTester):
    """Only administrators may delete, move or unpublish the home page: any of these takes
    the whole site down. Editors may still edit and publish it."""

    def can_delete(self, ignore_bulk=False):
        return self.user.is_superuser and super().can_delete(ignore_bulk)

    def can_unpublish(self):
        return self.user.is_superuser and super().can_unpublish()


class FeaturedCollectionsMixin:
    """A page that features curated collections, in the order an editor sets.

    The page needs an orderable subclassing `FeaturedCollection` with
    `related_name="featured_collections"`, and `featured_collections_panel` in its panels.
    """

    base_form_class = FeaturedCollectionsPageForm

    featured_collections_panel = InlinePanel(
        "featured_collections",
        heading="Featured curated collections",
        label="Curated collection",
        max_num=3,
        help_text=(
            "Shown in this order, each with its pages. A collection with no published, "
            "public page is left out."
        ),
    )

    @cached_property
    def visible_collections(self):
        """The featured collections that have a page readers may see, in the editor's order."""
        featured = self.featured_collections.select_related("collection").prefetch_related(
            "collection__items"
        )
        return [item.collection for item in featured if item.collection.visible_pages]


class FeaturedCollection(Orderable):
    """A curated collection an editor features on a page (one concrete model per page type)."""

    collection = models.ForeignKey(
        "toolkit.CuratedCollection", on_delete=models.CASCADE, related_name="+"
    )

    panels = ["collection"]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = "featured curated collection"


class HomePage(FeaturedCollectionsMixin, Page):
    """The front page: what the network is, editors' picks, latest updates and the partners."""

    introduction = RichTextField(
        features=["bold", "italic", "link"], help_text="What the network is, in a few lines."
    )

    content_panels = [
        *Page.content_panels,
        "introduction",
        InlinePanel(
            "featured_pages",
            heading="Featured case studies and guides",
            label="Featured page",
            max_num=6,
            help_text="Shown on the home page in this order.",
        ),
        FeaturedCollectionsMixin.featured_collections_panel,
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "network_site.AboutPage",
        "casestudies.CityIndexPage",
        "casestudies.CaseStudyIndexPage",
        "casestudies.UpdateIndexPage",
        "toolkit.ToolkitPage",
    ]
    max_count = 1

    def permissions_for_user(self, user):
        return SiteRootPermissionTester(user, self)

    @cached_property
    def featured(self):
        """The featured pages readers may see, in the editor's order."""
        return pages_readers_may_see([item.page_id for item in self.featured_pages.all()])

    def get_context(self, request, *args, **kwargs):
        from casestudies.models import CityPage, UpdatePage

        context = super().get_context(request, *args, **kwargs)
        context["partner_cities"] = CityPage.objects.live().public().order_by("title")
        context["latest_updates"] = (
            UpdatePage.objects.live().public().select_related("city").order_by("-date")[:4]
        )
        return context


class HomePageFeaturedPage(Orderable):
    """A case study or guide an editor features on the home page."""

    home_page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_pages")
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("page", ["casestudies.CaseStudyPage", "toolkit.GuidePage"])]


class HomePageFeaturedCollection(FeaturedCollection):
    """A curated collection an editor features on the home page."""

    home_page = ParentalKey(
        HomePage, on_delete=models.CASCADE, related_name="featured_collections"
    )


class AboutPage(Page):
    """The story of the network: its funding, the URBACT areas it worked on and what it made."""

    introduction = models.TextField(help_text="A short lead paragraph.")
    programme = models.CharField(max_length=80, default="URBACT III")
    programming_period = models.CharField(max_length=20, default="2014–2020")
    total_budget_eur = models.DecimalField(
        "total budget (EUR)", max_digits=12, decimal_places=2, null=True, blank=True
    )
    erdf_contribution_eur = models.DecimalField(
        "ERDF contribution (EUR)",
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="The part of the budget paid by the European Regional Development Fund.",
    )
    body = StreamField(BodyBlock(), blank=True)

    content_panels = [
        *Page.content_panels,
        "introduction",
        MultiFieldPanel(
            ["programme", "programming_period", "total_budget_eur", "erdf_contribution_eur"],
            heading="Funding",
        ),
        "body",
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["network_site.HomePage"]
    subpage_types = []
    max_count = 1

    @property
    def erdf_share_percent(self):
        """The ERDF share of the budget, rounded to a whole percent, or None if unknown."""
        if not (self.total_budget_eur and self.erdf_contribution_eur):
            return None
        return round(100 * self.erdf_contribution_eur / self.total_budget_eur)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["themes"] = Theme.objects.all()
        return context
