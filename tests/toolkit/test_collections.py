"""Curated collections: editors build them in the admin and feature them on the home page and
the toolkit page; readers see only the pages they may see, in the editor's order."""

import re

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

import wagtail_factories

from casestudies.factories import CaseStudyPageFactory
from home.models import HomePage, HomePageFeaturedCollection
from tests.conftest import fresh
from tests.pages import SitePageTestCase
from toolkit.factories import CuratedCollectionFactory, GuidePageFactory
from toolkit.models import (
    CuratedCollection,
    CuratedCollectionItem,
    ToolkitPage,
    ToolkitPageFeaturedCollection,
)

ADD_URL = "wagtailsnippets_toolkit_curatedcollection:add"
LIST_URL = "wagtailsnippets_toolkit_curatedcollection:list"


def collection_section(html, slug):
    """The HTML of the featured collection linked as #collection-<slug>, or None."""
    match = re.search(rf'<section[^>]*id="collection-{slug}".*?</section>', html, re.DOTALL)
    return match and match.group(0)


def card_titles(html):
    """The titles of the cards in `html`, in order."""
    return re.findall(r'class="card__title"><a href="[^"]*">([^<]*)</a>', html)


def feature(page, *collections):
    """Feature `collections` on the home or toolkit page, in this order, and publish it."""
    orderable = {HomePage: HomePageFeaturedCollection, ToolkitPage: ToolkitPageFeaturedCollection}
    page = type(page).objects.get(pk=page.pk)
    page.featured_collections = [
        orderable[type(page)](collection=collection, sort_order=order)
        for order, collection in enumerate(collections)
    ]
    page.save_revision().publish()
    return page


