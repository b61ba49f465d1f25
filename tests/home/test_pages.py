"""The home and about pages: where they live, that editors can create them, what they show."""

from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from casestudies.factories import CaseStudyPageFactory, UpdatePageFactory
from casestudies.models import CaseStudyIndexPage, CityIndexPage, UpdateIndexPage
from home.factories import AboutPageFactory
from home.models import AboutPage, HomePage, HomePageFeaturedPage
from tests.pages import SitePageTestCase
from toolkit.factories import GuidePageFactory
from toolkit.models import ToolkitPage


class TestHomeAndAbout(SitePageTestCase):
    def test_home_page_holds_the_top_level_sections(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage,
            {AboutPage, CityIndexPage, CaseStudyIndexPage, ToolkitPage, UpdateIndexPage},
        )
        self.assertAllowedSubpageTypes(AboutPage, set())

    def test_editors_create_a_home_page_at_the_root(self):
        Page.objects.filter(pk=self.tree["home"].pk).delete()
        root = Page.get_first_root_node()
        self.assertCanPreviewAndCreate(
            root,
            HomePage,
            nested_form_data(
                {
                    "title": "Interactive Cities",
                    "slug": "interactive-cities",
                    "introduction": rich_text("<p>Ten cities.</p>"),
                    "featured_pages": inline_formset([]),
                    "featured_collections": inline_formset([]),
                }
            ),
            "Ten cities.",
        )
        assert HomePage.objects.get().live

    def test_editors_create_the_about_page(self):
        self.assertCanPreviewAndCreate(
            self.tree["home"],
            AboutPage,
            nested_form_data(
                {
                    "title": "About the network",
                    "introduction": "Ten cities, one question.",
                    "programme": "URBACT III",
                    "programming_period": "2014–2020",
                    "total_budget_eur": "716745",
                    "erdf_contribution_eur": "549820",
                    "body": streamfield([("paragraph", rich_text("<p>How it began.</p>"))]),
                }
            ),
            "716,745",
            "How it began.",
        )
        assert AboutPage.objects.get().erdf_share_percent == 77

    def test_home_page_shows_partners_updates_and_featured_pages_in_order(self):
        guide = GuidePageFactory(parent=self.tree["toolkit"], title="Audit your channels")
        case_study = CaseStudyPageFactory(
            parent=self.tartu.case_studies_section, title="Virtual meetings"
        )
        hidden = CaseStudyPageFactory(parent=self.tartu.case_studies_section, title="Draft")
        hidden.unpublish()
        UpdatePageFactory(parent=self.tartu.updates_section, title="Spring news")
        home = HomePage.objects.get()
        home.featured_pages = [
            HomePageFeaturedPage(page=page, sort_order=order)
            for order, page in enumerate((guide, hidden, case_study))
        ]
        home.save_revision().publish()

        self.assertRendersWith(home, "Tartu", "Spring news")
        assert [page.title for page in home.featured] == [
            "Audit your channels",
            "Virtual meetings",
        ]
        text = self.client.get(home.url).text
        assert text.index("Audit your channels") < text.index("Virtual meetings")
        assert "Draft" not in text

    def test_about_page_shows_the_funding_and_the_four_areas(self):
        about = AboutPageFactory(parent=self.tree["home"])
        self.assertRendersWith(
            about, "716,745", "549,820", "(77% of the budget)", "Governance", "Economy"
        )
