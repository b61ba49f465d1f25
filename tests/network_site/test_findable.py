"""Findable: the sitemap, robots.txt, and what every page's <head> tells search engines and
link previews (canonical address, description, robots rule, Open Graph and Twitter card
tags, schema.org JSON-LD). README "Findable".

The module's site (tests/conftest.py) is given the ten languages once, so every page also
exists as an alias in the nine other languages, as in production.
"""

import html as html_text
import json
import re
import xml.etree.ElementTree as ET

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest
from wagtail_factories import ImageFactory
from wagtail_localize.synctree import create_aliases_for_new_page

from casestudies.factories import CaseStudyPageFactory, CityPageFactory, UpdatePageFactory
from demo.translations import translate
from network_site.languages import setup_languages
from tests.conftest import fresh
from tests.pages import alternates
from toolkit.factories import GuidePageFactory, RoadmapPageFactory

NAMESPACES = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}
CASE_STUDY = "http://testserver/en/cities/tartu/case-studies/participatory-budgeting/"
SEARCH_DESCRIPTION = (
    "Search the case studies, guides, roadmap, partner updates and cities of the network."
)


@pytest.fixture(scope="module")
def languages(site, django_db_blocker):
    """The module's site in the ten languages, rolled back with it."""
    with django_db_blocker.unblock():
        setup_languages()


def add_page(factory, **kwargs):
    """A page, published unless `live=False`, with its aliases in the other languages, as
    the admin makes them."""
    page = factory(**kwargs)
    if page.live:
        page.save_revision().publish()
        page = fresh(page.pk)
    create_aliases_for_new_page(page)
    return page


@pytest.fixture
def case_study(tartu, themes, languages):
    """A case study of Tartu on governance, with an image, in every language's tree."""
    return add_page(
        CaseStudyPageFactory,
        parent=tartu.case_studies_section,
        title="Participatory budgeting",
        slug="participatory-budgeting",
        summary="Residents chose how to spend part of the city's budget, online.",
        image=ImageFactory(),
        themes=[themes["governance"]],
        start_year=2016,
        end_year=2018,
    )


