"""The demo content: complete, honest about provenance, and safe to load twice."""

import html
import re

from django.core.management import call_command
from django.test import Client

from wagtail.documents.models import Document
from wagtail.models import Page, ReferenceIndex, Revision, Site

import pytest

from casestudies.models import (
    CaseStudyIndexPage,
    CaseStudyPage,
    CityPage,
    CityToolAudit,
    UpdatePage,
)
from home.models import AboutPage, HomePage, HomePageFeaturedCollection
from network_site.models import Channel, Theme
from network_site.pages import Provenance
from tests.pages import badges_by_link
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


def english(model):
    """The model's English objects: every page also exists in the nine other languages."""
    return model.objects.filter(locale__language_code="en")


# The four case studies that report a documented result, by city, with the sentence their
# note quotes: the result in its documented wording.
DOCUMENTED_CASE_STUDIES = {
    "alba-iulia": (
        "Citizens' comments and complaints sent through the city's online platforms and pages, "
        "Facebook and Twitter among them, can be received and forwarded to the right city office."
    ),
    "tartu": (
        "Citizens can take part in virtual meetings through the online system and discuss and "
        "comment on matters such as urban development plans."
    ),
    "varna": (
        "A prototype interactive city-guide app gives tourists information such as the history "
        "of a monument and the culture of the city."
    ),
    "palermo": (
        "Palermo drew up a new mobility plan for its UNESCO-protected area. It used digital "
        "communication channels and social media to reach interested parties, and as a result "
        "many public initiatives enjoy broad public support."
    ),
}

# The city pages whose summary ends with a documented result, with that sentence.
DOCUMENTED_CITIES = {
    "palermo": "In the network, Palermo used digital channels and social media to reach people",
    "varna": "In the network, Varna built a prototype of an interactive city-guide app",
    "alba-iulia": (
        "comments and complaints can be received and forwarded to the right city office."
    ),
    "tartu": "where citizens can take part in virtual meetings",
}

# Wordings that state a documented result more strongly than it was documented.
STRENGTHENED = [
    "are received and forwarded",
    "receives citizens' comments",
    "forwards them to the right office",
    "made sure that",
    "citizens join",
    "can join virtual meetings",
    "citizens discuss",
    "initiatives that followed",
    "initiatives that resulted",
]

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
    case_study = english(CaseStudyPage).get(city__slug="tartu", slug__contains="virtual")
    case_study.title = "Edited by an editor"
    case_study.save_revision().publish()
    call_command("load_demo_content", verbosity=0)
    assert CaseStudyPage.objects.get(pk=case_study.pk).title == "Edited by an editor"


def test_loading_again_does_not_bring_back_what_an_editor_deleted(demo):
    case_study = english(CaseStudyPage).get(city__slug="tartu", slug__contains="virtual")
    case_study.delete()
    call_command("load_demo_content", verbosity=0)
    assert not english(CaseStudyPage).filter(city__slug="tartu", slug=case_study.slug).exists()
    assert english(CaseStudyPage).filter(city__slug="ghent").exists()


def test_loading_again_adds_no_copy_of_a_renamed_page(demo):
    guide = english(GuidePage).first()
    old_slug = guide.slug
    guide.slug = "renamed-by-an-editor"
    guide.save_revision().publish()
    call_command("load_demo_content", verbosity=0)
    assert not english(Page).filter(slug=old_slug).exists()
    assert GuidePage.objects.get(pk=guide.pk).live


def test_loading_again_keeps_what_an_editor_featured(demo):
    home = english(HomePage).get()
    home.featured_collections = []
    home.save_revision().publish()
    CuratedCollection.objects.update(title="Renamed by an editor")
    call_command("load_demo_content", verbosity=0)
    assert not english(HomePage).get().featured_collections.exists()
    assert CuratedCollection.objects.get().title == "Renamed by an editor"


def test_the_site_root_is_the_home_page(demo):
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert not english(Page).filter(depth=2).exclude(pk=site.root_page_id).exists()


def test_the_ten_partner_cities_with_their_countries(demo):
    cities = {city.title: city.country for city in english(CityPage).live()}
    assert cities == PARTNERS
    assert english(CityPage).get(role="lead").title == "Genoa"


