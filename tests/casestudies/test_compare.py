"""Case studies side by side at /<language>/case-studies/compare/?ids=...: the table, what is
left out and why, the reader's language, and the checkboxes that lead there."""

import re
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale

import pytest

from casestudies.compare import per_thousand
from casestudies.factories import CaseStudyPageFactory, CityPageFactory
from casestudies.models import CaseStudyFigure, CaseStudyPage
from demo.translations import translate
from network_site.factories import ChannelFactory
from network_site.languages import setup_languages
from network_site.models import Theme
from search.indexer import rebuild
from tests.conftest import fresh

pytestmark = pytest.mark.django_db

COMPARE = "/en/case-studies/compare/"


def with_figures(page, *figures):
    page = fresh(page.pk)
    page.figures = [
        CaseStudyFigure(value=Decimal(value), unit=unit, label=label)
        for value, unit, label in figures
    ]
    page.save_revision().publish()
    return page


@pytest.fixture(scope="module")
def chosen(site, django_db_blocker):
    """Five published case studies (two in Tartu, one each in Ghent, Genoa and Lisbon) and a
    draft, with figures, then the ten languages (every page an alias in each), built once."""
    with django_db_blocker.unblock():
        tartu, ghent = fresh(site["tartu"]), fresh(site["ghent"])
        cities = fresh(site["cities"])
        genoa = CityPageFactory(
            parent=cities, title="Genoa", country="IT", population=560000, population_year=2022
        )
        lisbon = CityPageFactory(parent=cities, title="Lisbon", country="PT", population=None)
        themes = {theme.slug: theme for theme in Theme.objects.all()}
        channel = ChannelFactory(name="Facebook", slug="facebook")
        pages = {
            "meetings": CaseStudyPageFactory(
                parent=tartu.case_studies_section,
                title="Virtual planning meetings",
                themes=[themes["governance"]],
                status="completed",
                start_year=2016,
                end_year=2018,
                lessons_learned="<p>Record every meeting.</p>",
            ),
            "budgets": CaseStudyPageFactory(
                parent=ghent.case_studies_section,
                title="Neighbourhood budgets",
                themes=[themes["inclusion"]],
            ),
            "calendar": CaseStudyPageFactory(
                parent=genoa.case_studies_section,
                title="One editorial calendar",
                themes=[themes["economy"]],
                provenance="sample",
            ),
            "cycling": CaseStudyPageFactory(
                parent=tartu.case_studies_section, title="Cycling counts online"
            ),
            "kiosks": CaseStudyPageFactory(
                parent=lisbon.case_studies_section, title="Digital kiosks"
            ),
            "draft": CaseStudyPageFactory(
                parent=ghent.case_studies_section, title="Secret plan", live=False
            ),
        }
        pages["meetings"].channels.set([channel])
        pages["meetings"].save_revision().publish()
        with_figures(
            pages["meetings"],
            (1200, "people", "residents who joined a meeting"),
            (30, "%", "fewer complaints"),
        )
        with_figures(pages["budgets"], (340, "", "proposals"))
        with_figures(pages["calendar"], (2900, "Participants", "shopkeepers in the calendar"))
        with_figures(pages["kiosks"], (500, "users", "kiosk users a month"))
        setup_languages()
        return {name: page.pk for name, page in pages.items()}


def ids(chosen, *names):
    return ",".join(str(chosen[name]) for name in names)


def compared(response):
    """The titles of the case studies in the table's columns, in order."""
    return [column.page.title for column in response.context["comparison"].columns]