def head(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    return html[: html.index("</head>")]


def meta(html, name):
    """The content of the page's <meta name=...> or <meta property=...>, or None."""
    found = re.findall(rf'<meta (?:name|property)="{re.escape(name)}" content="([^"]*)">', html)
    assert len(found) <= 1, name
    return html_text.unescape(found[0]) if found else None


def canonical(html):
    found = re.findall(r'<link rel="canonical" href="([^"]+)">', html)
    assert len(found) <= 1
    return html_text.unescape(found[0]) if found else None


def json_ld(html):
    """The page's one JSON-LD object."""
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(scripts) == 1
    return json.loads(scripts[0])


def sitemap(client):
    """{address: (lastmod, {hreflang: address})} of /sitemap.xml."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    urlset = ET.fromstring(response.content)  # noqa: S314 - our own test response
    urls = urlset.findall("sm:url", NAMESPACES)
    return {
        url.find("sm:loc", NAMESPACES).text: (
            url.findtext("sm:lastmod", None, NAMESPACES),
            {
                link.get("hreflang"): link.get("href")
                for link in url.findall("xhtml:link", NAMESPACES)
            },
        )
        for url in urls
    }


# The sitemap


def test_the_sitemap_lists_readable_pages_with_their_real_language_versions(
    client, case_study, tartu
):
    translate(case_study, "et", {case_study.title: "Kaasav eelarve"})
    draft = add_page(
        CaseStudyPageFactory, parent=tartu.case_studies_section, slug="draft", live=False
    )
    private = add_page(CaseStudyPageFactory, parent=tartu.case_studies_section, slug="private")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    urls = sitemap(client)

    et_version = CASE_STUDY.replace("/en/", "/et/")
    assert CASE_STUDY in urls and et_version in urls
    lastmod, versions = urls[CASE_STUDY]
    assert lastmod == case_study.last_published_at.date().isoformat()
    expected = {
        "en": CASE_STUDY,
        "et": et_version,
        "x-default": CASE_STUDY.replace("/en/", "/"),
    }
    assert versions == expected
    assert urls[et_version][1] == expected
    # The same alternates as the page's own head.
    assert alternates(head(client, CASE_STUDY.removeprefix("http://testserver"))) == expected
    # Aliases (the English content at /it/... and so on) are the English page: not listed.
    assert CASE_STUDY.replace("/en/", "/it/") not in urls
    assert "http://testserver/en/" in urls and "http://testserver/it/" not in urls
    assert "http://testserver/en/cities/tartu/" in urls
    # Never a draft or a private page, in any language.
    assert not [url for url in urls if f"/{draft.slug}/" in url or "/private/" in url]


def test_the_sitemap_never_lists_a_page_of_an_unpublished_city(client, site_tree, languages):
    # Its sections get their aliases, and the city with them.
    varna = CityPageFactory(parent=site_tree["cities"], title="Varna", slug="varna")
    add_page(CaseStudyPageFactory, parent=varna.case_studies_section, slug="city-guide-app")
    assert any("/varna/case-studies/city-guide-app/" in url for url in sitemap(client))

    varna.unpublish()

    assert not [url for url in sitemap(client) if "/varna/" in url]


def test_the_sitemap_takes_as_many_queries_for_many_pages_as_for_a_few(client, tartu, languages):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            urls = sitemap(client)
        return len(captured), len(urls)

    add_page(CaseStudyPageFactory, parent=tartu.case_studies_section)
    sitemap(client)  # Fills the caches a running site keeps warm (the sites' root paths).
    few, listed_few = queries()
    for _ in range(5):
        page = add_page(CaseStudyPageFactory, parent=tartu.case_studies_section)
        translate(page, "it", {})
    many, listed_many = queries()
    assert listed_many == listed_few + 10  # Five case studies, each in English and Italian.
    assert many == few <= 3


def test_the_sitemap_is_the_same_for_every_reader(client, case_study):
    response = client.get("/sitemap.xml", HTTP_ACCEPT_LANGUAGE="it")
    assert response.status_code == 200  # no redirect to /it/sitemap.xml
    assert "Accept-Language" not in response.get("Vary", "")
    assert CASE_STUDY in response.content.decode()


# robots.txt


def test_robots_txt_keeps_crawlers_out_of_the_admin_searches_apis_and_exports(client, site_tree):
    response = client.get("/robots.txt", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for rule in (
        "Allow: /",
        "Disallow: /admin/",
        "Disallow: /*/search/",
        "Disallow: /*/api/",
        "Disallow: /*/export.",
        "Disallow: /*/compare/",
    ):
        assert rule in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert not [line for line in lines if line.startswith("Disallow: /*/cities/")]


# Canonical addresses, descriptions and the robots rule


def test_a_page_is_canonical_at_its_own_address_in_its_language(client, case_study):
    assert canonical(head(client, CASE_STUDY.removeprefix("http://testserver"))) == CASE_STUDY
    translate(case_study, "et", {})
    et_url = CASE_STUDY.replace("/en/", "/et/")
    assert canonical(head(client, et_url.removeprefix("http://testserver"))) == et_url


def test_a_page_not_yet_translated_is_canonical_at_its_english_address(client, case_study):
    html = head(client, "/it/cities/tartu/case-studies/participatory-budgeting/?utm_source=x")
    assert canonical(html) == CASE_STUDY
    assert meta(html, "og:url") == CASE_STUDY
    assert meta(html, "og:locale") == "en_GB"


@pytest.mark.parametrize(
    ("query", "expected", "noindex"),
    [
        ("", "", False),
        ("?page=1&utm_source=newsletter", "", False),
        ("?theme=governance", "?theme=governance", False),
        ("?theme=governance&theme=nonsense", "?theme=governance", False),
        ("?theme=inclusion&theme=governance", "?theme=governance&theme=inclusion", True),
        ("?theme=governance&city=tartu", "?city=tartu&theme=governance", True),
    ],
)
def test_a_listing_is_canonical_with_its_filters_and_noindex_with_more_than_one(
    client, tartu, languages, query, expected, noindex
):
    html = head(client, f"/en/case-studies/{query}")
    assert canonical(html) == f"http://testserver/en/case-studies/{expected}"
    assert (meta(html, "robots") == "noindex") is noindex


def test_a_later_page_of_a_listing_is_canonical_with_its_number(client, tartu, languages):
    for _ in range(13):
        CaseStudyPageFactory(parent=tartu.case_studies_section)
    html = head(client, "/en/case-studies/?page=2")
    assert canonical(html) == "http://testserver/en/case-studies/?page=2"
    assert meta(html, "robots") is None


def test_a_citys_section_is_noindex_only_with_two_themes(client, tartu, languages):
    section = "/en/cities/tartu/case-studies/"
    assert meta(head(client, f"{section}?theme=governance"), "robots") is None
    html = head(client, f"{section}?theme=governance&theme=economy")
    assert meta(html, "robots") == "noindex"


def test_search_pages_are_noindex_and_described(client, site_tree):
    html = head(client, "/en/search/?q=budget")
    assert meta(html, "robots") == "noindex"
    assert meta(html, "description") == SEARCH_DESCRIPTION
    assert canonical(html) == "http://testserver/en/search/?q=budget"
    assert json_ld(html)["@type"] == "SearchResultsPage"


def test_every_kind_of_page_has_a_description_that_says_what_it_is(client, case_study):
    descriptions = {
        url: meta(head(client, url), "description")
        for url in (
            "/en/",
            "/en/search/",
            "/en/case-studies/",
            "/en/cities/",
            "/en/toolkit/",
            "/en/cities/tartu/",
            "/en/cities/tartu/case-studies/",
            "/en/cities/tartu/updates/",
            CASE_STUDY.removeprefix("http://testserver"),
        )
    }
    assert descriptions == {
        "/en/": "Ten European cities learning to govern with their citizens online.",
        "/en/search/": SEARCH_DESCRIPTION,
        "/en/case-studies/": (
            "Case studies from the partner cities: what each city tried with social media "
            "and digital tools to involve its citizens, and what came of it."
        ),
        "/en/cities/": (
            "The partner cities of the network: who they are, what they tried and what they "
            "published."
        ),
        "/en/toolkit/": (
            "Best-practice guides and the implementation roadmap for cities that want to "
            "involve their citizens through social media and digital tools."
        ),
        "/en/cities/tartu/": "A university city in the south of the country.",
        "/en/cities/tartu/case-studies/": (
            "Case studies from Tartu: what the city tried with social media and digital "
            "tools to involve its citizens, and what came of it."
        ),
        "/en/cities/tartu/updates/": "News from Tartu, a partner city of the network.",
        CASE_STUDY.removeprefix("http://testserver"): (
            "Residents chose how to spend part of the city's budget, online."
        ),
    }


def test_an_editors_search_description_comes_first(client, case_study):
    case_study.search_description = "How Tartu's residents shared out the budget."
    case_study.save_revision().publish()
    html = head(client, CASE_STUDY.removeprefix("http://testserver"))
    assert meta(html, "description") == "How Tartu's residents shared out the budget."


def test_a_missing_page_is_described_and_noindex_without_a_canonical(client, site_tree):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert meta(html, "description")
    assert meta(html, "robots") == "noindex"
    assert canonical(html) is None


# Open Graph and Twitter cards


def test_a_case_study_has_open_graph_and_twitter_card_tags(client, case_study):
    translate(case_study, "et", {})
    html = head(client, CASE_STUDY.removeprefix("http://testserver"))
    assert meta(html, "og:type") == "article"
    assert meta(html, "og:title") == "Participatory budgeting"
    assert meta(html, "og:description") == meta(html, "description")
    assert meta(html, "og:url") == CASE_STUDY
    assert meta(html, "og:site_name") == "Test"
    assert meta(html, "og:locale") == "en_GB"
    assert meta(html, "og:locale:alternate") == "et_EE"
    image = meta(html, "og:image")
    assert re.fullmatch(r"http://testserver/media/images/.+\.fill-1200x630\.\w+", image)
    assert meta(html, "twitter:card") == "summary_large_image"
    assert meta(html, "twitter:image") == image
    assert meta(html, "twitter:title") == "Participatory budgeting"
    assert meta(html, "article:modified_time").startswith(str(case_study.last_published_at.year))


def test_a_page_without_an_image_has_a_summary_card(client, site_tree):
    html = head(client, "/en/cities/")
    assert meta(html, "og:type") == "website"
    assert meta(html, "og:image") is None
    assert meta(html, "twitter:card") == "summary"


# schema.org JSON-LD


def test_a_case_study_is_an_article_by_its_city_set_in_the_city(client, case_study, tartu):
    data = json_ld(head(client, CASE_STUDY.removeprefix("http://testserver")))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Article"
    assert data["headline"] == "Participatory budgeting"
    assert data["url"] == CASE_STUDY
    assert data["inLanguage"] == "en"
    assert data["datePublished"] and data["dateModified"]
    assert data["temporalCoverage"] == "2016/2018"
    assert data["about"] == [{"@type": "DefinedTerm", "name": "Governance"}]
    assert data["image"].startswith("http://testserver/media/images/")
    city = {
        "@type": "City",
        "name": "Tartu",
        "url": "http://testserver/en/cities/tartu/",
        "geo": {"@type": "GeoCoordinates", "latitude": 58.378, "longitude": 26.729},
        "containedInPlace": {"@type": "Country", "name": "Estonia", "identifier": "EE"},
    }
    assert data["spatialCoverage"] == city
    assert data["author"] == {
        "@type": "GovernmentOrganization",
        "name": "Tartu",
        "url": "http://testserver/en/cities/tartu/",
        "areaServed": city,
    }
    assert data["publisher"]["@type"] == "Organization"
    assert data["publisher"]["name"] == "URBACT Interactive Cities network"
    assert data["publisher"]["url"] == "http://testserver/en/"
    assert data["publisher"]["logo"].startswith("http://testserver/static/")


def test_a_guide_is_a_how_to_with_its_steps_in_order(client, site_tree, themes):
    GuidePageFactory(
        parent=site_tree["toolkit"],
        title="Answer in the open",
        slug="answer-in-the-open",
        themes=[themes["inclusion"]],
        steps=[
            ("step", {"title": "List your channels", "body": "<p>Write them <b>down</b>.</p>"}),
            ("step", {"title": "Name who answers", "body": "<p>One person per channel.</p>"}),
        ],
    )
    data = json_ld(head(client, "/en/toolkit/answer-in-the-open/"))
    assert data["@type"] == ["Article", "HowTo"]
    assert data["author"] == data["publisher"]
    assert data["author"]["name"] == "URBACT Interactive Cities network"
    assert data["about"] == [{"@type": "DefinedTerm", "name": "Inclusion"}]
    assert data["step"] == [
        {
            "@type": "HowToStep",
            "position": 1,
            "name": "List your channels",
            "text": "Write them down.",
        },
        {
            "@type": "HowToStep",
            "position": 2,
            "name": "Name who answers",
            "text": "One person per channel.",
        },
    ]
    listing = json_ld(head(client, "/en/toolkit/answer-in-the-open/case-studies/"))
    assert listing["@type"] == "CollectionPage"


def test_the_roadmap_is_a_how_to_of_phases_and_an_update_news_by_its_city(
    client, site_tree, tartu
):
    RoadmapPageFactory(parent=site_tree["toolkit"])
    data = json_ld(head(client, "/en/toolkit/roadmap/"))
    assert data["@type"] == "HowTo"
    assert data["step"] == [
        {
            "@type": "HowToSection",
            "position": 1,
            "name": "Audit your channels",
            "description": "Know what you use.",
            "itemListElement": [
                {"@type": "HowToStep", "position": 1, "text": "List every channel"}
            ],
        }
    ]
    UpdatePageFactory(parent=tartu.updates_section, slug="news")
    html = head(client, "/en/cities/tartu/updates/news/")
    news = json_ld(html)
    assert news["@type"] == "NewsArticle"
    assert news["author"]["name"] == news["spatialCoverage"]["name"] == "Tartu"
    assert meta(html, "og:type") == "article"


def test_a_city_page_is_a_city_with_its_coordinates_and_country(client, tartu):
    data = json_ld(head(client, "/en/cities/tartu/"))
    assert data["@type"] == "City"
    assert data["name"] == "Tartu"
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 58.378, "longitude": 26.729}
    assert data["containedInPlace"]["identifier"] == "EE"
    assert data["additionalProperty"]["value"] == 97000


def test_the_home_page_is_the_network_with_its_member_cities(client, tartu, ghent):
    data = json_ld(head(client, "/en/"))
    assert data["@type"] == "Organization"
    assert data["name"] == "URBACT Interactive Cities network"
    assert data["url"] == "http://testserver/en/"
    assert data["logo"] == "http://testserver/static/favicon.svg"
    assert sorted(member["name"] for member in data["member"]) == ["Ghent", "Tartu"]
    assert {member["areaServed"]["name"] for member in data["member"]} == {"Ghent", "Tartu"}


def test_a_title_cannot_break_out_of_the_structured_data(client, tartu):
    title = "Budgets </script><script>alert('x')</script> & <!-- more"
    CaseStudyPageFactory(parent=tartu.case_studies_section, title=title, slug="escape")
    html = head(client, "/en/cities/tartu/case-studies/escape/")
    assert "<script>alert" not in html
    assert json_ld(html)["headline"] == title
