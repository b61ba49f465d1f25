"""The top of the site: the home page, with what editors feature on it, and the about page.

This app sits above the others: it may import every feature app, and none imports it.
"""

from django.db import models
from django.utils.translation import gettext_lazy

from wagtail.admin.panels import InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PagePermissionTester
from wagtail.search import index

from modelcluster.fields import ParentalKey

from casestudies.models import CityPage, UpdatePage
from network_site.blocks import BodyBlock
from network_site.languages import in_reader_language
from network_site.models import Theme
from network_site.pages import SitePage
from network_site.structured_data import CONTEXT, city_authority
from toolkit.models import FeaturedCollection, FeaturedCollectionsMixin


class SiteRootPermissionTester(PagePermissionTester):
    """Only administrators may delete, move or unpublish the home page: any of these takes
    the whole site down. Editors may still edit and publish it."""

    def can_delete(self, ignore_bulk=False):
        return self.user.is_superuser and super().can_delete(ignore_bulk)

    def can_unpublish(self):
        return self.user.is_superuser and super().can_unpublish()


FEATURED_PAGES_MAX = 6
# The home page lists this many partner cities at most; /cities/ lists them all.
PARTNERS_SHOWN = 12


class HomePage(FeaturedCollectionsMixin, SitePage):
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
            max_num=FEATURED_PAGES_MAX,
            help_text="Shown on the home page in this order.",
        ),
        FeaturedCollectionsMixin.featured_collections_panel,
    ]

    class Meta:
        verbose_name = gettext_lazy("home page")
        verbose_name_plural = gettext_lazy("home pages")

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.AboutPage",
        "casestudies.CityIndexPage",
        "casestudies.CaseStudyIndexPage",
        "casestudies.UpdateIndexPage",
        "toolkit.ToolkitPage",
    ]
    max_count = 1

    def permissions_for_user(self, user):
        return SiteRootPermissionTester(user, self)

    def featured_page_ids(self):
        return [item.page_id for item in self.featured_pages.all()][:FEATURED_PAGES_MAX]

    @property
    def featured(self):
        """The featured pages readers may see, in the editor's order (read with the featured
        collections' pages: `FeaturedCollectionsMixin.visible_featured`)."""
        return self.visible_featured[0]

    def structured_data(self, meta, context):
        """The network as an `Organization`, with the partner cities the page lists as its
        members (their governments, each in its city)."""
        request = context["request"]
        members = []
        for city in context.get("partner_cities", ()):
            url = city.get_url(request)
            if url is not None:
                members.append(city_authority(city, request.build_absolute_uri(url)))
        return {
            "@context": CONTEXT,
            **meta.network,
            "description": meta.description,
            "url": meta.canonical_url,
            "member": members,
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        partners = CityPage.objects.readable().in_language()
        context["partner_cities"] = partners.order_by("title", "pk")[:PARTNERS_SHOWN]
        context["partner_cities_count"] = partners.count()
        context["latest_updates"] = (
            UpdatePage.objects.readable()
            .in_language()
            .select_related("city")
            .order_by("-date")[:4]
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


class AboutPage(SitePage):
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

    class Meta:
        verbose_name = gettext_lazy("about page")
        verbose_name_plural = gettext_lazy("about pages")

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1
    schema_type = "AboutPage"

    @property
    def erdf_share_percent(self):
        """The ERDF share of the budget, rounded to a whole percent, or None if unknown."""
        if not (self.total_budget_eur and self.erdf_contribution_eur):
            return None
        return round(100 * self.erdf_contribution_eur / self.total_budget_eur)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["themes"] = in_reader_language(Theme)
        return context
