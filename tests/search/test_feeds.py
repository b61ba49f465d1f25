"""The feed of a search (/<language>/search/feed/): the newest matches of the same search,
as Atom, linked from the search page as "Follow this search"."""

import datetime
import json

from django.utils import timezone

from wagtail.models import Page

import pytest
from wagtail_localize.synctree import create_aliases_for_new_page

from casestudies.factories import CaseStudyPageFactory, UpdatePageFactory
from network_site.languages import setup_languages
from network_site.models import Theme
from search.indexer import rebuild
from tests.casestudies.test_feeds import ATOM, XML_LANG, entries, parse
from tests.conftest import fresh, rolled_back
from tests.pages import feed_links
from toolkit.factories import GuidePageFactory

pytestmark = pytest.mark.django_db

COMPLAINTS = "http://testserver/en/cities/tartu/case-studies/complaints-app/"
BUDGET = "http://testserver/en/cities/ghent/case-studies/budget-app/"
LAUNCH = "http://testserver/en/cities/ghent/updates/app-launched/"
GUIDE = "http://testserver/en/toolkit/choosing-an-app/"


def published(days_ago):
    """What a page published `days_ago` days ago records (the factories publish nothing)."""
    when = timezone.now() - datetime.timedelta(days=days_ago)
    return {"first_published_at": when, "last_published_at": when}


@pytest.fixture(scope="module")
def indexed(site, django_db_blocker):
    """The ten languages; two case studies, an update and a guide about an app, and a draft
    one, each in every language (as aliases of the English page); indexed."""
    with rolled_back(django_db_blocker):
        setup_languages()
        tartu, ghent = fresh(site["tartu"]), fresh(site["ghent"])
        themes = {theme.slug: theme for theme in Theme.objects.filter(locale__language_code="en")}
        pages = [
            CaseStudyPageFactory(
                parent=tartu.case_studies_section,
                title="Complaints app",
                slug="complaints-app",
                summary="Residents report broken street lights with an app.",
                themes=[themes["governance"]],
                start_year=2016,
                **published(3),
            ),
            CaseStudyPageFactory(
                parent=ghent.case_studies_section,
                title="Budget app",
                slug="budget-app",
                summary="Residents vote on projects in an app.",
                themes=[themes["inclusion"], themes["economy"]],
                start_year=2018,
                **published(1),
            ),
            UpdatePageFactory(
                parent=ghent.updates_section,
                title="App launched",
                slug="app-launched",
                summary="The budget app is live.",
                date=datetime.date(2019, 3, 1),
                themes=[themes["inclusion"]],
                **published(2),
            ),
            GuidePageFactory(
                parent=fresh(site["toolkit"]),
                title="Choosing an app",
                slug="choosing-an-app",
                summary="What to ask before a city builds an app.",
                **published(5),
            ),
            CaseStudyPageFactory(
                parent=tartu.case_studies_section,
                title="Secret app",
                summary="Not ready: an app nobody has seen.",
                live=False,
            ),
        ]
        for page in pages:
            create_aliases_for_new_page(page)
        rebuild()
        yield


def test_a_search_feed_holds_the_newest_matches_of_the_same_search(client, indexed):
    found = entries(client, "/en/search/feed/?q=app")
    api = json.loads(client.get("/en/api/search/?q=app&sort=newest").content)
    assert found == [(hit["title"], hit["url"]) for hit in api["results"]]
    # Newest first as the search orders them (the guide by its publication, the update by
    # its date, the case studies by their practice's years); never the draft.
    assert found == [
        ("Choosing an app", GUIDE),
        ("App launched", LAUNCH),
        ("Budget app", BUDGET),
        ("Complaints app", COMPLAINTS),
    ]


def test_a_search_feed_follows_the_searchs_filters_and_says_so(client, indexed):
    feed = parse(client, "/en/search/feed/?q=app&theme=inclusion&page=2&sort=title&x=1")
    assert [entry.findtext(f"{ATOM}title") for entry in feed.iter(f"{ATOM}entry")] == [
        "App launched",
        "Budget app",
    ]
    assert feed.findtext(f"{ATOM}title") == "Search “app” · Inclusion · Interactive Cities"
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links == {
        "self": "http://testserver/en/search/feed/?q=app&theme=inclusion",
        "alternate": "http://testserver/en/search/?q=app&theme=inclusion",
    }
    filtered = parse(client, "/en/search/feed/?theme=governance&city=tartu&type=case-study")
    assert filtered.findtext(f"{ATOM}title") == (
        "Search · Governance, Tartu, Case study · Interactive Cities"
    )
    assert [entry.find(f"{ATOM}link").get("href") for entry in filtered.iter(f"{ATOM}entry")] == [
        COMPLAINTS
    ]