def test_every_city_has_a_case_study(demo):
    for city in english(CityPage).all():
        assert english(CaseStudyPage).live().filter(city=city).exists(), city.title


def test_the_four_urbact_areas(demo):
    assert list(english(Theme).values_list("slug", flat=True)) == [
        "governance",
        "environment",
        "inclusion",
        "economy",
    ]


@pytest.fixture(scope="module")
def every_live_page(demo, django_db_blocker):
    """The HTML of every live page, by URL, as a reader gets it: rendered once for the tests
    that read them all."""
    client = Client()
    pages = {}
    with django_db_blocker.unblock():
        for page in english(Page).live().specific().exclude(depth=1):
            response = client.get(page.url)
            assert response.status_code == 200, page.url
            pages[page.url] = response.text
    return pages


def main_text(page_html):
    """The text of a page's <main> element, tags removed: what the page itself says."""
    main = re.search(r"<main\b.*?>(.*)</main>", page_html, re.DOTALL).group(1)
    return html.unescape(re.sub(r"<[^>]+>", " ", main))


def page_text(client, page):
    """`main_text` of `page` as a reader gets it now."""
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    return main_text(response.text)


@pytest.mark.parametrize(
    ("city", "words"),
    [
        (
            "alba-iulia",
            ["Facebook", "Twitter", "complaints", "office", "can be received and forwarded"],
        ),
        ("tartu", ["virtual meetings", "development plans", "can take part in virtual meetings"]),
        ("varna", ["app", "tourists", "monument", "culture", "prototype"]),
        (
            "palermo",
            [
                "mobility plan",
                "UNESCO",
                "social media",
                "public support",
                "and as a result many public initiatives enjoy broad public support",
            ],
        ),
    ],
)
def test_documented_results_are_told(client, demo, city, words):
    case_studies = english(CaseStudyPage).live().filter(city__slug=city)
    text = " ".join(page_text(client, page) for page in case_studies)
    for word in words:
        assert re.search(rf"\b{re.escape(word)}\b", text, re.IGNORECASE), f"{city}: no '{word}'"


def test_each_page_carries_its_provenance(demo):
    """The four documented results, and the cities whose summary states one, are partly
    documented, with a note quoting the documented sentence; everything else is sample."""
    for case_study in english(CaseStudyPage).select_related("city"):
        if case_study.city.slug in DOCUMENTED_CASE_STUDIES:
            assert case_study.provenance == Provenance.MIXED, case_study.title
            assert DOCUMENTED_CASE_STUDIES[case_study.city.slug] in case_study.provenance_note
        else:
            assert case_study.provenance == Provenance.SAMPLE, case_study.title
    assert english(CaseStudyPage).filter(provenance=Provenance.MIXED).count() == 4

    for city in english(CityPage).all():
        if city.slug in DOCUMENTED_CITIES:
            assert city.provenance == Provenance.MIXED, city.title
            assert DOCUMENTED_CITIES[city.slug] in city.provenance_note, city.title
            assert city.summary.endswith(city.provenance_note.split("“")[1].split("”")[0])
        else:
            assert city.provenance == Provenance.SAMPLE, city.title

    for model in (UpdatePage, GuidePage, RoadmapPage):
        assert model.objects.exists(), model.__name__
        assert not model.objects.exclude(provenance=Provenance.SAMPLE).exists(), model.__name__


def test_the_documented_case_studies_are_never_badged_sample(client, every_live_page):
    """Wherever a documented case study is linked with a badge (cards, the roadmap, the
    curated collection), the badge is "Partly documented"; its own page says so too."""
    case_studies = english(CaseStudyPage).filter(city__slug__in=DOCUMENTED_CASE_STUDIES)
    urls = {case_study.url: case_study for case_study in case_studies}
    assert len(urls) == 4
    shown = {url: [] for url in urls}
    for text in every_live_page.values():
        badges = badges_by_link(text)
        for url in urls:
            shown[url].extend(badges.get(url, []))
    for url, badges in shown.items():
        # The case study index, the city's page and the city's case study section at least.
        assert len(badges) >= 3, url
        assert set(badges) == {("mixed", "Partly documented")}, url

    for url, case_study in urls.items():
        response = client.get(url).text
        assert "provenance-notice--mixed" in response
        assert "Partly documented content." in response
        assert "provenance-notice--sample" not in response
        assert "Sample content." not in response
        assert html.escape(DOCUMENTED_CASE_STUDIES[case_study.city.slug]) in response
        assert "Illustrative figures: this is sample content." not in response


