"""Toolkit pages: where they live, that editors can create them, what readers see."""

from django.contrib.auth.models import Group

from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import nested_form_data, streamfield

from casestudies.factories import CaseStudyPageFactory
from tests.forms import guide_form
from tests.pages import SitePageTestCase
from toolkit.factories import GuidePageFactory, RoadmapPageFactory
from toolkit.models import GuidePage, RoadmapPage, ToolkitPage


def roadmap_phase(title, guides=(), case_studies=()):
    return (
        "phase",
        {
            "title": title,
            "goal": "Know your channels.",
            "steps": ["List them"],
            "typical_duration": "1 month",
            "roles": ["Communication team"],
            "guides": list(guides),
            "case_studies": list(case_studies),
        },
    )


class TestToolkitPages(SitePageTestCase):
    def test_toolkit_holds_guides_and_the_roadmap(self):
        self.assertAllowedSubpageTypes(ToolkitPage, {GuidePage, RoadmapPage})
        self.assertAllowedSubpageTypes(GuidePage, set())
        self.assertAllowedSubpageTypes(RoadmapPage, set())

    def test_editors_create_a_guide(self):
        self.assertCanPreviewAndCreate(
            self.tree["toolkit"],
            GuidePage,
            guide_form("Audit your channels", themes=(self.themes["governance"].pk,)),
            "List them",
        )
        assert GuidePage.objects.get().steps[0].value["title"] == "List them"

    def test_editors_create_the_roadmap(self):
        self.assertCanPreviewAndCreate(
            self.tree["toolkit"],
            RoadmapPage,
            nested_form_data(
                {
                    "title": "Implementation roadmap",
                    "slug": "roadmap",
                    "provenance": "sample",
                    "provenance_note": "Illustrative roadmap.",
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
            "Know your channels.",
            "Sample content.",
            "Illustrative roadmap.",
        )
        roadmap = RoadmapPage.objects.get()
        assert roadmap.phases[0].value["title"] == "Audit"
        assert roadmap.provenance == "sample"

    def test_guide_lists_the_case_studies_that_name_it(self):
        guide = GuidePageFactory(parent=self.tree["toolkit"], title="Audit your channels")
        CaseStudyPageFactory(
            parent=self.tartu.case_studies_section,
            title="Virtual meetings",
            related_guides=[guide],
        )
        self.assertRendersWith(guide, "List your channels", "Virtual meetings", "Tartu")
        self.assertRendersWith(self.tree["toolkit"], "Audit your channels")

    def test_roadmap_links_only_pages_readers_may_see(self):
        public_guide = GuidePageFactory(parent=self.tree["toolkit"], title="Open guide")
        private_guide = GuidePageFactory(parent=self.tree["toolkit"], title="Members only guide")
        PageViewRestriction.objects.create(
            page=private_guide, restriction_type="groups"
        ).groups.set([Group.objects.create(name="Members")])
        draft_case = CaseStudyPageFactory(
            parent=self.tartu.case_studies_section, title="Unfinished"
        )
        draft_case.unpublish()
        roadmap = RoadmapPageFactory(
            parent=self.tree["toolkit"],
            phases=[roadmap_phase("Audit", [public_guide, private_guide], [draft_case])],
        )
        self.assertRendersWith(roadmap, "Audit", "Open guide", "1 month")
        text = self.client.get(roadmap.url).text
        assert "Members only guide" not in text
        assert "Unfinished" not in text
