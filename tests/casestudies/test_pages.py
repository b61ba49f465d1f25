"""Partner-city pages: where they live, that editors can create them, what readers see."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from casestudies.factories import CaseStudyPageFactory, UpdatePageFactory
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
from network_site.factories import ChannelFactory
from tests.conftest import fresh
from tests.forms import case_study_form, city_form
from tests.pages import SitePageTestCase
from toolkit.factories import GuidePageFactory


class TestPageTree(SitePageTestCase):
    """Editors cannot build a wrong tree: a city's content lives under that city."""

    def test_city_content_lives_under_its_city(self):
        self.assertAllowedSubpageTypes(CityIndexPage, {CityPage})
        self.assertAllowedSubpageTypes(CityPage, {CityCaseStudiesPage, CityUpdatesPage})
        self.assertAllowedSubpageTypes(CityCaseStudiesPage, {CaseStudyPage})
        self.assertAllowedSubpageTypes(CityUpdatesPage, {UpdatePage})
        self.assertAllowedParentPageTypes(CaseStudyPage, {CityCaseStudiesPage})
        self.assertAllowedParentPageTypes(UpdatePage, {CityUpdatesPage})

    def test_site_wide_listings_hold_no_pages(self):
        self.assertAllowedSubpageTypes(CaseStudyIndexPage, set())
        self.assertAllowedSubpageTypes(UpdateIndexPage, set())

    def test_a_city_has_one_section_of_each_kind(self):
        self.assertFalse(CityCaseStudiesPage.can_create_at(self.tartu))
        self.assertFalse(CityUpdatesPage.can_create_at(self.tartu))


class TestEditorsCreatePages(SitePageTestCase):
    def test_top_level_listings(self):
        for model, slug in (
            (CityIndexPage, "cities"),
            (CaseStudyIndexPage, "case-studies"),
            (UpdateIndexPage, "updates"),
        ):
            model.objects.all().delete()
            self.assertCanPreviewAndCreate(
                self.tree["home"],
                model,
                nested_form_data({"title": model._meta.verbose_name, "slug": slug}),
            )
            assert model.objects.get().url == f"/{slug}/"

    def test_a_published_city_gets_its_sections(self):
        channel = ChannelFactory(name="Facebook")
        data = city_form(
            "Murcia",
            tool_audit=inline_formset(
                [{"channel": channel.pk, "purpose": "News", "audience": "All", "stage": "in-use"}]
            ),
        )
        self.assertCanPreviewAndCreate(self.tree["cities"], CityPage, data, "Murcia", "News")
        murcia = CityPage.objects.get(slug="murcia")
        assert murcia.tool_audit.get().channel == channel
        sections = murcia.get_children().specific()
        assert [(p.slug, p.live) for p in sections] == [
            ("case-studies", True),
            ("updates", True),
        ]
        assert self.client.get("/cities/murcia/case-studies/").status_code == 200

    def test_a_draft_city_shows_nothing_until_published(self):
        self.assertCanCreate(
            self.tree["cities"], CityPage, city_form("Secretville"), publish=False
        )
        secretville = CityPage.objects.get(slug="secretville")
        assert not secretville.get_children().exists()
        self.client.logout()
        assert "Secretville" not in self.client.get("/cities/").text
        assert self.client.get("/cities/secretville/case-studies/").status_code == 404

        secretville.save_revision().publish()
        assert self.client.get("/cities/secretville/case-studies/").status_code == 200

    def test_missing_city_sections_can_be_added_back(self):
        self.tartu.case_studies_section.delete()
        self.assertCanPreviewAndCreate(
            self.tartu,
            CityCaseStudiesPage,
            nested_form_data({"title": "Case studies", "slug": "case-studies"}),
        )
        self.tartu.updates_section.delete()
        self.assertCanPreviewAndCreate(
            self.tartu,
            CityUpdatesPage,
            nested_form_data({"title": "Updates", "slug": "updates"}),
        )
        assert self.client.get("/cities/tartu/updates/").status_code == 200

    def test_case_study_page(self):
        guide = GuidePageFactory(parent=self.tree["toolkit"], title="Audit your channels")
        data = case_study_form(
            "Virtual meetings on development plans",
            [self.themes["governance"]],
            figures=inline_formset([{"value": "120", "unit": "people", "label": "took part"}]),
            tags="virtual meetings, planning",
            related_guides=(guide.pk,),
        )
        self.assertCanPreviewAndCreate(
            self.tartu.case_studies_section,
            CaseStudyPage,
            data,
            "Virtual meetings on development plans",
            "Audit your channels",
            "took part",
        )
        case_study = CaseStudyPage.objects.get()
        assert case_study.city == self.tartu
        assert (
            case_study.url == "/cities/tartu/case-studies/virtual-meetings-on-development-plans/"
        )
        assert set(case_study.tags.names()) == {"virtual meetings", "planning"}
        assert list(guide.case_studies.all()) == [case_study]

    def test_editing_a_case_study_previews_its_unsaved_guides(self):
        guide = GuidePageFactory(parent=self.tree["toolkit"], title="Audit your channels")
        case_study = CaseStudyPageFactory(parent=self.tartu.case_studies_section)
        data = case_study_form(
            case_study.title, [self.themes["governance"]], related_guides=(guide.pk,)
        )
        data["slug"] = case_study.slug
        self.assertCanPreviewChanges(case_study, data, "Audit your channels")

    def test_case_study_ending_before_it_starts_is_refused(self):
        data = case_study_form(
            "Backwards", [self.themes["governance"]], start_year="2018", end_year="2016"
        )
        with pytest.raises(AssertionError, match="cannot be before the start year"):
            self.assertCanCreate(self.tartu.case_studies_section, CaseStudyPage, data)
        assert not CaseStudyPage.objects.exists()

    def test_update_page(self):
        self.assertCanPreviewAndCreate(
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
            "Details.",
        )
        assert UpdatePage.objects.get().city == self.tartu