def test_each_entry_has_its_snippet_author_dates_and_themes(client, indexed):
    feed = parse(client, "/en/search/feed/?q=vote")
    assert feed.get(XML_LANG) == "en"
    entry = next(e for e in feed.iter(f"{ATOM}entry") if e.findtext(f"{ATOM}id") == BUDGET)
    summary = entry.find(f"{ATOM}summary")
    assert summary.get("type") == "html"
    assert summary.text == "Residents <mark>vote</mark> on projects in an app."
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == "Ghent"
    assert [category.get("term") for category in entry.iter(f"{ATOM}category")] == [
        "Economy",
        "Inclusion",
    ]
    page = Page.objects.get(url_path__endswith="/budget-app/", locale__language_code="en")
    assert entry.findtext(f"{ATOM}published") == page.first_published_at.isoformat()
    assert entry.findtext(f"{ATOM}updated") == page.last_published_at.isoformat()
    guide = next(
        e
        for e in parse(client, "/en/search/feed/?q=app").iter(f"{ATOM}entry")
        if e.findtext(f"{ATOM}id") == GUIDE
    )
    assert guide.findtext(f"{ATOM}author/{ATOM}name") == "Interactive Cities"


def test_the_search_page_links_the_feed_of_its_search(client, indexed):
    html = client.get("/en/search/?q=app&theme=inclusion&page=2&sort=title").content.decode()
    url = "/en/search/feed/?q=app&theme=inclusion"
    assert feed_links(html) == [("Search “app” · Inclusion (Atom feed)", url)]
    assert f'<a href="{url.replace("&", "&amp;")}" type="application/atom+xml">' in html
    assert "Follow this search</a>" in html


def test_a_search_with_no_results_has_a_valid_empty_feed(client, indexed):
    feed = parse(client, "/en/search/feed/?q=zeppelins")
    assert list(feed.iter(f"{ATOM}entry")) == []
    assert feed.findtext(f"{ATOM}title") == "Search “zeppelins” · Interactive Cities"
    html = client.get("/en/search/?q=zeppelins").content.decode()
    assert feed_links(html) == [("Search “zeppelins” (Atom feed)", "/en/search/feed/?q=zeppelins")]


@pytest.mark.parametrize(
    "query",
    [
        "q=%00app%EF%BF%BE%ED%A0%80&theme=%3Cscript%3E&year=abc&page=-1&sort=zzz",
        "q=" + "app+" * 300,
        "q=app&q=budget&city=&city=tartu&type=case-study&type=nonsense&year=2019",
        "q=%22app%22+AND+title%3A*&page=99999999999",
        "q=app&theme=inclusion&%FF=%FE",
    ],
)
def test_any_input_gives_a_valid_feed(client, indexed, query):
    parse(client, f"/en/search/feed/?{query}")


def test_the_search_feed_is_rate_limited_with_the_search_page(client, indexed, settings):
    settings.SEARCH_PAGE_RATE_LIMIT = "3/minute"
    address = {"REMOTE_ADDR": "203.0.113.99"}
    assert client.get("/en/search/?q=app", **address).status_code == 200
    for _ in range(2):
        assert client.get("/en/search/feed/?q=app", **address).status_code == 200
    refused = client.get("/en/search/feed/?q=app", **address)
    assert refused.status_code == 429
    assert refused["Retry-After"]


def test_a_search_feed_is_in_the_readers_language(client, indexed):
    """An Italian reader's feed is in Italian and links the Italian tree's versions (here
    the aliases that show the English pages), as the Italian search page does."""
    feed = parse(client, "/it/search/feed/?q=app&theme=inclusion")
    assert feed.get(XML_LANG) == "it"
    assert [entry.find(f"{ATOM}link").get("href") for entry in feed.iter(f"{ATOM}entry")] == [
        LAUNCH.replace("/en/", "/it/"),
        BUDGET.replace("/en/", "/it/"),
    ]
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links["alternate"] == "http://testserver/it/search/?q=app&theme=inclusion"