def test_the_case_study_index_says_what_each_label_means(client, demo):
    text = page_text(client, english(CaseStudyIndexPage).get())
    for level in Provenance:
        assert f"{level.label}: {level.explanation}" in text, level


def test_no_page_states_a_documented_result_more_strongly(every_live_page):
    """Every live page, including its cards, titles and description, states the documented
    results no more strongly than they were documented."""
    for url, text in every_live_page.items():
        for phrase in STRENGTHENED:
            assert phrase.lower() not in html.unescape(text).lower(), f"{url}: '{phrase}'"


def test_palermo_is_not_given_as_an_example_of_scaling_up(demo):
    """Nothing documents that Palermo's outreach was scaled up, budgeted or reviewed."""
    phases = {phase.value["title"]: phase.value for phase in english(RoadmapPage).get().phases}
    palermo = english(CaseStudyPage).get(city__slug="palermo")
    assert palermo in phases["Set goals and a strategy"]["case_studies"]
    assert palermo not in phases["Scale up and evaluate"]["case_studies"]


def test_every_page_answers_with_its_title_and_content(demo, every_live_page):
    pages = english(Page).live().specific().exclude(depth=1)
    assert pages.count() > 40
    for page in pages:
        text = main_text(every_live_page[page.url])
        assert page.title in text, page.url
        assert len(text.split()) > len(page.title.split()) + 20, f"{page.url} says too little"


def test_home_page_names_all_partners(client, demo):
    text = page_text(client, english(HomePage).get())
    for city in PARTNERS:
        assert city in text


def test_about_page_gives_the_documented_funding(client, demo):
    text = page_text(client, english(AboutPage).get())
    assert "716,745" in text
    assert "549,820" in text
    assert "2014–2020" in text


def test_the_roadmap_links_guides_and_case_studies(demo):
    roadmap = english(RoadmapPage).get()
    assert len(roadmap.phases) >= 4
    assert all(phase.value["guides"] for phase in roadmap.phases)
    assert english(GuidePage).count() >= 4
    assert all(guide.case_studies.exists() for guide in english(GuidePage).all())


def test_the_complaints_collection_is_featured_on_home_and_toolkit(client, demo):
    collection = CuratedCollection.objects.get()
    assert collection.title == "Start here: handling citizen complaints online"
    collected = collection.visible_pages
    assert [type(page) for page in collected] == [CaseStudyPage, GuidePage, GuidePage]
    assert collected[0].city.slug == "alba-iulia"
    assert "Facebook" in collected[0].summary
    for page in (english(HomePage).get(), english(ToolkitPage).get()):
        assert f'id="collection-{collection.slug}"' in client.get(page.url).text
        text = page_text(client, page)
        assert collection.title in text
        assert collection.introduction in text
        start = text.index(collection.title)
        positions = [text.index(item.title, start) for item in collected]
        assert positions == sorted(positions), page.url


def test_what_the_loader_orders_is_stored_in_that_order(demo):
    """Without a sort_order the rows of a collection or a featured list come back in an
    order of the database's choosing (on PostgreSQL, not the order they were added in)."""
    home = english(HomePage).get()
    for rows in (
        CuratedCollection.objects.get().items,
        home.featured_pages,
        home.featured_collections,
        english(ToolkitPage).get().featured_collections,
    ):
        assert list(rows.values_list("sort_order", flat=True)) == list(range(rows.count()))


def test_the_admin_knows_where_each_guide_is_used(demo):
    """The reference index behind the admin's 'usage' view is built for the demo content."""
    for guide in english(GuidePage).all():
        assert ReferenceIndex.get_references_to(guide).exists(), guide.title