class TestReadersSee(SitePageTestCase):
    def test_city_pages_show_their_content(self):
        case_study = CaseStudyPageFactory(
            parent=self.tartu.case_studies_section,
            title="Virtual meetings",
            themes=[self.themes["governance"]],
        )
        update = UpdatePageFactory(parent=self.tartu.updates_section, title="Spring news")
        self.assertRendersWith(self.tree["cities"], "Tartu")
        self.assertRendersWith(self.tartu, "Estonia", "Virtual meetings", "Spring news")
        self.assertRendersWith(self.tartu.case_studies_section, "Virtual meetings")
        self.assertRendersWith(self.tartu.updates_section, "Spring news")
        self.assertRendersWith(case_study, "Tartu", "Governance", "2016")
        self.assertRendersWith(update, "Tartu", "What happened this month.")
        self.assertRendersWith(self.tree["case_studies"], "Virtual meetings")
        self.assertRendersWith(self.tree["updates"], "Spring news")

    def test_sample_content_is_marked_on_the_page_and_in_lists(self):
        case_study = CaseStudyPageFactory(
            parent=self.tartu.case_studies_section,
            is_sample_content=True,
            sample_content_note="Only the summary is documented.",
        )
        CaseStudyPageFactory(parent=self.tartu.case_studies_section, title="Reported result")
        page = self.client.get(case_study.url)
        self.assertContains(page, "Sample content.")
        self.assertContains(page, "Only the summary is documented.")
        listing = self.client.get(self.tree["case_studies"].url).text
        assert listing.count('class="badge badge--sample"') == 1

    def test_content_of_an_unpublished_city_is_not_listed(self):
        CaseStudyPageFactory(parent=self.ghent.case_studies_section, title="Ghent budgets")
        CaseStudyPageFactory(parent=self.tartu.case_studies_section, title="Tartu meetings")
        self.client.logout()
        listing = self.tree["case_studies"]
        self.assertRendersWith(listing, "Ghent budgets", "Tartu meetings")
        with self.captureOnCommitCallbacks(execute=True):
            fresh(self.ghent.pk).unpublish()
        text = self.client.get(listing.url).text
        assert "budgets" not in text
        assert "Tartu meetings" in text