def row(html, header):
    """The cells of the table's row headed `header`, as text without tags."""
    match = re.search(rf'<th scope="row">{header}</th>(.*?)</tr>', html, re.DOTALL)
    assert match, header
    cells = re.findall(r"<td\b[^>]*>(.*?)</td>", match.group(1), re.DOTALL)
    return [" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in cells]


def test_three_case_studies_side_by_side(client, chosen):
    response = client.get(f"{COMPARE}?ids={ids(chosen, 'meetings', 'budgets', 'calendar')}")
    html = response.content.decode()

    assert compared(response) == [
        "Virtual planning meetings",
        "Neighbourhood budgets",
        "One editorial calendar",
    ]
    assert "<caption" in html and "<table" in html
    assert html.count('<th scope="col"') == 3
    assert row(html, "City") == ["Tartu", "Ghent", "Genoa"]
    assert row(html, "Country") == ["Estonia", "Belgium", "Italy"]
    assert row(html, "Population") == ["97,000 (2023)", "97,000 (2023)", "560,000 (2022)"]
    assert row(html, "Themes") == ["Governance", "Inclusion", "Economy"]
    assert row(html, "Channels and tools") == ["Facebook", "Not given", "Not given"]
    assert row(html, "Status") == ["Completed", "Running", "Running"]
    assert row(html, "Years")[0] == "2016–2018"
    assert row(html, "Lessons learned") == ["Record every meeting.", "Not given", "Not given"]
    figures = row(html, "Results in figures")
    # 1,200 people in a city of 97,000: 12.37 per 1,000; 2,900 in 560,000: 5.18.
    assert figures[0] == (
        "1,200 people residents who joined a meeting (12.4 per 1,000 residents) "
        "30% fewer complaints"
    )
    assert figures[1] == "340 proposals"  # no unit of people: no rate
    assert figures[2].endswith(
        "2,900 Participants shopkeepers in the calendar (5.2 per 1,000 residents)"
    )
    assert figures[2].startswith("Illustrative figures")
    provenance = row(html, "Provenance")
    assert provenance[0].startswith("Documented")
    assert provenance[2].startswith("Sample")


def test_the_checkbox_form_way_of_sending_ids_works_too(client, chosen):
    query = "&".join(f"ids={chosen[name]}" for name in ("calendar", "meetings"))
    response = client.get(f"{COMPARE}?{query}")
    assert compared(response) == ["One editorial calendar", "Virtual planning meetings"]


def test_each_column_can_be_removed_keeping_the_others(client, chosen):
    html = client.get(f"{COMPARE}?ids={ids(chosen, 'meetings', 'budgets', 'calendar')}").content
    html = html.decode()
    assert f'href="?ids={ids(chosen, "budgets", "calendar")}"' in html
    assert f'href="?ids={ids(chosen, "meetings", "calendar")}"' in html
    assert (
        'Remove<span\n                                    class="visually-hidden"> Neighbourhood'
        in html
    )


def test_a_city_without_population_gets_no_rate(client, chosen):
    response = client.get(f"{COMPARE}?ids={ids(chosen, 'kiosks', 'meetings')}")
    assert row(response.content.decode(), "Population")[0] == "Not given"
    assert response.context["comparison"].columns[0].figures[0].per_thousand is None


def test_per_thousand_counts_only_people_and_rounds():
    assert per_thousand(Decimal(1200), 97000, "people") == Decimal("12.4")
    assert per_thousand(Decimal(40), 97000, " Residents ") == Decimal("0.41")
    assert per_thousand(Decimal(30), 97000, "%") is None
    assert per_thousand(Decimal(2500), 97000, "views") is None
    assert per_thousand(Decimal(1200), None, "people") is None


def test_english_ids_on_italian_pages_give_the_italian_versions(client, chosen):
    meetings = CaseStudyPage.objects.get(pk=chosen["meetings"])
    translate(
        meetings,
        "it",
        {
            "Virtual planning meetings": "Riunioni di pianificazione virtuali",
            "people": "persone",
            "residents who joined a meeting": "residenti che hanno partecipato",
        },
    )

    response = client.get(f"/it/case-studies/compare/?ids={ids(chosen, 'meetings', 'budgets')}")
    html = response.content.decode()

    columns = response.context["comparison"].columns
    italian = Locale.objects.get(language_code="it")
    assert [column.page.locale_id for column in columns] == [italian.pk, italian.pk]
    assert [column.page.pk for column in columns] != [chosen["meetings"], chosen["budgets"]]
    assert '<html lang="it">' in html
    assert "Riunioni di pianificazione virtuali" in html
    # The per-1,000 rate follows the English unit, whatever the translated one says.
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert "1.200 persone residenti che hanno partecipato (12,4 " in text
    # Ghent's case study is not translated: its column says it is in English.
    assert '<th scope="col" lang="en">' in html
    # The switcher offers the same comparison in the other languages.
    query = f"?ids={columns[0].page.pk},{columns[1].page.pk}"
    assert f'href="/fr/case-studies/compare/{query}"' in html

    # The English and the Italian id of one case study: the same case study, once.
    both = f"{chosen['meetings']},{columns[0].page.pk},{chosen['budgets']}"
    response = client.get(f"/it/case-studies/compare/?ids={both}")
    assert [column.page.pk for column in response.context["comparison"].columns] == [
        column.page.pk for column in columns
    ]
    assert response.context["comparison"].left_out == []


def test_a_draft_is_left_out_and_named(client, chosen):
    response = client.get(f"{COMPARE}?ids={ids(chosen, 'meetings', 'draft', 'budgets')}")
    html = response.content.decode()
    assert compared(response) == ["Virtual planning meetings", "Neighbourhood budgets"]
    assert "Secret plan" not in html
    assert f"Left out: {chosen['draft']}." in " ".join(html.split())


def test_another_type_of_page_is_left_out(client, chosen, tartu):
    response = client.get(f"{COMPARE}?ids={tartu.pk},{ids(chosen, 'meetings', 'budgets')}")
    assert compared(response) == ["Virtual planning meetings", "Neighbourhood budgets"]
    assert response.context["comparison"].left_out == [str(tartu.pk)]


def test_at_most_four_are_compared_and_the_reader_is_told(client, chosen):
    five = ids(chosen, "meetings", "budgets", "calendar", "cycling", "kiosks")
    response = client.get(f"{COMPARE}?ids={five}")
    html = " ".join(response.content.decode().split())
    assert compared(response) == [
        "Virtual planning meetings",
        "Neighbourhood budgets",
        "One editorial calendar",
        "Cycling counts online",
    ]
    assert "At most four case studies can be compared side by side" in html
    assert "Digital kiosks" not in html


def test_the_same_case_study_twice_is_shown_once(client, chosen):
    response = client.get(f"{COMPARE}?ids={ids(chosen, 'meetings', 'budgets', 'meetings')}")
    assert compared(response) == ["Virtual planning meetings", "Neighbourhood budgets"]
    assert response.context["comparison"].left_out == []


@pytest.mark.parametrize(
    "query",
    [
        "ids=abc",
        "ids=,,,",
        "ids=-3,0",
        "ids=99999999999999999999999",
        "ids=1.5&ids=%00",
        "ids=<script>alert(1)</script>",
        "ids=" + ",".join(["7"] * 500),
        "",
    ],
)
def test_garbage_ids_explain_themselves(client, chosen, query):
    response = client.get(f"{COMPARE}?{query}")
    html = " ".join(response.content.decode().split())
    assert response.status_code == 200
    assert "<script>alert" not in html
    assert "Choose at least two case studies to see them side by side" in html
    assert 'href="/en/case-studies/">the list of case studies</a>' in html
    if query.strip("ids=,"):
        assert "Left out:" in html


def test_one_case_study_is_not_a_comparison(client, chosen):
    response = client.get(f"{COMPARE}?ids={chosen['meetings']}")
    html = response.content.decode()
    assert "<table" not in html
    assert "Choose at least two case studies" in html


def test_comparing_four_takes_no_more_queries_than_comparing_two(client, chosen):
    def queries(*names):
        url = f"{COMPARE}?ids={ids(chosen, *names)}"
        client.get(url)  # warm the caches a running server keeps (site root paths)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert len(compared(response)) == len(names)
        return len(captured)

    two = queries("meetings", "budgets")
    four = queries("meetings", "budgets", "calendar", "kiosks")
    assert four == two


def test_compare_page_query_count(client, chosen, django_assert_num_queries):
    url = f"{COMPARE}?ids={ids(chosen, 'meetings', 'budgets', 'calendar', 'kiosks')}"
    client.get(url)
    with django_assert_num_queries(19):
        client.get(url)


def test_the_page_asks_no_other_host_and_stays_out_of_search_engines(client, chosen):
    shown = ids(chosen, "meetings", "budgets")
    html = client.get(f"{COMPARE}?ids={shown}").content.decode()
    assert not re.search(r'<(script|img|iframe)\b[^>]*\bsrc="(https?:)?//', html)
    assert not re.search(
        r'<link\b[^>]*rel="(stylesheet|icon|preload)"[^>]*href="(https?:)?//', html
    )
    # It needs no script: the only <script> is structured data (network_site.findable).
    assert re.findall(r"<script\b[^>]*>", html) == ['<script type="application/ld+json">']
    assert '<meta name="robots" content="noindex">' in html
    canonical = f"http://testserver{COMPARE}?ids={shown.replace(',', '%2C')}"
    assert f'<link rel="canonical" href="{canonical}">' in html
    assert (
        '<meta name="description" content="Virtual planning meetings · Neighbourhood budgets">'
        in (html)
    )


def checkboxes(html):
    """The (value, form, accessible label) of each "Compare" checkbox of a page."""
    found = []
    for match in re.finditer(
        r'<input type="checkbox" id="([^"]+)" name="ids" value="(\d+)"\s+'
        r'form="([^"]+)">',
        html,
    ):
        label = re.search(rf'<label for="{match.group(1)}">(.*?)</label>', html, re.DOTALL)
        text = " ".join(re.sub(r"<[^>]+>", " ", label.group(1)).split())
        found.append((match.group(2), match.group(3), text))
    return found


def test_the_listing_checkboxes_submit_to_the_compare_address(client, chosen):
    html = client.get("/en/case-studies/").content.decode()

    form = re.search(r'<form id="compare" method="get" action="([^"]+)"></form>', html)
    assert form and form.group(1) == COMPARE
    assert '<button type="submit" class="button" form="compare">Compare selected</button>' in html
    boxes = checkboxes(html)
    assert len(boxes) == 5  # every published case study, not the draft
    assert (
        "" + str(chosen["meetings"]),
        "compare",
        "Compare Tartu: Virtual planning meetings",
    ) in boxes
    # Ticking three boxes and pressing the button sends the browser to this address:
    ticked = [value for value, _, label in boxes if "Tartu" in label or "Genoa" in label]
    response = client.get(form.group(1), {"ids": ticked})
    assert sorted(compared(response)) == [
        "Cycling counts online",
        "One editorial calendar",
        "Virtual planning meetings",
    ]


def test_other_lists_of_case_studies_have_no_checkboxes(client, chosen, tartu):
    html = client.get("/en/cities/tartu/case-studies/").content.decode()
    assert "Virtual planning meetings" in html
    assert checkboxes(html) == []
    assert "Compare selected" not in html


def test_search_results_offer_to_compare_case_studies(client, chosen):
    rebuild()
    html = client.get("/en/search/?q=meetings").content.decode()

    boxes = checkboxes(html)
    assert (
        str(chosen["meetings"]),
        "compare",
        "Compare Tartu: Virtual planning meetings",
    ) in boxes
    # The compare form stands outside the search form; the button names it.
    search_form_end = html.index("</form>", html.index('<form class="search"'))
    assert html.index('<form id="compare" method="get" action="/en/case-studies/compare/">') > (
        search_form_end
    )
    assert 'form="compare">Compare selected</button>' in html