class TestCuratedCollections(SitePageTestCase):
    def setUp(self):
        super().setUp()
        self.home = HomePage.objects.get()
        self.toolkit = self.tree["toolkit"].specific
        self.guide = GuidePageFactory(parent=self.toolkit, title="Route complaints")
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

    def test_a_collection_holds_at_most_twelve_pages(self):
        """A collection is shown in full wherever it is featured, so it stays short."""
        guides = [GuidePageFactory(parent=self.toolkit, title=f"Guide {n:02d}") for n in range(13)]
        refused = self.client.post(
            reverse(ADD_URL), self.collection_form(*(guide.pk for guide in guides))
        )
        assert refused.status_code == 200
        self.assertContains(refused, "Please submit at most 12 forms.")
        assert not CuratedCollection.objects.exists()

        # One built in code with more shows its first twelve.
        feature(self.home, CuratedCollectionFactory(title="Start here", pages=guides))
        section = collection_section(self.client.get("/en/").text, "start-here")
        assert card_titles(section) == [f"Guide {n:02d}" for n in range(12)]

    def test_an_editor_features_collections_on_the_home_page_in_the_admin(self):
        first = CuratedCollectionFactory(title="Start here", pages=[self.guide])
        second = CuratedCollectionFactory(title="Go further", pages=[self.case_study])

        def home_form(*collections):
            return nested_form_data(
                {
                    "title": self.home.title,
                    "slug": self.home.slug,
                    "introduction": rich_text("<p>Ten cities.</p>"),
                    "featured_pages": inline_formset([]),
                    "featured_collections": inline_formset(
                        [{"collection": collection.pk} for collection in collections]
                    ),
                }
            )

        edit_url = reverse("wagtailadmin_pages:edit", args=[self.home.pk])
        refused = self.client.post(
            edit_url, {**home_form(second, first, second), "action-publish": "publish"}
        )
        self.assertContains(refused, "“Go further” is already featured on this page.")
        assert not HomePage.objects.get().featured_collections.exists()

        self.assertCanPreviewChanges(self.home, home_form(second), "Go further", "Complaints")
        self.client.post(edit_url, {**home_form(second, first), "action-publish": "publish"})
        text = self.client.get("/en/").text
        assert text.index("Go further") < text.index("Start here")

    def test_home_and_toolkit_show_featured_collections_in_the_editors_order(self):
        second_guide = GuidePageFactory(parent=self.toolkit, title="Audit your channels")
        start = CuratedCollectionFactory(
            title="Start here", pages=[second_guide, self.case_study, self.guide]
        )
        further = CuratedCollectionFactory(title="Go further", pages=[self.guide])
        feature(self.home, further, start)
        feature(self.toolkit, start, further)

        home = self.client.get("/en/").text
        assert home.index('id="collection-go-further"') < home.index('id="collection-start-here"')
        section = collection_section(home, "start-here")
        self.assertInHTML('<h2 id="collection-start-here-heading">Start here</h2>', section)
        assert "Where to begin if your city is new to this." in section
        assert card_titles(section) == [
            "Audit your channels",
            "Complaints on Facebook",
            "Route complaints",
        ]

        toolkit = self.client.get(self.toolkit.url).text
        assert toolkit.index('id="collection-start-here"') < toolkit.index(
            'id="collection-go-further"'
        )
        assert card_titles(collection_section(toolkit, "go-further")) == ["Route complaints"]

    def test_drafts_private_pages_and_pages_of_unpublished_cities_are_left_out(self):
        draft = CaseStudyPageFactory(parent=self.tartu.case_studies_section, title="Unfinished")
        draft.unpublish()
        private = GuidePageFactory(parent=self.toolkit, title="Members only")
        PageViewRestriction.objects.create(page=private, restriction_type="groups").groups.set(
            [Group.objects.create(name="Members")]
        )
        of_ghent = CaseStudyPageFactory(
            parent=self.ghent.case_studies_section, title="Ghent online"
        )
        fresh(self.ghent.pk).unpublish()  # Only the city: its case study stays live.
        feature(
            self.home,
            CuratedCollectionFactory(
                title="Start here", pages=[draft, self.guide, private, of_ghent]
            ),
        )
        self.client.logout()

        section = collection_section(self.client.get("/en/").text, "start-here")
        assert card_titles(section) == ["Route complaints"]

    def test_a_collection_with_nothing_to_show_is_left_out(self):
        draft = CaseStudyPageFactory(parent=self.tartu.case_studies_section, title="Unfinished")
        draft.unpublish()
        empty = CuratedCollectionFactory(title="Nothing yet", pages=[draft])
        shown = CuratedCollectionFactory(title="Start here", pages=[self.guide])
        feature(
            self.toolkit, empty, CuratedCollectionFactory(title="Empty for now", pages=[]), shown
        )
        feature(self.home, empty, shown)
        self.client.logout()

        for url in ("/en/", self.toolkit.url):
            text = self.client.get(url).text
            assert card_titles(collection_section(text, "start-here")) == ["Route complaints"]
            assert "Nothing yet" not in text, url
            assert "Empty for now" not in text, url
            assert "Unfinished" not in text, url

    def test_the_home_page_takes_as_many_queries_for_six_pages_as_for_two(self):
        """Cards need the specific page, its city and its image: fetched for all at once."""

        def case_study_with_image(title):
            return CaseStudyPageFactory(
                parent=self.tartu.case_studies_section,
                title=title,
                image=wagtail_factories.ImageFactory(),
            )

        two = [case_study_with_image("First"), self.guide]
        six = [
            *two,
            case_study_with_image("Second"),
            GuidePageFactory(parent=self.toolkit, title="Another guide"),
            self.case_study,
            case_study_with_image("Third"),
        ]
        collection = CuratedCollectionFactory(title="Start here")
        feature(self.home, collection)
        self.client.logout()

        def queries_to_show(pages):
            collection.items = [
                CuratedCollectionItem(page=page, sort_order=order)
                for order, page in enumerate(pages)
            ]
            collection.save()
            self.client.get("/en/")  # The first request fills the caches (site, renditions).
            with CaptureQueriesContext(connection) as queries:
                response = self.client.get("/en/")
            section = collection_section(response.text, "start-here")
            assert card_titles(section) == [page.title for page in pages]
            assert section.count('class="card__image"') == sum(
                1 for page in pages if getattr(page, "image_id", None)
            )
            return len(queries)

        assert queries_to_show(six) == queries_to_show(two)
