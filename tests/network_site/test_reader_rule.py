"""The one reader rule (`SitePageQuerySet.readable`), walked through every public place.

A site with two partner cities, Tartu and Ghent, where Ghent has a case study and an
update that every public place shows: the home page (featured page, curated collection,
latest updates, partners), the cities list, both listings and their feeds (filtered too),
the toolkit (featured collection), a guide (its case studies), the roadmap (a phase's
links), search, its feed, the search API and the case-study exports. Unpublishing Ghent,
or making its pages private, must take them out of every one of those places; Ghent's own
pages (its feed too) then answer 404.
"""

import json

from django.db import connection

from wagtail.models import Page, PageViewRestriction

import pytest

from casestudies.factories import CaseStudyPageFactory, UpdatePageFactory
from casestudies.models import CaseStudyPage, CityPage
from home.models import HomePageFeaturedCollection, HomePageFeaturedPage
from network_site.pages import readable_pages
from search.indexer import rebuild
from tests.conftest import fresh
from toolkit.factories import CuratedCollectionFactory, GuidePageFactory, RoadmapPageFactory
from toolkit.models import ToolkitPageFeaturedCollection

GHENT_CASE_STUDY = "Participatory budgets in Ghent"
GHENT_UPDATE = "Spring news from Ghent"

PUBLIC_PLACES = [
    "/en/",
    "/en/cities/",
    "/en/case-studies/",
    "/en/case-studies/feed/",
    "/en/case-studies/feed/?theme=governance&city=ghent",
    "/en/updates/",
    "/en/updates/feed/",
    "/en/toolkit/",
    "/en/toolkit/reach-everyone/",
    "/en/toolkit/roadmap/",
    "/en/search/?q=ghent",
    "/en/api/search/?q=ghent",
    "/en/search/feed/?q=ghent",
    "/en/case-studies/export.csv",
    "/en/case-studies/export.json?q=ghent",
]


@pytest.fixture(scope="module")
def site(site, django_db_blocker):
    """The shared site (`tests.conftest`) with Ghent's content linked from every public
    place, and indexed; built once for the module and rolled back after it (each test runs
    in its own savepoint). Tests look the pages up by id: the module's objects go stale."""
    with django_db_blocker.unblock():
        return {**site, **add_ghents_content(site)}


def add_ghents_content(site):
    tree = {name: fresh(site[name]) for name in ("home", "toolkit")}
    tartu, ghent = fresh(site["tartu"]), fresh(site["ghent"])
    guide = GuidePageFactory(parent=tree["toolkit"], title="Reach everyone", slug="reach-everyone")
    case_study = CaseStudyPageFactory(
        parent=ghent.case_studies_section,
        title=GHENT_CASE_STUDY,
        slug="budgets",
        related_guides=[guide],
    )
    update = UpdatePageFactory(parent=ghent.updates_section, title=GHENT_UPDATE, slug="spring")
    tartu_case_study = CaseStudyPageFactory(
        parent=tartu.case_studies_section, title="Virtual meetings in Tartu", slug="meetings"
    )
    roadmap = RoadmapPageFactory(parent=tree["toolkit"])
    roadmap.phases[0].value["case_studies"] = [case_study, tartu_case_study]
    roadmap.save()
    collection = CuratedCollectionFactory(title="Start here", pages=[case_study, guide])
    HomePageFeaturedPage.objects.create(home_page=tree["home"], page=case_study, sort_order=0)
    HomePageFeaturedCollection.objects.create(
        home_page=tree["home"], collection=collection, sort_order=0
    )
    ToolkitPageFeaturedCollection.objects.create(
        toolkit_page=tree["toolkit"], collection=collection, sort_order=0
    )
    rebuild()
    return {"case_study": case_study.pk, "update": update.pk}


def text_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    if url.startswith("/en/api/"):
        return json.dumps(response.json())
    if response.streaming:  # the exports
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def ghent_content_in(client):
    """The public places that show any of Ghent's content, with what they show."""
    shown = {}
    for url in PUBLIC_PLACES:
        text = text_of(client, url)
        found = [title for title in (GHENT_CASE_STUDY, GHENT_UPDATE, "Ghent") if title in text]
        if found:
            shown[url] = found
    return shown


@pytest.mark.django_db
def test_every_public_place_shows_a_published_citys_content(client, site):
    shown = ghent_content_in(client)
    assert set(shown) == set(PUBLIC_PLACES)
    assert GHENT_CASE_STUDY in shown["/en/case-studies/"]
    assert GHENT_UPDATE in shown["/en/updates/"]
    assert GHENT_UPDATE in shown["/en/"]
    assert GHENT_CASE_STUDY in shown["/en/toolkit/reach-everyone/"]
    assert GHENT_CASE_STUDY in shown["/en/toolkit/roadmap/"]


