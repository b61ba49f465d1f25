"""Curated collections: editors build them in the admin, each page at most once."""

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data

from casestudies.factories import CaseStudyPageFactory
from tests.pages import SitePageTestCase
from toolkit.factories import GuidePageFactory
from toolkit.models import CuratedCollection

ADD_URL = "wagtailsnippets_toolkit_curatedcollection:add"
LIST_URL = "wagtailsnippets_toolkit_curatedcollection:list"


class TestCuratedCollections(SitePageTestCase):
    def setUp(self):
        super().setUp()
        self.guide = GuidePageFactory(parent=self.tree["toolkit"], title="Route complaints")
        self.case_study = CaseStudyPageFactory(
            parent=self.tartu.case_studies_section, title="Complaints on Facebook"
        )

    def collection_form(self, *page_ids):
        return nested_form_data(
            {
                "title": "Start here",
                "slug": "start-here",
                "introduction": "For cities that receive complaints online.",
                "items": inline_formset([{"page": page_id} for page_id in page_ids]),
            }
        )

    def test_an_editor_builds_a_collection_in_the_admin(self):
        form = self.client.get(reverse(ADD_URL))
        self.assertContains(form, "New: Curated collection")
        self.assertContains(form, "Case studies and guides")

        response = self.client.post(
            reverse(ADD_URL), self.collection_form(self.case_study.pk, self.guide.pk)
        )

        self.assertRedirects(response, reverse(LIST_URL))
        collection = CuratedCollection.objects.get()
        assert collection.title == "Start here"
        assert collection.visible_pages == [self.case_study, self.guide]
        listing = self.client.get(reverse(LIST_URL), {"q": "start"})
        self.assertContains(listing, "Curated collections")
        self.assertContains(listing, "Start here")

    def test_a_page_cannot_be_in_a_collection_twice(self):
        response = self.client.post(
            reverse(ADD_URL),
            self.collection_form(self.case_study.pk, self.guide.pk, self.case_study.pk),
        )

        assert response.status_code == 200
        self.assertContains(response, "“Complaints on Facebook” is already in this collection.")
        assert not CuratedCollection.objects.exists()
