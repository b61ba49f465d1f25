"""The site-wide listings (/case-studies/, /updates/) and a city's own sections."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from wagtail_factories import ImageFactory

from casestudies.factories import CaseStudyPageFactory, UpdatePageFactory
from casestudies.models import CaseStudyPage, UpdatePage
from network_site.models import Theme
from tests.conftest import fresh

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def case_studies(site, django_db_blocker):
    """Three live case studies, two in Tartu and one in Ghent, built once for the module."""
    with django_db_blocker.unblock():
        tartu, ghent = fresh(site["tartu"]), fresh(site["ghent"])
        themes = {theme.slug: theme for theme in Theme.objects.all()}
        CaseStudyPageFactory(
            parent=tartu.case_studies_section,
            title="Virtual planning meetings",
            themes=[themes["governance"]],
        )
        CaseStudyPageFactory(
            parent=tartu.case_studies_section,
            title="Cycling counts online",
            themes=[themes["environment"]],
        )
        CaseStudyPageFactory(
            parent=ghent.case_studies_section,
            title="Neighbourhood budgets",
            themes=[themes["governance"], themes["inclusion"]],
        )


def titles_listed(response):
    return sorted(page.title for page in response.context["listing"])


def test_lists_every_city_case_study(client, case_studies):
    response = client.get("/en/case-studies/")
    assert titles_listed(response) == [
        "Cycling counts online",
        "Neighbourhood budgets",
        "Virtual planning meetings",
    ]
    assert "Neighbourhood budgets" in response.text


def test_filters_by_city(client, case_studies):
    response = client.get("/en/case-studies/?city=tartu")
    assert titles_listed(response) == ["Cycling counts online", "Virtual planning meetings"]


def test_filters_by_theme_across_cities(client, case_studies):
    response = client.get("/en/case-studies/?theme=governance")
    assert titles_listed(response) == ["Neighbourhood budgets", "Virtual planning meetings"]


def test_city_and_theme_filters_combine(client, case_studies):
    response = client.get("/en/case-studies/?city=tartu&theme=governance")
    assert titles_listed(response) == ["Virtual planning meetings"]


def test_two_values_of_one_filter_mean_either(client, case_studies):
    response = client.get("/en/case-studies/?theme=environment&theme=inclusion")
    assert titles_listed(response) == ["Cycling counts online", "Neighbourhood budgets"]


def test_a_case_study_with_two_matching_themes_is_listed_once(client, case_studies):
    response = client.get("/en/case-studies/?theme=governance&theme=inclusion")
    assert titles_listed(response) == ["Neighbourhood budgets", "Virtual planning meetings"]


def test_unknown_filter_value_is_explained_not_a_crash(client, case_studies):
    response = client.get("/en/case-studies/?city=atlantis&theme=governance")
    assert response.status_code == 200
    assert "atlantis" in response.text
    assert titles_listed(response) == ["Neighbourhood budgets", "Virtual planning meetings"]


def test_known_values_still_filter_beside_an_unknown_one(client, case_studies):
    response = client.get("/en/case-studies/?city=atlantis&city=ghent")
    assert "City: atlantis not recognised." in response.text
    assert titles_listed(response) == ["Neighbourhood budgets"]


@pytest.mark.parametrize(
    "query",
    ["city=%00", "city=tartu%00", "theme=%00", "city=" + "x" * 5000, "theme=gov%27ernance"],
)
def test_values_that_cannot_be_slugs_are_ignored(client, case_studies, query):
    """A NUL byte or junk in a filter never reaches the database (PostgreSQL would refuse)."""
    response = client.get(f"/en/case-studies/?{query}")
    assert response.status_code == 200
    assert "not recognised" in response.text
    assert len(titles_listed(response)) == 3


def test_no_match_explains_itself(client, case_studies):
    response = client.get("/en/case-studies/?city=ghent&theme=environment")
    assert titles_listed(response) == []
    assert "No case studies match" in response.text


@pytest.mark.parametrize("page", ["0", "-3", "abc", "999", "1e9"])
def test_odd_page_numbers_still_show_a_page(client, case_studies, page):
    response = client.get(f"/en/case-studies/?page={page}")
    assert response.status_code == 200
    assert len(titles_listed(response)) == 3


def test_drafts_are_not_listed(client, case_studies, tartu):
    CaseStudyPageFactory(parent=tartu.case_studies_section, title="Not yet", live=False)
    response = client.get("/en/case-studies/")
    assert "Not yet" not in response.text
    assert titles_listed(response) == [
        "Cycling counts online",
        "Neighbourhood budgets",
        "Virtual planning meetings",
    ]
    assert "Virtual planning meetings" in response.text


def test_city_section_lists_only_that_city(client, case_studies, tartu):
    response = client.get("/en/cities/tartu/case-studies/")
    assert titles_listed(response) == ["Cycling counts online", "Virtual planning meetings"]
    response = client.get("/en/cities/tartu/case-studies/?theme=environment")
    assert titles_listed(response) == ["Cycling counts online"]


def test_updates_are_newest_first_and_filter_by_city(client, site_tree, tartu, ghent):
    UpdatePageFactory(parent=tartu.updates_section, title="Older", date="2016-02-01")
    UpdatePageFactory(parent=ghent.updates_section, title="Newer", date="2017-09-01")
    response = client.get("/en/updates/")
    assert [page.title for page in response.context["listing"]] == ["Newer", "Older"]
    response = client.get("/en/updates/?city=tartu")
    assert [page.title for page in response.context["listing"]] == ["Older"]


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url", ["/en/case-studies/", "/en/cities/tartu/", "/en/cities/tartu/case-studies/"]
)
def test_query_count_does_not_grow_with_the_number_of_cards(
    client, case_studies, tartu, themes, url
):
    """A full page of cards (ten more, with images) takes as many queries as two more: no
    query per card."""

    def add_case_studies(count):
        CaseStudyPageFactory.create_batch(
            count,
            parent=tartu.case_studies_section,
            themes=[themes["governance"]],
            image=ImageFactory(),
        )

    add_case_studies(2)
    client.get(url)  # warm the caches (site root, image renditions), as a running server has
    few = count_queries(client, url)
    add_case_studies(10)
    client.get(url)
    many = count_queries(client, url)
    assert many == few


def test_page_links_keep_the_filters_and_nothing_else(client, case_studies, tartu):
    """A link to the next page keeps the valid filters; unknown parameters and values stay
    behind, so a long address is not copied into every page link."""
    CaseStudyPageFactory.create_batch(12, parent=tartu.case_studies_section)
    junk = "x" * 2000
    response = client.get(
        f"/en/case-studies/?city=tartu&city=atlantis&unknown={junk}&utm_source=mail&page=1"
    )
    assert response.status_code == 200
    next_links = re.findall(r'href="([^"]*)" rel="next"', response.text)
    assert next_links == ["?city=tartu&amp;page=2"]
    assert junk not in response.text
    assert len(response.context["listing"]) == 12


@pytest.mark.parametrize(
    ("model", "index"), [(CaseStudyPage, "casestudy_start_year"), (UpdatePage, "update_date")]
)
def test_a_listing_sorts_through_an_index_of_its_order(model, index, site_tree):
    """With 10,000 case studies, sorting every readable one by year took most of the
    listing's time; the listing's ids are read in its order through an index instead."""
    if connection.vendor != "sqlite":
        pytest.skip("reads SQLite's query plan; PostgreSQL plans from its own statistics")
    listing = {CaseStudyPage: site_tree["case_studies"], UpdatePage: site_tree["updates"]}[model]
    ids = listing.specific.get_listing_queryset().order_by(*listing.specific.listing_order, "pk")
    sql, params = ids.values_list("pk", flat=True).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = " ".join(row[-1] for row in cursor.fetchall())
    assert index in plan
