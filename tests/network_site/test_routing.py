"""Serving a page by its URL (`network_site.routing`): the same pages as Wagtail's routing
would serve, in two queries whatever the page's depth."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

import pytest

from casestudies.factories import CaseStudyPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def case_study(tartu, themes):
    return CaseStudyPageFactory(
        parent=tartu.case_studies_section, title="Virtual meetings", slug="meetings"
    )


def test_a_page_deep_in_the_tree_is_served_with_its_breadcrumbs(client, case_study):
    response = client.get("/en/cities/tartu/case-studies/meetings/")
    assert response.status_code == 200
    assert "<h1>Virtual meetings</h1>" in response.text
    breadcrumbs = response.text.split('class="breadcrumbs')[1].split("</nav>")[0]
    for link in ('href="/en/"', 'href="/en/cities/"', 'href="/en/cities/tartu/"'):
        assert link in breadcrumbs
    assert 'href="/en/cities/tartu/case-studies/">Case studies</a>' in breadcrumbs


@pytest.mark.parametrize(
    "url",
    [
        "/en/cities/atlantis/",
        "/en/cities/tartu/case-studies/nothing/",
        "/en/cities/tartu/case-studies/meetings/more/",
        "/en/cities/meetings/",  # A slug that exists, at another place in the tree.
        "/en/toolkit/tartu/",
    ],
)
def test_a_path_that_names_no_page_answers_404(client, case_study, url):
    assert client.get(url).status_code == 404


def test_a_section_s_own_route_comes_before_a_child_of_the_same_slug(client, tartu, themes):
    """As in Wagtail: a listing's feed (a route of the listing page) wins over a case study
    whose slug is 'feed'."""
    CaseStudyPageFactory(parent=tartu.case_studies_section, title="Feed", slug="feed")
    response = client.get("/en/cities/tartu/case-studies/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")


def test_a_draft_page_answers_404_and_a_draft_section_hides_what_is_below_it(
    client, case_study, tartu
):
    section = tartu.case_studies_section
    section.unpublish()
    assert client.get("/en/cities/tartu/case-studies/").status_code == 404
    assert client.get("/en/cities/tartu/case-studies/meetings/").status_code == 404
    assert client.get("/en/cities/tartu/").status_code == 200


def routing_queries(rf, path):
    """The queries Wagtail's page lookup makes to find the page at `path` (in English: the
    path under /en/)."""
    with CaptureQueriesContext(connection) as queries:
        page = Page.find_for_request(rf.get(f"/en{path}"), path)
    assert page is not None
    return len(queries)


def test_routing_reads_the_tree_once_whatever_the_depth(rf, case_study):
    """Finding a page five levels down takes as many queries as one two levels down: the
    site, the reader's language (Wagtail's), the home page, the pages on the path, and the
    page found."""
    assert routing_queries(rf, "/cities/tartu/case-studies/meetings/") == 5
    assert routing_queries(rf, "/cities/") == 5
