"""A page lists a bounded number of things, and links to the full list when it has more: the
city page, the cities index, the home page's partners, the toolkit's guides, a guide's case
studies, a case study's guides and the feeds.

One module for the pages of several apps, because the rule is the same on each: with more
than the bound, the page shows the bound, says how many there are in all, and its link
leads to a list that shows them all.
"""

import re

import pytest

from casestudies.factories import CaseStudyPageFactory, CityPageFactory
from casestudies.models import CaseStudyPage, CityIndexPage
from tests.casestudies.test_feeds import days_ago, entries
from tests.forms import case_study_form
from toolkit.factories import GuidePageFactory

pytestmark = pytest.mark.django_db

CARD_TITLE = re.compile(r'class="card__title"><a href="[^"]*">([^<]*)</a>')


def section(html, heading_id):
    """The HTML of the section labelled by the heading `heading_id`."""
    return re.search(rf'aria-labelledby="{heading_id}".*?</section>', html, re.DOTALL).group()


def link_to(html, text):
    """The address of the link whose text is `text`."""
    match = re.search(rf'<a href="([^"]+)">\s*{re.escape(text)}\s*</a>', html)
    assert match, f"no link {text!r}"
    return match.group(1)


def test_a_city_page_shows_its_six_newest_case_studies_and_links_to_all(client, tartu):
    for year in range(2010, 2018):
        CaseStudyPageFactory(
            parent=tartu.case_studies_section, title=f"Practice of {year}", start_year=year
        )

    page = client.get("/en/cities/tartu/").text
    shown = CARD_TITLE.findall(section(page, "case-studies-heading"))
    assert shown == [f"Practice of {year}" for year in range(2017, 2011, -1)]
    all_of_them = client.get(link_to(page, "See all 8 case studies from Tartu")).text
    assert "8 case studies" in all_of_them
    assert sorted(CARD_TITLE.findall(all_of_them)) == [
        f"Practice of {year}" for year in range(2010, 2018)
    ]


def test_a_city_with_few_case_studies_shows_them_all(client, tartu):
    CaseStudyPageFactory.create_batch(2, parent=tartu.case_studies_section)
    page = client.get("/en/cities/tartu/").text
    assert len(CARD_TITLE.findall(section(page, "case-studies-heading"))) == 2
    assert "See all" not in page
    assert link_to(page, "All case studies from Tartu") == "/en/cities/tartu/case-studies/"


def test_the_toolkit_lists_a_dozen_guides_a_page(client, site_tree):
    for number in range(1, 15):
        GuidePageFactory(parent=site_tree["toolkit"], title=f"Guide {number:02d}")

    first = client.get("/en/toolkit/").text
    assert CARD_TITLE.findall(first) == [f"Guide {number:02d}" for number in range(1, 13)]
    assert "Showing 1–12 of 14, page 1 of 2." in first
    second = client.get("/en/toolkit/" + re.search(r'href="(\?page=2)" rel="next"', first)[1])
    assert CARD_TITLE.findall(second.text) == ["Guide 13", "Guide 14"]


def test_a_guide_shows_six_case_studies_and_links_to_all(client, site_tree, tartu):
    guide = GuidePageFactory(parent=site_tree["toolkit"], title="Audit your channels")
    for number in range(1, 9):
        CaseStudyPageFactory(
            parent=tartu.case_studies_section, title=f"Practice {number}", related_guides=[guide]
        )

    page = client.get(guide.url).text
    assert CARD_TITLE.findall(section(page, "case-studies-heading")) == [
        f"Practice {number}" for number in range(1, 7)
    ]
    address = link_to(page, "See all 8 case studies")
    assert address == f"{guide.url}case-studies/"
    all_of_them = client.get(address).text
    assert "8 case studies" in all_of_them
    assert CARD_TITLE.findall(all_of_them) == [f"Practice {number}" for number in range(1, 9)]


def test_the_cities_index_and_the_home_page_bound_their_cities(
    client, site_tree, tartu, monkeypatch
):
    """With more partner cities than either page shows (here two pages of one city)."""
    monkeypatch.setattr(CityIndexPage, "page_size", 2)
    monkeypatch.setattr("home.models.PARTNERS_SHOWN", 2)
    CityPageFactory(parent=site_tree["cities"], title="Varna", slug="varna", country="BG")

    first = client.get("/en/cities/").text
    assert CARD_TITLE.findall(first) == ["Ghent", "Tartu"]
    assert "Showing 1–2 of 3, page 1 of 2." in first
    assert CARD_TITLE.findall(client.get("/en/cities/?page=2").text) == ["Varna"]

    home = client.get("/en/").text
    partners = section(home, "partners-heading")
    assert re.findall(r'class="city-list__name" href="[^"]*">([^<]*)<', partners) == [
        "Ghent",
        "Tartu",
    ]
    assert link_to(home, "See all 3 partner cities") == "/en/cities/"


class TestRelatedGuides:
    """A case study links to at most six guides, and shows them all."""

    @pytest.fixture
    def guides(self, site_tree):
        return [
            GuidePageFactory(parent=site_tree["toolkit"], title=f"Guide {number}")
            for number in range(1, 8)
        ]

    def test_the_form_refuses_a_seventh(self, admin_client, tartu, themes, guides):
        data = case_study_form(
            "Virtual meetings",
            [themes["governance"]],
            slug="virtual-meetings",
            related_guides=tuple(guide.pk for guide in guides),
        )
        url = f"/admin/pages/add/casestudies/casestudypage/{tartu.case_studies_section.pk}/"
        response = admin_client.post(url, data)
        assert "Choose at most 6 guides" in response.text
        assert not CaseStudyPage.objects.exists()

    def test_a_page_given_more_in_code_shows_six(self, client, tartu, guides):
        case_study = CaseStudyPageFactory(parent=tartu.case_studies_section, related_guides=guides)
        shown = CARD_TITLE.findall(section(client.get(case_study.url).text, "guides-heading"))
        assert shown == [f"Guide {number}" for number in range(1, 7)]


def test_a_feed_holds_the_twenty_newest(client, tartu):
    for number in range(1, 23):
        CaseStudyPageFactory(
            parent=tartu.case_studies_section,
            title=f"Practice {number:02d}",
            first_published_at=days_ago(30 - number),
        )
    titles = [title for title, _ in entries(client, "/en/case-studies/feed/")]
    assert titles == [f"Tartu: Practice {number:02d}" for number in range(22, 2, -1)]
