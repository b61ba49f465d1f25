"""Each page type: where it may live, that editors can create it, that it renders."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from casestudies.factories import CaseStudyPageFactory, CityPageFactory, UpdatePageFactory
from casestudies.models import (
    CaseStudyIndexPage,
    CaseStudyPage,
    CityCaseStudiesPage,
    CityIndexPage,
    CityPage,
    CityUpdatesPage,
    UpdateIndexPage,
    UpdatePage,
)
from network_site.factories import AboutPageFactory, ChannelFactory
from network_site.models import AboutPage, HomePage
from toolkit.factories import GuidePageFactory, RoadmapPageFactory
from toolkit.models import GuidePage, RoadmapPage, ToolkitPage

EMPTY_STREAM = streamfield([])
# Multi-value fields (themes, guides) are tuples: nested_form_data would split a list into
# numbered keys.


class TestPageTree(WagtailPageTestCase):
    """Editors cannot build a wrong tree: each page type only goes where it belongs."""

    def test_home_page_holds_the_top_level_sections(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage,
            {AboutPage, CityIndexPage, CaseStudyIndexPage, ToolkitPage, UpdateIndexPage},
        )

    def test_city_content_lives_under_its_city(self):
        self.assertAllowedSubpageTypes(CityIndexPage, {CityPage})
        self.assertAllowedSubpageTypes(CityPage, {CityCaseStudiesPage, CityUpdatesPage})
        self.assertAllowedSubpageTypes(CityCaseStudiesPage, {CaseStudyPage})
        self.assertAllowedSubpageTypes(CityUpdatesPage, {UpdatePage})
        self.assertAllowedParentPageTypes(CaseStudyPage, {CityCaseStudiesPage})
        self.assertAllowedParentPageTypes(UpdatePage, {CityUpdatesPage})

    def test_site_wide_listings_hold_no_pages(self):
        self.assertCanNotCreateAt(CaseStudyIndexPage, CaseStudyPage)
        self.assertCanNotCreateAt(UpdateIndexPage, UpdatePage)

    def test_toolkit_holds_guides_and_the_roadmap(self):
        self.assertAllowedSubpageTypes(ToolkitPage, {GuidePage, RoadmapPage})
        self.assertAllowedSubpageTypes(GuidePage, set())
        self.assertAllowedSubpageTypes(RoadmapPage, set())


class TestEditorsCreatePages(WagtailPageTestCase):
    """An editor creates and publishes each page type through the real admin forms."""

    @pytest.fixture(autouse=True)
    def _site(self, site_tree, tartu, themes):
        self.tree = site_tree
        self.tartu = tartu
        self.themes = themes

    def setUp(self):
        super().setUp()
        self.login()

    def test_about_page(self):
        self.assertCanCreate(
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
                    "body": EMPTY_STREAM,
                }
            ),
        )
        about = AboutPage.objects.get()
        assert about.live
        assert about.erdf_share_percent == 77

    def test_city_page_gets_its_sections(self):
        channel = ChannelFactory(name="Facebook")
        self.assertCanCreate(
            self.tree["cities"],
            CityPage,
            nested_form_data(
                {
                    "title": "Murcia",
                    "country": "ES",
                    "role": "partner",
                    "latitude": "37.99220",
                    "longitude": "-1.13070",
                    "summary": "A city in the south-east of Spain.",
                    "tool_audit": inline_formset(
                        [
                            {
                                "channel": channel.pk,
                                "purpose": "News",
                                "audience": "Residents",
                                "stage": "in-use",
                            }
                        ]
                    ),
                }
            ),
        )
        murcia = CityPage.objects.get(slug="murcia")
        assert murcia.tool_audit.get().channel == channel
        assert [p.slug for p in murcia.get_children()] == ["case-studies", "updates"]

    def test_case_study_page(self):
        guide = GuidePageFactory(parent=self.tree["toolkit"])
        self.assertCanCreate(
            self.tartu.case_studies_section,
            CaseStudyPage,
            nested_form_data(
                {
                    "title": "Virtual meetings on development plans",
                    "summary": "Citizens join meetings online.",
                    "challenge": rich_text("<p>Few people came to public hearings.</p>"),
                    "approach": rich_text("<p>Meetings moved online.</p>"),
                    "results": rich_text("<p>More people took part.</p>"),
                    "lessons_learned": rich_text(""),
                    "transferability": rich_text(""),
                    "figures": inline_formset(
                        [{"value": "120", "unit": "people", "label": "took part"}]
                    ),
                    "status": "completed",
                    "start_year": "2016",
                    "end_year": "2018",
                    "themes": (self.themes["governance"].pk,),
                    "tags": "virtual meetings, planning",
                    "related_guides": (guide.pk,),
                }
            ),
        )
        case_study = CaseStudyPage.objects.get()
        assert case_study.city == self.tartu
        assert case_study.url_path.endswith(
            "/cities/tartu/case-studies/virtual-meetings-on-development-plans/"
        )
        assert set(case_study.tags.names()) == {"virtual meetings", "planning"}
        assert list(guide.case_studies.all()) == [case_study]

    def test_case_study_end_year_before_start_year_is_refused(self):
        with pytest.raises(AssertionError, match="cannot be before the start year"):
            self.assertCanCreate(
                self.tartu.case_studies_section,
                CaseStudyPage,
                nested_form_data(
                    {
                        "title": "Backwards in time",
                        "summary": "x",
                        "challenge": rich_text("<p>x</p>"),
                        "approach": rich_text("<p>x</p>"),
                        "results": rich_text("<p>x</p>"),
                        "lessons_learned": rich_text(""),
                        "transferability": rich_text(""),
                        "figures": inline_formset([]),
                        "status": "completed",
                        "start_year": "2018",
                        "end_year": "2016",
                        "themes": (self.themes["governance"].pk,),
                    }
                ),
            )
        assert not CaseStudyPage.objects.exists()

    def test_update_page(self):
        self.assertCanCreate(
            self.tartu.updates_section,
            UpdatePage,
            nested_form_data(
                {
                    "title": "First virtual meeting held",
                    "date": "2017-03-14",
                    "summary": "It went well.",
                    "body": streamfield([("paragraph", rich_text("<p>Details.</p>"))]),
                    "themes": (self.themes["governance"].pk,),
                }
            ),
        )
        assert UpdatePage.objects.get().city == self.tartu

    def test_guide_page(self):
        self.assertCanCreate(
            self.tree["toolkit"],
            GuidePage,
            nested_form_data(
                {
                    "title": "Audit your channels",
                    "summary": "Know what you use before you add more.",
                    "audience": "Communication teams",
                    "effort": "light",
                    "steps": streamfield(
                        [("step", {"title": "List them", "body": rich_text("<p>All.</p>")})]
                    ),
                    "resources": EMPTY_STREAM,
                    "themes": (self.themes["governance"].pk,),
                }
            ),
        )
        assert GuidePage.objects.get().steps[0].value["title"] == "List them"

    def test_roadmap_page(self):
        self.assertCanCreate(
            self.tree["toolkit"],
            RoadmapPage,
            nested_form_data(
                {
                    "title": "Implementation roadmap",
                    "slug": "roadmap",
                    "introduction": "Four phases.",
                    "phases": streamfield(
                        [
                            (
                                "phase",
                                {
                                    "title": "Audit",
                                    "goal": "Know your channels.",
                                    "steps": streamfield([("item", "List them")]),
                                    "typical_duration": "1 month",
                                    "roles": streamfield([("item", "Communication team")]),
                                    "guides": streamfield([]),
                                    "case_studies": streamfield([]),
                                },
                            )
                        ]
                    ),
                }
            ),
        )
        assert RoadmapPage.objects.get().phases[0].value["title"] == "Audit"


class TestPagesRender(WagtailPageTestCase):
    """Each page type renders for a reader and shows its own content."""

    @pytest.fixture(autouse=True)
    def _site(self, site_tree, tartu, themes):
        self.tree = site_tree
        self.tartu = tartu
        self.themes = themes

    def assertRendersWith(self, page, *texts):
        self.assertPageIsRenderable(page)
        response = self.client.get(page.url)
        for text in texts:
            self.assertContains(response, text)

    def test_every_page_type_renders_its_content(self):
        guide = GuidePageFactory(parent=self.tree["toolkit"], title="Audit your channels")
        case_study = CaseStudyPageFactory(
            parent=self.tartu.case_studies_section,
            title="Virtual meetings",
            themes=[self.themes["governance"]],
            related_guides=[guide],
        )
        update = UpdatePageFactory(parent=self.tartu.updates_section, title="Spring news")
        roadmap = RoadmapPageFactory(parent=self.tree["toolkit"])
        about = AboutPageFactory(parent=self.tree["home"])

        self.assertRendersWith(self.tree["home"], "Tartu", "Spring news")
        self.assertRendersWith(about, "716,745", "549,820")
        self.assertRendersWith(self.tree["cities"], "Tartu")
        self.assertRendersWith(self.tartu, "Estonia", "Virtual meetings", "Spring news")
        self.assertRendersWith(self.tartu.case_studies_section, "Virtual meetings")
        self.assertRendersWith(self.tartu.updates_section, "Spring news")
        self.assertRendersWith(case_study, "Tartu", "Governance", "Audit your channels")
        self.assertRendersWith(update, "Tartu", "What happened this month.")
        self.assertRendersWith(self.tree["case_studies"], "Virtual meetings")
        self.assertRendersWith(self.tree["updates"], "Spring news")
        self.assertRendersWith(self.tree["toolkit"], "Audit your channels", roadmap.title)
        self.assertRendersWith(guide, "List your channels", "Virtual meetings")
        self.assertRendersWith(roadmap, "Audit your channels", "1 month")

    def test_sample_content_is_marked_for_readers(self):
        case_study = CaseStudyPageFactory(
            parent=self.tartu.case_studies_section,
            is_sample_content=True,
            sample_content_note="Only the summary is documented.",
        )
        response = self.client.get(case_study.url)
        self.assertContains(response, "Sample content")
        self.assertContains(response, "Only the summary is documented.")
        listing = self.client.get(self.tree["case_studies"].url)
        self.assertContains(listing, "Sample")

    def test_a_second_city_page_is_not_listed_until_published(self):
        draft = CityPageFactory(parent=self.tree["cities"], title="Varna", live=False)
        response = self.client.get(self.tree["cities"].url)
        self.assertContains(response, "Tartu")
        self.assertNotContains(response, draft.title)
