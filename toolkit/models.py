"""The toolkit: best-practice guides and the implementation roadmap, curated by editors."""

from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.http import QueryDict
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel

from network_site.blocks import DocumentLinkBlock
from network_site.citations import CitablePageMixin
from network_site.indexing import Facet, SearchablePage
from network_site.pages import (
    ChangeHistoryMixin,
    ProvenanceMixin,
    SitePage,
    keep_readable,
    readable_in_order,
    readable_in_order_each,
)

from .blocks import GuideStepBlock, RoadmapPhaseBlock
from .forms import CuratedCollectionForm, FeaturedCollectionsPageForm


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

    def featured_page_ids(self):
        """The ids of the pages the page features besides its collections, in order (none
        here): they are read with the collections' pages, in the same queries."""
        return []

    @cached_property
    def visible_featured(self):
        """The pages of `featured_page_ids` readers may see, and the featured collections
        that have such a page, each in the editor's order."""
        featured = self.featured_collections.select_related("collection").prefetch_related(
            "collection__items"
        )
        collections = [item.collection for item in featured]
        pages, *collections_pages = readable_in_order_each(
            [self.featured_page_ids(), *(collection.item_page_ids for collection in collections)]
        )
        for collection, visible in zip(collections, collections_pages, strict=True):
            collection.visible_pages = visible
        return pages, [collection for collection in collections if collection.visible_pages]

    @property
    def visible_collections(self):
        """The featured collections that have a page readers may see, in the editor's order."""
        return self.visible_featured[1]


class FeaturedCollection(Orderable):
    """A curated collection an editor features on a page (one concrete model per page type)."""

    collection = models.ForeignKey(
        "toolkit.CuratedCollection", on_delete=models.CASCADE, related_name="+"
    )

    panels = ["collection"]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = "featured curated collection"


class ToolkitPage(FeaturedCollectionsMixin, SitePage):
    """The toolkit's front page, at /toolkit/: the roadmap, featured collections and the
    guides, a dozen at a time."""

    introduction = models.TextField(blank=True, help_text="Shown above the roadmap and guides.")

    content_panels = [
        *Page.content_panels,
        "introduction",
        FeaturedCollectionsMixin.featured_collections_panel,
    ]

    class Meta:
        verbose_name = gettext_lazy("toolkit page")
        verbose_name_plural = gettext_lazy("toolkit pages")

    parent_page_types = ["home.HomePage"]
    subpage_types = ["toolkit.GuidePage", "toolkit.RoadmapPage"]
    max_count = 1
    guides_per_page = 12

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["roadmap"] = RoadmapPage.objects.child_of(self).readable().first()
        guides = GuidePage.objects.child_of(self).readable().prefetch_related("themes")
        paginator = Paginator(guides.order_by("path"), self.guides_per_page)
        context["guides"] = paginator.get_page(request.GET.get("page"))
        context["page_parameters"] = QueryDict()  # The page links carry nothing else.
        return context


