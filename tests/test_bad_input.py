"""Whatever a client puts in the query string, the public pages answer, and never with 500.

Property-based (Hypothesis): each test sends generated query strings to one kind of public
address: the search page and its JSON API, the listings with their filters, a city's
section, the feeds, a case study, the home page and the case-study exports. The strings
mix the parameters each address reads with unknown ones, repeat them, and fill them with
anything: text of any script, control characters and NUL, bytes that are not UTF-8 (lone
surrogates in their UTF-8 form among them), huge numbers and values thousands of
characters long, stray `=`, `&` and `%`. They reach the view as a server passes them on
(the raw query string), so invalid percent-escapes and bytes arrive undecoded.

The search addresses must answer 200, the API with a JSON body in its documented shape,
the feeds with well-formed Atom and the case-study exports with a CSV file or a JSON
document; the pages must answer 200 and show their heading. Examples are few per address
(the suite is run on every change) and, in CI, the same on every run (`derandomize`); a
local run draws new ones each time.
"""

import json
import os
from urllib.parse import quote
from xml.etree import ElementTree

from django.test import Client

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casestudies.factories import CaseStudyPageFactory, UpdatePageFactory
from network_site.models import Theme
from search.indexer import rebuild
from tests.conftest import fresh

pytestmark = pytest.mark.django_db

SEARCH_PARAMETERS = ["q", "sort", "page", "theme", "city", "country", "channel", "type", "year"]
LISTING_PARAMETERS = ["city", "theme", "page"]
KNOWN_VALUES = [
    "governance",
    "tartu",
    "ghent",
    "EE",
    "case-study",
    "2016",
    "newest",
    "title",
    "relevance",
    "1",
    "0",
    "-1",
]

# A value as it appears in the query string, already encoded.
encoded_text = st.text(max_size=60).map(lambda text: quote(text, safe=""))
encoded_bytes = st.binary(max_size=30).map(lambda data: "".join(f"%{b:02X}" for b in data))
# Lone surrogates (UTF-8 form), an overlong slash, a BOM's bytes, past U+10FFFF, cut short.
not_utf8 = st.sampled_from(
    ["%ED%A0%80", "%ED%BF%BF", "%C0%AF", "%FF%FE", "%F4%90%80%80", "%E2%82"]
)
huge_number = st.integers(min_value=-(10**40), max_value=10**40).map(str)
long_value = st.integers(min_value=1_000, max_value=20_000).map(lambda n: "ab%20" * (n // 5))
# Unescaped: what a careless client types; stray %, = and & break the pairs themselves.
raw_text = st.text(alphabet=st.characters(codec="latin-1", exclude_characters="#"), max_size=40)
values = st.one_of(
    st.sampled_from(KNOWN_VALUES),
    encoded_text,
    encoded_bytes,
    not_utf8,
    huge_number,
    long_value,
    raw_text,
)


def query_strings(parameters):
    """Query strings of one to five of the address's own parameters (so some repeat), with
    any value, mixed with up to six unknown names, bare names and unpaired junk."""
    known = st.tuples(st.sampled_from(parameters), values).map("=".join)
    names = st.one_of(
        st.sampled_from(parameters),
        st.sampled_from(parameters).map(lambda name: f"{name}[]"),
        encoded_text,
    )
    other = st.one_of(st.tuples(names, values).map("=".join), names, raw_text)
    return (
        st.tuples(st.lists(known, min_size=1, max_size=5), st.lists(other, max_size=6))
        .flatmap(lambda pairs: st.permutations(pairs[0] + pairs[1]))
        .map("&".join)
    )


def fetch(path, query):
    """GET `path` with `query` as the raw query string (latin-1, as WSGI passes it)."""
    return Client().get(path, QUERY_STRING=query.encode("utf-8").decode("latin-1"))


def property_test(max_examples):
    return settings(
        max_examples=max_examples,
        deadline=None,
        database=None,  # No .hypothesis folder in the worktree.
        derandomize=os.environ.get("CI") == "true",
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


@pytest.fixture(scope="module")
def indexed(site, django_db_blocker):
    """A case study and an update in each city, indexed, so that searches have hits."""
    with django_db_blocker.unblock():
        governance = Theme.objects.get(slug="governance")
        for city in ("tartu", "ghent"):
            page = fresh(site[city])
            CaseStudyPageFactory(
                parent=page.case_studies_section,
                title=f"Virtual meetings in {page.title}",
                summary="Residents join planning meetings online.",
                themes=[governance],
                start_year=2016,
            )
            UpdatePageFactory(parent=page.updates_section, title=f"News from {page.title}")
        rebuild()


@pytest.fixture
def unlimited(settings):
    """No search rate limit: a test sends far more than 60 requests a minute."""
    settings.SEARCH_API_RATE_LIMIT = ""
    settings.SEARCH_PAGE_RATE_LIMIT = ""


@property_test(max_examples=80)
@given(query=query_strings(SEARCH_PARAMETERS))
def test_the_search_page_answers_any_query_string(indexed, unlimited, query):
    response = fetch("/en/search/", query)
    assert response.status_code == 200
    assert "<h1" in response.text


def assert_atom(response):
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)  # noqa: S314 - our own test response
    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"


@property_test(max_examples=50)
@given(query=query_strings(SEARCH_PARAMETERS))
def test_the_search_feed_answers_any_query_string_with_atom(indexed, unlimited, query):
    response = fetch("/en/search/feed/", query)
    assert response.status_code == 200
    assert_atom(response)


@property_test(max_examples=80)
@given(query=query_strings(SEARCH_PARAMETERS))
def test_the_search_api_answers_any_query_string_with_json(indexed, unlimited, query):
    response = fetch("/en/api/search/", query)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    assert 1 <= data["page"] <= data["pages"]
    assert len(data["query"]) <= 200
    assert data["total"] >= len(data["results"])


LISTINGS = [
    "/en/case-studies/",
    "/en/updates/",
    "/en/cities/tartu/case-studies/",
    "/en/cities/ghent/updates/",
]


@property_test(max_examples=60)
@given(path=st.sampled_from(LISTINGS), query=query_strings(LISTING_PARAMETERS))
def test_listings_answer_any_filters(indexed, path, query):
    response = fetch(path, query)
    assert response.status_code == 200
    assert "<h1" in response.text


OTHER_PAGES = [
    "/en/",
    "/en/cities/tartu/",
    "/en/cities/tartu/case-studies/virtual-meetings-in-tartu/",
    "/en/case-studies/feed/",
    "/en/updates/feed/",
    "/en/cities/ghent/case-studies/feed/",
    "/en/cities/tartu/feed/",
]


@property_test(max_examples=50)
@given(path=st.sampled_from(OTHER_PAGES), query=query_strings(SEARCH_PARAMETERS))
def test_pages_and_feeds_ignore_junk_parameters(indexed, path, query):
    response = fetch(path, query)
    assert response.status_code == 200
    if path.endswith("/feed/"):
        assert_atom(response)
    else:
        assert "<h1" in response.text


EXPORTS = ["/en/case-studies/export.csv", "/en/case-studies/export.json"]


@property_test(max_examples=40)
@given(path=st.sampled_from(EXPORTS), query=query_strings(SEARCH_PARAMETERS))
def test_exports_answer_any_filters_with_a_document(indexed, settings, path, query):
    settings.EXPORT_RATE_LIMIT = ""
    response = fetch(path, query)
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    if path.endswith(".csv"):
        assert content.startswith("id,key,url,title,")
    else:
        data = json.loads(content)
        assert data["count"] == len(data["case_studies"]) <= 2
