"""Partner-city pages: where they live, that editors can create them, what readers see."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from casestudies.factories import CaseStudyPageFactory, UpdatePageFactory
from casestudies.models import (
    CaseStudyFigure,
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
from network_site.pages import Provenance
from tests.conftest import fresh
from tests.forms import case_study_form, city_form
from tests.pages import SitePageTestCase, badges_by_link
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
            assert model.objects.get().url == f"/en/{slug}/"

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
        assert self.client.get("/en/cities/murcia/case-studies/").status_code == 200

    def test_a_draft_city_shows_nothing_until_published(self):
        self.assertCanCreate(
            self.tree["cities"], CityPage, city_form("Secretville"), publish=False
        )
        secretville = CityPage.objects.get(slug="secretville")
        assert not secretville.get_children().exists()
        self.client.logout()
        assert "Secretville" not in self.client.get("/en/cities/").text
        assert self.client.get("/en/cities/secretville/case-studies/").status_code == 404

        secretville.save_revision().publish()
        assert self.client.get("/en/cities/secretville/case-studies/").status_code == 200

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
        assert self.client.get("/en/cities/tartu/updates/").status_code == 200

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
            case_study.url
            == "/en/cities/tartu/case-studies/virtual-meetings-on-development-plans/"
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
                    "provenance": "documented",
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

    def test_each_provenance_has_its_own_badge_and_notice(self):
        section = self.tartu.case_studies_section
        pages = {
            # A new page is documented unless the editor says otherwise.
            "documented": CaseStudyPageFactory(parent=section, title="Reported result"),
            "mixed": CaseStudyPageFactory(
                parent=section,
                title="Partly reported",
                provenance=Provenance.MIXED,
                provenance_note="Only the summary is documented.",
            ),
            "sample": CaseStudyPageFactory(
                parent=section, title="Invented example", provenance=Provenance.SAMPLE
            ),
        }
        notices = {
            "documented": ("Documented content.", "Every statement on the page reports"),
            "mixed": ("Partly documented content.", "Only the summary is documented."),
            "sample": ("Sample content.", "The page was written for the demo of this site"),
        }
        for level, page in pages.items():
            response = self.client.get(page.url)
            title, text = notices[level]
            self.assertContains(response, f"provenance-notice--{level}", count=1)
            self.assertContains(
                response, f'<strong class="provenance-notice__title">{title}</strong>'
            )
            self.assertContains(response, text)
            for other in notices.keys() - {level}:
                self.assertNotContains(response, f"provenance-notice--{other}")
                self.assertNotContains(response, notices[other][0])

        listing = self.client.get(self.tree["case_studies"].url).text
        badges = badges_by_link(listing)
        assert badges[pages["documented"].url] == [("documented", "Documented")]
        assert badges[pages["mixed"].url] == [("mixed", "Partly documented")]
        assert badges[pages["sample"].url] == [("sample", "Sample")]

    def test_figures_are_called_illustrative_only_where_they_may_be(self):
        notes = {
            Provenance.DOCUMENTED: None,
            Provenance.MIXED: "Illustrative figures, unless the notice above quotes them",
            Provenance.SAMPLE: "Illustrative figures: this is sample content.",
        }
        for level, note in notes.items():
            case_study = CaseStudyPageFactory(
                parent=self.tartu.case_studies_section,
                provenance=level,
                provenance_note="The summary is documented." if level == "mixed" else "",
            )
            CaseStudyFigure.objects.create(case_study=case_study, value=30, unit="%", label="more")
            response = self.client.get(case_study.url)
            self.assertContains(response, "Results in figures")
            if note:
                self.assertContains(response, note, count=1)
            else:
                self.assertNotContains(response, 'class="stats__note"')
            for other in notes.values():
                if other and other != note:
                    self.assertNotContains(response, other)

    def test_the_footer_says_what_each_badge_means(self):
        footer = self.client.get(self.tree["case_studies"].url).text.split("<footer")[1]
        for level in Provenance:
            badge = f'<span class="badge badge--{level.value}">{level.label}</span>'
            assert footer.count(badge) == 1, level
            assert level.explanation[1:] in footer, level

    def test_a_partly_documented_page_must_name_its_documented_part(self):
        data = case_study_form("Partly reported", [self.themes["governance"]], provenance="mixed")
        with pytest.raises(AssertionError, match="must say which part is documented"):
            self.assertCanCreate(self.tartu.case_studies_section, CaseStudyPage, data)
        assert not CaseStudyPage.objects.exists()

        data["provenance_note"] = "Documented: the summary."
        self.assertCanCreate(self.tartu.case_studies_section, CaseStudyPage, data)
        case_study = CaseStudyPage.objects.get()
        assert case_study.provenance == Provenance.MIXED
        assert case_study.provenance_note == "Documented: the summary."

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
