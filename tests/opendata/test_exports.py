"""The case-study exports: /<language>/case-studies/export.csv and export.json."""

import csv
import datetime
import io
import json
import re
from decimal import Decimal

from wagtail.models import PageViewRestriction

import pytest

from casestudies.factories import CaseStudyPageFactory
from casestudies.models import CaseStudyFigure
from network_site.factories import ChannelFactory
from network_site.models import SiteText, Theme
from opendata.rows import CASE_STUDY_COLUMNS
from search.indexer import rebuild
from tests.conftest import fresh

pytestmark = pytest.mark.django_db

HEADER = [
    "id",
    "key",
    "url",
    "title",
    "city",
    "country",
    "themes",
    "channels",
    "status",
    "start_year",
    "end_year",
    "summary",
    "figures",
    "provenance",
    "provenance_note",
    "language",
    "last_published",
    "licence",
    "licence_url",
]


@pytest.fixture(scope="module")
def case_studies(site, django_db_blocker):
    """Three live case studies, in Tartu (Estonia) and Ghent (Belgium), built once."""
    with django_db_blocker.unblock():
        tartu, ghent = fresh(site["tartu"]), fresh(site["ghent"])
        themes = {theme.slug: theme for theme in Theme.objects.all()}
        facebook = ChannelFactory(name="Facebook", slug="facebook")
        meetings = CaseStudyPageFactory(
            parent=tartu.case_studies_section,
            title="Virtual planning meetings",
            summary="Residents joined planning meetings online.",
            themes=[themes["governance"], themes["inclusion"]],
            channels=[facebook],
            start_year=2016,
            end_year=2018,
            status="completed",
            last_published_at=datetime.datetime(2026, 11, 30, 12, 5, tzinfo=datetime.UTC),
        )
        meetings.figures.add(CaseStudyFigure(value=Decimal("30.00"), unit="%", label="more"))
        meetings.figures.add(CaseStudyFigure(value=Decimal("-12.50"), unit="", label="days"))
        meetings.save()
        CaseStudyPageFactory(
            parent=tartu.case_studies_section,
            title="Cycling counts online",
            summary="Counters on bridges.",
            themes=[themes["environment"]],
            start_year=2017,
        )
        CaseStudyPageFactory(
            parent=ghent.case_studies_section,
            title="Neighbourhood budgets",
            summary="Residents vote on a budget.",
            themes=[themes["inclusion"]],
            start_year=2018,
        )


def csv_rows(response):
    """The export as a spreadsheet program reads it: the header and the rows, as dicts."""
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    content = b"".join(response.streaming_content)
    assert content.startswith(b"\xef\xbb\xbf")  # the UTF-8 byte order mark
    reader = csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""))
    header, *rows = list(reader)
    return header, [dict(zip(header, row, strict=True)) for row in rows]