class GuidePage(CitablePageMixin, SearchablePage, ProvenanceMixin, ChangeHistoryMixin, SitePage):
    """A best-practice guide: who it is for, the effort it takes and the steps to follow.

    Its case studies are the ones that name it under 'Related toolkit guides', so the link
    is made once, on the case study, and shows on both pages. The guide shows the first
    few; all of them are listed, a dozen at a time, at `case-studies/` below it. Readers
    can cite it (`CitablePageMixin`): its author is the network.
    """

    class Effort(models.TextChoices):
        LIGHT = "light", gettext_lazy("Light: days")
        MODERATE = "moderate", gettext_lazy("Moderate: weeks")
        SUBSTANTIAL = "substantial", gettext_lazy("Substantial: months")

    summary = models.TextField(max_length=400, help_text="Shown in lists and search results.")
    audience = models.CharField(
        max_length=200, help_text="Who the guide is for, e.g. 'city communication teams'."
    )
    effort = models.CharField(
        max_length=12,
        choices=Effort.choices,
        default=Effort.MODERATE,
        help_text="Roughly how long a city needs to follow the guide.",
    )
    steps = StreamField(
        [("step", GuideStepBlock())], help_text="In the order readers follow them."
    )
    resources = StreamField(
        [("resource", DocumentLinkBlock())],
        blank=True,
        help_text="Templates, checklists and other files readers can download.",
    )
    themes = ParentalManyToManyField("network_site.Theme", related_name="guides", blank=True)

    content_panels = [
        *Page.content_panels,
        ProvenanceMixin.provenance_panel,
        "summary",
        FieldRowPanel(["audience", "effort"]),
        "steps",
        "resources",
        MultiFieldPanel(
            [FieldPanel("themes", widget=forms.CheckboxSelectMultiple)], heading="Taxonomy"
        ),
        ChangeHistoryMixin.change_summary_panel,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("audience"),
        index.SearchField("steps"),
        index.SearchField("resources"),
        index.RelatedFields("themes", [Facet("slug", facet="theme", label="name")]),
        Facet("publication_year", facet="year"),
        index.FilterField("effort"),
    ]
    search_type = "guide"
    search_type_label = gettext_lazy("Guide")
    # What the read API (api/serializers.py) gives of the page besides its title, address,
    # language and translations, images and documents.
    api_fields = ["summary", "audience", "effort", "themes", "provenance"]

    class Meta:
        verbose_name = gettext_lazy("guide page")
        verbose_name_plural = gettext_lazy("guide pages")

    parent_page_types = ["toolkit.ToolkitPage"]
    subpage_types = []
    # How lists show the page: components/card_grid.html includes this template.
    card_template = "components/cards/guide.html"

    # Read by its citation (network_site.citations); fetched with the page when it is served.
    select_related_when_served = ("locale",)
    case_studies_shown = 6
    case_studies_per_page = 12

    def readable_case_studies(self):
        """The case studies that name this guide (in any language's version of it) and
        readers may see, in the reader's language, by title."""
        case_study_model = self._meta.get_field("case_studies").related_model
        if not self.pk:  # A guide previewed before its first save has none yet.
            return case_study_model.objects.none()
        chosen = case_study_model.objects.filter(
            related_guides__translation_key=self.translation_key
        )
        return (
            chosen.localized().readable().select_related("city", "image").order_by("title", "pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        case_studies = self.readable_case_studies()
        context["case_studies"] = case_studies[: self.case_studies_shown]
        context["case_studies_count"] = case_studies.count()
        return context

    @path("case-studies/", name="case_studies")
    def all_case_studies(self, request):
        """Every case study that names the guide, a dozen at a time."""
        paginator = Paginator(self.readable_case_studies(), self.case_studies_per_page)
        return self.render(
            request,
            template="toolkit/guide_case_studies.html",
            context_overrides={
                "listing": paginator.get_page(request.GET.get("page")),
                "page_parameters": QueryDict(),
            },
        )


class RoadmapPage(CitablePageMixin, SearchablePage, ProvenanceMixin, SitePage):
    """The implementation roadmap: the phases a city goes through, in order. Readers can
    cite it (`CitablePageMixin`): its author is the network."""

    introduction = models.TextField(help_text="What the roadmap is and how to use it.")
    phases = StreamField([("phase", RoadmapPhaseBlock())])

    content_panels = [
        *Page.content_panels,
        ProvenanceMixin.provenance_panel,
        "introduction",
        "phases",
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("phases"),
        Facet("publication_year", facet="year"),
    ]
    search_type = "roadmap"
    search_type_label = gettext_lazy("Roadmap")
    # What the read API (api/serializers.py) gives of the page besides its title, address,
    # language and translations, images and documents.
    api_fields = ["introduction", "provenance"]
    search_summary_field = "introduction"
    # Read by its citation (network_site.citations); fetched with the page when it is served.
    select_related_when_served = ("locale",)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["phases"] = self.readable_phases()
        return context

    def readable_phases(self):
        """Each phase with the guides and case studies it links to that readers may see:
        `(phase, guides, case_studies)`, in the same queries for any number of phases."""
        linked = [
            page
            for phase in self.phases
            for page in (*phase.value["guides"], *phase.value["case_studies"])
            if page is not None
        ]
        readable = {page.pk for page in keep_readable(linked)}
        return [
            (
                phase,
                [page for page in phase.value["guides"] if page and page.pk in readable],
                [page for page in phase.value["case_studies"] if page and page.pk in readable],
            )
            for phase in self.phases
        ]

    class Meta:
        verbose_name = gettext_lazy("roadmap page")
        verbose_name_plural = gettext_lazy("roadmap pages")

    parent_page_types = ["toolkit.ToolkitPage"]
    subpage_types = []
    max_count = 1
    # How lists show the page: components/card_grid.html includes this template.
    card_template = "components/cards/roadmap.html"


class ToolkitPageFeaturedCollection(FeaturedCollection):
    """A curated collection an editor features on the toolkit page."""

    toolkit_page = ParentalKey(
        ToolkitPage, on_delete=models.CASCADE, related_name="featured_collections"
    )


class CuratedCollection(index.Indexed, ClusterableModel):
    """An ordered, introduced list of case studies and guides on one subject, which editors
    feature on the home page and the toolkit page, e.g. "Start here: handling citizen
    complaints online".

    Named "curated collection" throughout, since Wagtail's own "collections" are folders of
    images and documents.
    """

    title = models.CharField(max_length=120)
    slug = models.SlugField(
        max_length=80,
        unique=True,
        help_text=(
            "Where the collection is featured, it can be linked to with #collection- "
            "followed by this slug."
        ),
    )
    introduction = models.TextField(
        help_text="What the collection is for and who it helps, shown to readers above its pages."
    )

    # A collection is shown in full wherever it is featured, so it stays short: the form
    # takes at most this many pages, and the site shows no more than this many.
    MAX_PAGES = 12

    panels = [
        "title",
        "slug",
        "introduction",
        InlinePanel(
            "items",
            heading="Case studies and guides",
            label="Page",
            max_num=MAX_PAGES,
            help_text=(
                f"Up to {MAX_PAGES}, shown in this order. Drafts and private pages are left "
                "out on the site; a collection with none left is not shown."
            ),
        ),
    ]
    base_form_class = CuratedCollectionForm
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        ordering = ["title"]
        verbose_name = "curated collection"
        verbose_name_plural = "curated collections"

    def __str__(self):
        return self.title

    @property
    def item_page_ids(self):
        """The ids of the collection's pages, in the editor's order, up to `MAX_PAGES`."""
        return [item.page_id for item in self.items.all()][: self.MAX_PAGES]

    @cached_property
    def visible_pages(self):
        """The collection's pages readers may see, in the editor's order."""
        return readable_in_order(self.item_page_ids)


class CuratedCollectionItem(Orderable):
    """One case study or guide in a curated collection."""

    collection = ParentalKey(CuratedCollection, on_delete=models.CASCADE, related_name="items")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("page", ["casestudies.CaseStudyPage", "toolkit.GuidePage"])]

    class Meta(Orderable.Meta):
        verbose_name = "curated collection page"
