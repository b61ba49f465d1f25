"""Atom feeds of the listings: what readers' feed readers get."""

import datetime
import html
from xml.etree import ElementTree

from django.utils import timezone

import pytest

from casestudies.factories import CaseStudyPageFactory, UpdatePageFactory

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)  # noqa: S314 - our own test response
    return [
        (entry.findtext(f"{ATOM}title"), entry.find(f"{ATOM}link").get("href"))
        for entry in feed.iter(f"{ATOM}entry")
    ]


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


@pytest.fixture
def content(tartu, ghent, themes):
    CaseStudyPageFactory(
        parent=tartu.case_studies_section, title="Virtual meetings", first_published_at=days_ago(3)
    )
    CaseStudyPageFactory(
        parent=ghent.case_studies_section,
        title="Neighbourhood budgets",
        first_published_at=days_ago(1),
    )
    CaseStudyPageFactory(parent=ghent.case_studies_section, title="Unfinished", live=False)
    UpdatePageFactory(parent=tartu.updates_section, title="Tartu joins")


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