def json_export(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return json.loads(b"".join(response.streaming_content))


def listed_titles(client, query):
    response = client.get(f"/en/case-studies/{query}")
    return [page.title for page in response.context["listing"]]


def test_the_csv_has_the_documented_header_and_every_case_study(client, case_studies):
    header, rows = csv_rows(client.get("/en/case-studies/export.csv"))
    assert header == HEADER == [column.name for column in CASE_STUDY_COLUMNS]
    assert [row["title"] for row in rows] == [
        "Neighbourhood budgets",
        "Cycling counts online",
        "Virtual planning meetings",
    ]
    row = rows[-1]
    assert (
        row["url"] == "http://testserver/en/cities/tartu/case-studies/virtual-planning-meetings/"
    )
    assert (row["city"], row["country"]) == ("Tartu", "EE")
    assert row["themes"] == "Governance; Inclusion"
    assert row["channels"] == "Facebook"
    assert (row["status"], row["start_year"], row["end_year"]) == ("completed", "2016", "2018")
    assert row["figures"] == "30 % more; -12.5 days"
    assert row["language"] == "en"
    assert row["last_published"] == "2026-11-30T12:05:00Z"
    assert (row["licence"], row["licence_url"]) == (
        "CC BY 4.0",
        "https://creativecommons.org/licenses/by/4.0/",
    )
    assert rows[0]["end_year"] == ""


@pytest.mark.parametrize(
    "query", ["?theme=inclusion", "?city=tartu", "?theme=inclusion&city=ghent", "?theme=atlantis"]
)
def test_the_rows_are_the_listings_rows(client, case_studies, query):
    _, rows = csv_rows(client.get(f"/en/case-studies/export.csv{query}"))
    assert [row["title"] for row in rows] == listed_titles(client, query)


def test_the_search_facets_filter_too(client, case_studies):
    def titles(query):
        return [
            row["title"] for row in csv_rows(client.get(f"/en/case-studies/export.csv{query}"))[1]
        ]

    assert titles("?country=BE") == ["Neighbourhood budgets"]
    assert titles("?theme=inclusion&country=EE") == ["Virtual planning meetings"]
    assert titles("?channel=facebook") == ["Virtual planning meetings"]
    assert titles("?year=2017&year=2018") == ["Neighbourhood budgets", "Cycling counts online"]
    assert titles("?country=XX&year=1999") == []  # an unknown country is ignored; none of 1999


def test_drafts_and_private_case_studies_are_never_exported(client, case_studies, tartu, ghent):
    CaseStudyPageFactory(parent=tartu.case_studies_section, title="Not yet", live=False)
    PageViewRestriction.objects.create(
        page=ghent.case_studies_section, restriction_type="password", password="x"
    )
    _, rows = csv_rows(client.get("/en/case-studies/export.csv"))
    assert [row["title"] for row in rows] == ["Cycling counts online", "Virtual planning meetings"]
    exported = json_export(client.get("/en/case-studies/export.json"))
    assert [case["title"] for case in exported["case_studies"]] == [
        "Cycling counts online",
        "Virtual planning meetings",
    ]


def test_a_formula_in_a_title_is_neutralised_but_numbers_stay_numbers(client, case_studies, tartu):
    CaseStudyPageFactory(
        parent=tartu.case_studies_section,
        title='=HYPERLINK("http://evil.example","Click")',
        summary="-1 complaint; +2 @mentions",
        start_year=2015,
    )
    _, rows = csv_rows(client.get("/en/case-studies/export.csv?year=2015"))
    assert rows[0]["title"] == '\'=HYPERLINK("http://evil.example","Click")'
    assert rows[0]["summary"] == "'-1 complaint; +2 @mentions"
    _, rows = csv_rows(client.get("/en/case-studies/export.csv?channel=facebook"))
    assert rows[0]["figures"] == "30 % more; -12.5 days"  # text starting with a digit: kept
    exported = json_export(client.get("/en/case-studies/export.json?year=2015"))
    assert exported["case_studies"][0]["title"] == '=HYPERLINK("http://evil.example","Click")'


def test_words_narrow_the_export_to_what_the_search_finds(client, case_studies):
    rebuild()
    _, rows = csv_rows(client.get("/en/case-studies/export.csv?q=residents"))
    assert [row["title"] for row in rows] == ["Neighbourhood budgets", "Virtual planning meetings"]
    _, rows = csv_rows(client.get("/en/case-studies/export.csv?q=residents&city=tartu"))
    assert [row["title"] for row in rows] == ["Virtual planning meetings"]
    _, rows = csv_rows(client.get("/en/case-studies/export.csv?q=submarine"))
    assert rows == []
    _, rows = csv_rows(client.get("/en/case-studies/export.csv?q=the"))  # stop words: no words
    assert len(rows) == 3


def test_the_json_has_the_licence_the_count_and_structured_rows(client, case_studies):
    SiteText.objects.update_or_create(
        defaults={"licence_name": "CC BY-SA 4.0", "licence_url": "https://example.org/by-sa"}
    )
    exported = json_export(client.get("/en/case-studies/export.json?theme=governance"))
    assert exported["licence"] == {"name": "CC BY-SA 4.0", "url": "https://example.org/by-sa"}
    assert exported["count"] == 1
    (case,) = exported["case_studies"]
    assert list(case) == HEADER
    assert case["themes"] == ["Governance", "Inclusion"]
    assert case["figures"] == [
        {"value": 30, "unit": "%", "label": "more"},
        {"value": -12.5, "unit": "", "label": "days"},
    ]
    assert (case["start_year"], case["end_year"], case["licence"]) == (2016, 2018, "CC BY-SA 4.0")


def test_an_empty_export_is_still_a_document(client, case_studies):
    exported = json_export(client.get("/en/case-studies/export.json?q=submarine"))
    assert (exported["count"], exported["case_studies"]) == (0, [])


def test_downloads_have_a_meaningful_name_and_the_licence_link(client, case_studies):
    response = client.get("/en/case-studies/export.csv?theme=inclusion&country=EE&q=Résidents!")
    disposition = response["Content-Disposition"]
    assert disposition.startswith(
        'attachment; filename="interactive-cities-case-studies-en-ee-inclusion-residents-'
    )
    assert disposition.endswith('.csv"')
    assert response["Link"] == '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'
    assert response["X-Robots-Tag"] == "noindex"


@pytest.mark.parametrize(
    "query",
    [
        "?theme=%00&city=<script>&year=99999&year=-1&country=pt",
        "?q=" + "x" * 5000,
        "?q=%22%27%3B--&page=-3&sort=title",
        "?channel=&channel=facebook&channel=facebook",
    ],
)
def test_odd_input_gives_an_export_never_an_error(client, case_studies, query):
    header, _ = csv_rows(client.get(f"/en/case-studies/export.csv{query}"))
    assert header == HEADER
    assert "case_studies" in json_export(client.get(f"/en/case-studies/export.json{query}"))


def test_only_the_case_study_listing_exports(client, case_studies):
    assert client.get("/en/updates/export.csv").status_code == 404
    assert client.get("/en/nowhere/export.json").status_code == 404


def test_the_query_count_does_not_grow_with_the_rows(
    client, case_studies, tartu, django_assert_max_num_queries
):
    def exported_with_queries():
        with django_assert_max_num_queries(100) as captured:
            b"".join(client.get("/en/case-studies/export.csv").streaming_content)
        return len(captured)

    exported_with_queries()  # what a running server keeps warm: the site's root paths
    before = exported_with_queries()
    for n in range(5):
        page = CaseStudyPageFactory(parent=tartu.case_studies_section, title=f"More {n}")
        page.figures.add(CaseStudyFigure(value=n, unit="%", label="figure"))
        page.save()
    assert exported_with_queries() == before


def test_exports_are_rate_limited_like_the_search(client, case_studies, settings):
    settings.EXPORT_RATE_LIMIT = "2/minute"
    assert client.get("/en/case-studies/export.csv").status_code == 200
    assert client.get("/en/case-studies/export.json").status_code == 200
    refused = client.get("/en/case-studies/export.json")
    assert refused.status_code == 429
    assert "error" in refused.json()


def download_links(response):
    return re.findall(r'href="([^"]*/export\.(?:csv|json)[^"]*)"', response.text)


def test_the_listing_links_to_its_exports_with_its_filters(client, case_studies):
    response = client.get("/en/case-studies/?theme=inclusion&city=atlantis&page=1")
    assert "Download these results:" in response.text
    assert download_links(response) == [
        "/en/case-studies/export.csv?theme=inclusion",
        "/en/case-studies/export.json?theme=inclusion",
    ]
    _, rows = csv_rows(client.get(download_links(response)[0]))
    assert len(rows) == len(listed_titles(client, "?theme=inclusion")) == 2


def test_a_search_of_case_studies_links_to_the_exports_of_its_words_and_facets(
    client, case_studies
):
    rebuild()
    response = client.get("/en/search/?q=residents&type=case-study&theme=inclusion&sort=title")
    assert download_links(response) == [
        "/en/case-studies/export.csv?q=residents&amp;theme=inclusion",
        "/en/case-studies/export.json?q=residents&amp;theme=inclusion",
    ]
    _, rows = csv_rows(client.get("/en/case-studies/export.csv?q=residents&theme=inclusion"))
    assert sorted(row["title"] for row in rows) == sorted(
        hit.title for hit in response.context["results"].hits
    )
    assert download_links(client.get("/en/search/?q=residents")) == []  # every type: no link
