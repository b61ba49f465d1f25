"""Atom feeds of the listings and of the cities: what readers' feed readers get."""

import datetime
import html
from xml.etree import ElementTree

from django.utils import timezone

from wagtail.models import Page

import pytest
from wagtail_localize.synctree import create_aliases_for_new_page

from casestudies.factories import CaseStudyPageFactory, UpdatePageFactory
from demo.translations import translate
from network_site.languages import setup_languages
from tests.pages import feed_links

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def parse(client, url):
    """The feed at `url`, parsed, after checking it is Atom with what Atom requires."""
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)  # noqa: S314 - our own test response
    assert feed.tag == f"{ATOM}feed"
    for element in (feed, *feed.iter(f"{ATOM}entry")):
        for required in ("id", "title", "updated"):
            assert element.findtext(f"{ATOM}{required}"), f"{required} missing in {element.tag}"
    return feed


def entries(client, url):
    return [
        (entry.findtext(f"{ATOM}title"), entry.find(f"{ATOM}link").get("href"))
        for entry in parse(client, url).iter(f"{ATOM}entry")
    ]


def titles(client, url):
    return [title for title, _ in entries(client, url)]


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


@pytest.fixture
def content(tartu, ghent, themes):
    CaseStudyPageFactory(
        parent=tartu.case_studies_section,
        title="Virtual meetings",
        first_published_at=days_ago(3),
        themes=[themes["inclusion"]],
    )
    CaseStudyPageFactory(
        parent=ghent.case_studies_section,
        title="Neighbourhood budgets",
        first_published_at=days_ago(1),
        themes=[themes["governance"], themes["economy"]],
    )
    CaseStudyPageFactory(
        parent=ghent.case_studies_section,
        title="Unfinished",
        live=False,
        themes=[themes["governance"]],
    )
    UpdatePageFactory(
        parent=tartu.updates_section,
        title="Tartu joins",
        first_published_at=days_ago(2),
        themes=[themes["governance"]],
    )


def test_the_case_studies_feed_lists_live_case_studies_newest_first(client, site_tree, content):
    assert entries(client, "/en/case-studies/feed/") == [
        (
            "Ghent: Neighbourhood budgets",
            "http://testserver/en/cities/ghent/case-studies/neighbourhood-budgets/",
        ),
        (
            "Tartu: Virtual meetings",
            "http://testserver/en/cities/tartu/case-studies/virtual-meetings/",
        ),
    ]


def test_a_city_section_feed_holds_only_that_city(client, site_tree, content):
    assert [title for title, _ in entries(client, "/en/cities/tartu/updates/feed/")] == [
        "Tartu: Tartu joins"
    ]
    assert entries(client, "/en/cities/ghent/updates/feed/") == []


def test_listing_pages_point_to_their_feed(client, site_tree, content):
    html = client.get("/en/case-studies/").content.decode()
    assert 'type="application/atom+xml"' in html
    assert 'href="/en/case-studies/feed/"' in html


def test_the_feed_goes_by_publication_not_by_the_practices_years(client, site_tree, tartu, themes):
    CaseStudyPageFactory(
        parent=tartu.case_studies_section,
        title="Recent",
        start_year=2020,
        first_published_at=days_ago(2),
    )
    CaseStudyPageFactory(
        parent=tartu.case_studies_section,
        title="Old practice",
        start_year=2009,
        first_published_at=days_ago(1),
    )
    titles = [title for title, _ in entries(client, "/en/case-studies/feed/")]
    assert titles == ["Tartu: Old practice", "Tartu: Recent"]


def test_a_summary_reaches_feed_readers_as_the_text_the_partner_typed(client, site_tree, tartu):
    """Atom says the summary is HTML: markup typed into it must arrive escaped, as text."""
    typed = '"><img src=x onerror=alert(1)> Meetings & minutes'
    CaseStudyPageFactory(parent=tartu.case_studies_section, title="Virtual", summary=typed)
    feed = ElementTree.fromstring(client.get("/en/case-studies/feed/").content)  # noqa: S314
    summary = feed.find(f"{ATOM}entry/{ATOM}summary")
    assert summary.get("type") == "html"
    # What a feed reader renders as HTML shows the typed text and runs no markup.
    assert html.unescape(summary.text) == typed
    assert "<img" not in summary.text


def test_a_control_character_pasted_into_a_page_leaves_its_feeds_readable(
    client, site_tree, tartu
):
    """A word processor's line break pastes as a vertical tab, which XML refuses."""
    CaseStudyPageFactory(
        parent=tartu.case_studies_section,
        title="Meetings\x0bonline",
        summary="Minutes\x0bpublished",
        first_published_at=days_ago(1),
    )
    for url in ("/en/case-studies/feed/", "/en/cities/tartu/feed/"):
        assert titles(client, url) == ["Tartu: Meetingsonline"]


def test_a_listing_feed_follows_the_listings_filters(client, site_tree, content):
    assert entries(client, "/en/case-studies/feed/?theme=governance") == [
        (
            "Ghent: Neighbourhood budgets",
            "http://testserver/en/cities/ghent/case-studies/neighbourhood-budgets/",
        )
    ]
    assert titles(client, "/en/case-studies/feed/?theme=inclusion&theme=economy") == [
        "Ghent: Neighbourhood budgets",
        "Tartu: Virtual meetings",
    ]
    assert titles(client, "/en/case-studies/feed/?city=tartu") == ["Tartu: Virtual meetings"]
    assert titles(client, "/en/case-studies/feed/?city=tartu&theme=governance") == []
    assert titles(client, "/en/updates/feed/?theme=governance") == ["Tartu: Tartu joins"]
    assert titles(client, "/en/updates/feed/?theme=inclusion") == []
    assert titles(client, "/en/cities/ghent/case-studies/feed/?theme=economy") == [
        "Ghent: Neighbourhood budgets"
    ]