@pytest.mark.django_db
def test_unpublishing_a_city_takes_its_content_out_of_every_public_place(
    client, site, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        fresh(site["ghent"]).unpublish()

    assert ghent_content_in(client) == {}
    # Tartu's content, next to it everywhere, is still there.
    assert "Virtual meetings in Tartu" in text_of(client, "/en/case-studies/")
    assert "Virtual meetings in Tartu" in text_of(client, "/en/toolkit/roadmap/")


@pytest.mark.django_db
def test_the_pages_of_an_unpublished_city_answer_404(client, site):
    ghent = fresh(site["ghent"])
    urls = [
        fresh(site["case_study"]).url,
        fresh(site["update"]).url,
        f"{ghent.url}case-studies/",
        f"{ghent.url}feed/",
    ]
    assert all(client.get(url).status_code == 200 for url in urls)

    fresh(site["ghent"]).unpublish()

    for url in [*urls, ghent.url]:
        assert client.get(url).status_code == 404, url
    assert client.get(fresh(site["tartu"]).url).status_code == 200


@pytest.mark.django_db
def test_private_pages_are_left_out_everywhere_but_keep_their_login_form(
    client, site, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for pk in (site["case_study"], site["update"]):
            PageViewRestriction.objects.create(
                page_id=pk, restriction_type=PageViewRestriction.PASSWORD, password="members"
            )

    shown = ghent_content_in(client)
    assert not any(GHENT_CASE_STUDY in found or GHENT_UPDATE in found for found in shown.values())
    # The city itself is still public, so it is still listed.
    assert "Ghent" in shown["/en/cities/"]
    response = client.get(fresh(site["case_study"]).url)
    assert response.status_code == 200
    assert GHENT_CASE_STUDY not in response.content.decode()
    assert 'name="password"' in response.content.decode()


@pytest.mark.django_db
def test_the_rule_is_one_queryset_method_for_every_page_type(site):
    readable_titles = set(readable_pages().values_list("title", flat=True))
    assert {GHENT_CASE_STUDY, GHENT_UPDATE, "Ghent"} <= readable_titles

    fresh(site["ghent"]).unpublish()

    readable_titles = set(readable_pages().values_list("title", flat=True))
    assert not {GHENT_CASE_STUDY, GHENT_UPDATE, "Ghent"} & readable_titles
    live_titles = set(Page.objects.live().values_list("title", flat=True))
    assert {GHENT_CASE_STUDY, GHENT_UPDATE} <= live_titles


@pytest.mark.django_db
def test_a_private_section_hides_the_pages_below_it_and_asks_for_its_password(
    client, site, django_capture_on_commit_callbacks
):
    section = fresh(site["ghent"]).case_studies_section
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=section, restriction_type=PageViewRestriction.PASSWORD, password="members"
        )

    shown = ghent_content_in(client)
    assert not any(GHENT_CASE_STUDY in found for found in shown.values())
    assert GHENT_UPDATE in shown["/en/updates/"]  # Not below the private section.
    response = client.get(fresh(site["case_study"]).url)
    assert GHENT_CASE_STUDY not in response.content.decode()
    assert 'name="password"' in response.content.decode()


@pytest.mark.django_db
def test_the_rule_costs_no_query_of_its_own(site, django_assert_num_queries):
    """Reading the pages readers may see is one query, and asking for them none: a page
    that builds a readable queryset it does not show costs nothing."""
    with django_assert_num_queries(0):
        pages = readable_pages()
    with django_assert_num_queries(1):
        assert GHENT_CASE_STUDY in {page.title for page in pages}


@pytest.mark.django_db
def test_the_rule_reads_no_page_table_once_per_page(site):
    """The rule's two checks look at the few unpublished pages with children (through
    their index) and at the view restrictions, never through the whole page table for each
    page read: with 10,000 case studies a listing made 10,000 such scans."""
    if connection.vendor != "sqlite":
        pytest.skip("reads SQLite's query plan; PostgreSQL plans from its own statistics")
    sql, params = readable_pages().query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = [row[-1] for row in cursor.fetchall()]
    checks = plan[1:]  # After the scan of the pages read, the steps of the two checks.
    assert any("network_site_page_unpublished_parents" in step for step in checks)
    assert all("pageviewrestriction" in step for step in checks if step.startswith("SCAN"))


@pytest.mark.django_db
def test_the_pages_of_one_type_are_read_through_their_type(site):
    """The ten city pages are found among 10,000 case studies through the content type
    index, not by reading every page of the site."""
    if connection.vendor != "sqlite":
        pytest.skip("reads SQLite's query plan; PostgreSQL plans from its own statistics")
    sql, params = CityPage.objects.readable().query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        first_step = cursor.fetchall()[0][-1]
    assert first_step.startswith("SEARCH wagtailcore_page USING INDEX")
    assert "content_type" in first_step


@pytest.mark.django_db
def test_a_citys_case_studies_are_read_through_their_city(site):
    """One city's 1,000 case studies are found through the city, not among the 10,000 case
    studies of every city."""
    if connection.vendor != "sqlite":
        pytest.skip("reads SQLite's query plan; PostgreSQL plans from its own statistics")
    pages = CaseStudyPage.objects.readable().filter(city_id=site["tartu"])
    sql, params = pages.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        first_step = cursor.fetchall()[0][-1]
    assert first_step.startswith("SEARCH casestudies_casestudypage USING INDEX")
    assert "city_id" in first_step
