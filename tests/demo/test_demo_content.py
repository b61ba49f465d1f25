"""The demo content: complete, honest about what is sample, and safe to load twice."""

import html
import re

from django.core.management import call_command

from wagtail.documents.models import Document
from wagtail.models import Page, ReferenceIndex, Revision, Site

import pytest

from casestudies.models import CaseStudyPage, CityPage, CityToolAudit, UpdatePage
from home.models import AboutPage, HomePage, HomePageFeaturedCollection
from network_site.models import Channel, Theme
from toolkit.models import (
    CuratedCollection,
    CuratedCollectionItem,
    GuidePage,
    RoadmapPage,
    ToolkitPage,
    ToolkitPageFeaturedCollection,
)

PARTNERS = {
    "Genoa": "IT",
    "Palermo": "IT",
    "Varna": "BG",
    "Alba Iulia": "RO",
    "Debrecen": "HU",
    "Tartu": "EE",
    "Ghent": "BE",
    "Paris": "FR",
    "Lisbon": "PT",
    "Murcia": "ES",
}


pytestmark = pytest.mark.django_db


def snapshot():
    return {
        model.__name__: model.objects.count()
        for model in (
            Page,
            Revision,
            Site,
            Theme,
            Channel,
            Document,
            CityToolAudit,
            CuratedCollection,
            CuratedCollectionItem,
            HomePageFeaturedCollection,
            ToolkitPageFeaturedCollection,
        )
    } | {
        "latest revisions": sorted(
            Page.objects.exclude(latest_revision=None).values_list("latest_revision", flat=True)
        )
    }


def test_loading_twice_changes_nothing(demo):
    before = snapshot()
    call_command("load_demo_content", verbosity=0)
    assert snapshot() == before


def test_loading_again_keeps_what_an_editor_changed(demo):
    case_study = CaseStudyPage.objects.get(city__slug="tartu", slug__contains="virtual")
    case_study.title = "Edited by an editor"
    case_study.save_revision().publish()
    call_command("load_demo_content", verbosity=0)
    assert CaseStudyPage.objects.get(pk=case_study.pk).title == "Edited by an editor"


def test_loading_again_keeps_what_an_editor_featured(demo):
    home = HomePage.objects.get()
    home.featured_collections = []
    home.save_revision().publish()
    CuratedCollection.objects.update(title="Renamed by an editor")
    call_command("load_demo_content", verbosity=0)
    assert not HomePage.objects.get().featured_collections.exists()
    assert CuratedCollection.objects.get().title == "Renamed by an editor"


def test_the_site_root_is_the_home_page(demo):
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert not Page.objects.filter(depth=2).exclude(pk=site.root_page_id).exists()


def test_the_ten_partner_cities_with_their_countries(demo):
    cities = {city.title: city.country for city in CityPage.objects.live()}
    assert cities == PARTNERS
    assert CityPage.objects.get(role="lead").title == "Genoa"


def test_every_city_has_a_case_study(demo):
    for city in CityPage.objects.all():
        assert CaseStudyPage.objects.live().filter(city=city).exists(), city.title


def test_the_four_urbact_areas(demo):
    assert list(Theme.objects.values_list("slug", flat=True)) == [
        "governance",
        "environment",
        "inclusion",
        "economy",
    ]


def main_text(client, page):
    """The text of the page's <main> element, tags removed: what the page itself says."""
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    main = re.search(r"<main\b.*?>(.*)</main>", response.text, re.DOTALL).group(1)
    return html.unescape(re.sub(r"<[^>]+>", " ", main))


@pytest.mark.parametrize(
    ("city", "words"),
    [
        ("alba-iulia", ["Facebook", "Twitter", "complaints", "office"]),
        ("tartu", ["virtual meetings", "development plans"]),
        ("varna", ["app", "tourists", "monument", "culture"]),
        ("palermo", ["mobility plan", "UNESCO", "social media", "public support"]),
    ],
)
def test_documented_results_are_told(client, demo, city, words):
    case_studies = CaseStudyPage.objects.live().filter(city__slug=city)
    text = " ".join(main_text(client, page) for page in case_studies)
    for word in words:
        assert re.search(rf"\b{re.escape(word)}\b", text, re.IGNORECASE), f"{city}: no '{word}'"


def test_invented_content_is_marked_as_sample(demo):
    for model in (UpdatePage, GuidePage, RoadmapPage, CityPage, CaseStudyPage):
        assert not model.objects.exclude(provenance="sample").exists(), model.__name__


def test_every_page_answers_with_its_title_and_content(client, demo):
    pages = Page.objects.live().specific().exclude(depth=1)
    assert pages.count() > 40
    for page in pages:
        text = main_text(client, page)
        assert page.title in text, page.url
        assert len(text.split()) > len(page.title.split()) + 20, f"{page.url} says too little"


def test_home_page_names_all_partners(client, demo):
    text = main_text(client, HomePage.objects.get())
    for city in PARTNERS:
        assert city in text


def test_about_page_gives_the_documented_funding(client, demo):
    text = main_text(client, AboutPage.objects.get())
    assert "716,745" in text
    assert "549,820" in text
    assert "2014–2020" in text


def test_the_roadmap_links_guides_and_case_studies(demo):
    roadmap = RoadmapPage.objects.get()
    assert len(roadmap.phases) >= 4
    assert all(phase.value["guides"] for phase in roadmap.phases)
    assert GuidePage.objects.count() >= 4
    assert all(guide.case_studies.exists() for guide in GuidePage.objects.all())


def test_the_complaints_collection_is_featured_on_home_and_toolkit(client, demo):
    collection = CuratedCollection.objects.get()
    assert collection.title == "Start here: handling citizen complaints online"
    collected = collection.visible_pages
    assert [type(page) for page in collected] == [CaseStudyPage, GuidePage, GuidePage]
    assert collected[0].city.slug == "alba-iulia"
    assert "Facebook" in collected[0].summary
    for page in (HomePage.objects.get(), ToolkitPage.objects.get()):
        assert f'id="collection-{collection.slug}"' in client.get(page.url).text
        text = main_text(client, page)
        assert collection.title in text
        assert collection.introduction in text
        start = text.index(collection.title)
        positions = [text.index(item.title, start) for item in collected]
        assert positions == sorted(positions), page.url


def test_what_the_loader_orders_is_stored_in_that_order(demo):
    """Without a sort_order the rows of a collection or a featured list come back in an
    order of the database's choosing (on PostgreSQL, not the order they were added in)."""
    home = HomePage.objects.get()
    for rows in (
        CuratedCollection.objects.get().items,
        home.featured_pages,
        home.featured_collections,
        ToolkitPage.objects.get().featured_collections,
    ):
        assert list(rows.values_list("sort_order", flat=True)) == list(range(rows.count()))


def test_the_admin_knows_where_each_guide_is_used(demo):
    """The reference index behind the admin's 'usage' view is built for the demo content."""
    for guide in GuidePage.objects.all():
        assert ReferenceIndex.get_references_to(guide).exists(), guide.title