def test_a_filtered_feed_says_what_it_follows(client, site_tree, content):
    feed = parse(client, "/en/case-studies/feed/?city=tartu&theme=governance&page=3&x=1")
    assert feed.findtext(f"{ATOM}title") == "Case studies · Governance, Tartu · Interactive Cities"
    # Its own address and the listing it follows carry the filters it understood, no more.
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links == {
        "self": "http://testserver/en/case-studies/feed/?city=tartu&theme=governance",
        "alternate": "http://testserver/en/case-studies/?city=tartu&theme=governance",
    }
    assert feed.findtext(f"{ATOM}id") == links["alternate"]
    unfiltered = parse(client, "/en/case-studies/feed/?theme=nonsense")
    assert unfiltered.findtext(f"{ATOM}title") == "Case studies · Interactive Cities"


def test_each_entry_says_who_published_it_when_and_about_what(client, site_tree, content):
    feed = parse(client, "/en/case-studies/feed/?theme=governance")
    assert feed.get(XML_LANG) == "en"
    assert feed.findtext(f"{ATOM}author/{ATOM}name") == "Interactive Cities"
    [entry] = feed.iter(f"{ATOM}entry")
    url = "http://testserver/en/cities/ghent/case-studies/neighbourhood-budgets/"
    assert entry.findtext(f"{ATOM}id") == url
    assert entry.find(f"{ATOM}link").get("href") == url
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == "Ghent"
    assert entry.findtext(f"{ATOM}summary") == "What the city tried and what came of it."
    assert entry.findtext(f"{ATOM}published")
    assert entry.findtext(f"{ATOM}updated")
    categories = [category.get("term") for category in entry.iter(f"{ATOM}category")]
    assert categories == ["Governance", "Economy"]


def test_a_listing_links_the_feed_of_its_current_filters(client, site_tree, content):
    html = client.get("/en/case-studies/?theme=governance&city=ghent&page=1&x=y").content.decode()
    url = "/en/case-studies/feed/?city=ghent&theme=governance"
    assert feed_links(html) == [("Case studies · Governance, Ghent (Atom feed)", url)]
    assert f'<a href="{url.replace("&", "&amp;")}" type="application/atom+xml">' in html
    assert "Follow these case studies in a feed reader" in html

    html = client.get("/en/cities/tartu/updates/?theme=inclusion").content.decode()
    url = "/en/cities/tartu/updates/feed/?theme=inclusion"
    assert feed_links(html) == [("Tartu: Updates · Inclusion (Atom feed)", url)]
    # No update matches: the reader may still follow the filters, for the next one.
    assert f'<a href="{url}" type="application/atom+xml">' in html


def test_a_city_feed_holds_everything_the_city_publishes(client, site_tree, content, tartu):
    CaseStudyPageFactory(parent=tartu.case_studies_section, title="Draft", live=False)
    feed = parse(client, "/en/cities/tartu/feed/")
    assert feed.findtext(f"{ATOM}title") == (
        "Case studies and updates from Tartu · Interactive Cities"
    )
    assert entries(client, "/en/cities/tartu/feed/") == [
        ("Tartu: Tartu joins", "http://testserver/en/cities/tartu/updates/tartu-joins/"),
        (
            "Tartu: Virtual meetings",
            "http://testserver/en/cities/tartu/case-studies/virtual-meetings/",
        ),
    ]
    assert titles(client, "/en/cities/ghent/feed/") == ["Ghent: Neighbourhood budgets"]


def test_a_city_page_links_its_feed(client, site_tree, content):
    html = client.get("/en/cities/tartu/").content.decode()
    url = "/en/cities/tartu/feed/"
    assert feed_links(html) == [("Case studies and updates from Tartu (Atom feed)", url)]
    assert f'<a href="{url}" type="application/atom+xml">' in html
    # The city's own pages below it are still found (the feed route comes first).
    assert client.get("/en/cities/tartu/case-studies/virtual-meetings/").status_code == 200


def test_an_unpublished_citys_feed_is_not_found(client, site_tree, content, tartu):
    tartu.unpublish()
    assert client.get("/en/cities/tartu/feed/").status_code == 404


@pytest.fixture(scope="module")
def languages(site, django_db_blocker):
    with django_db_blocker.unblock():
        setup_languages()


def test_feeds_are_in_the_readers_language(client, site_tree, content, themes, languages):
    """Every page has a version in each language's tree (here aliases, as the admin makes
    them): an Estonian reader's feeds hold those, under /et/, with the themes named in
    Estonian."""
    for page in Page.objects.filter(depth=6, locale__language_code="en"):
        create_aliases_for_new_page(page)
    translate(themes["governance"], "et", {"Governance": "Juhtimine"})
    feed = parse(client, "/et/case-studies/feed/?theme=governance")
    assert feed.get(XML_LANG) == "et"
    assert feed.findtext(f"{ATOM}title") == "Case studies · Juhtimine · Interactive Cities"
    [entry] = feed.iter(f"{ATOM}entry")
    assert entry.find(f"{ATOM}link").get("href") == (
        "http://testserver/et/cities/ghent/case-studies/neighbourhood-budgets/"
    )
    assert [category.get("term") for category in entry.iter(f"{ATOM}category")] == [
        "Juhtimine",
        "Economy",
    ]
    assert entries(client, "/et/cities/tartu/feed/") == [
        ("Tartu: Tartu joins", "http://testserver/et/cities/tartu/updates/tartu-joins/"),
        (
            "Tartu: Virtual meetings",
            "http://testserver/et/cities/tartu/case-studies/virtual-meetings/",
        ),
    ]
