"""The read API at /api/v3/: only what readers may see, with the documented fields, its
filters, refusals, licence, docs and bounded queries.

The site is built once for the module: the ten languages (`setup_languages`), a channel,
a Romanian name for the governance theme, and in Tartu "Participatory budgeting"
(governance, translated into Romanian), "Virtual meetings" (inclusion), a draft and a
private governance case study; Riga, unpublished, with a governance case study of its own;
in Ghent an update; a guide and the roadmap in the toolkit.
"""

import json
import re

from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.models import Locale, Page, PageViewRestriction

import pytest
from wagtail_factories import DocumentFactory, ImageFactory

from casestudies.factories import CaseStudyPageFactory, CityPageFactory, UpdatePageFactory
from casestudies.models import CaseStudyFigure, CaseStudyPage
from network_site.factories import ChannelFactory
from network_site.languages import setup_languages
from network_site.models import SiteText, Theme
from tests.conftest import fresh, rolled_back
from tests.search.test_translations import add_case_study, translate
from toolkit.factories import GuidePageFactory, RoadmapPageFactory

pytestmark = pytest.mark.django_db

LICENCE = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}


@pytest.fixture(scope="module")
def built(site, django_db_blocker):
    """The module's content (see the module docstring): {name: id}."""
    with rolled_back(django_db_blocker):
        setup_languages()
        governance = Theme.objects.get(slug="governance")
        inclusion = Theme.objects.get(slug="inclusion")
        romanian_theme = governance.copy_for_translation(Locale.objects.get(language_code="ro"))
        romanian_theme.name = "Guvernanță"
        romanian_theme.save()
        facebook = ChannelFactory(name="Facebook", slug="facebook")
        tartu = fresh(site["tartu"])
        document = DocumentFactory(title="Budget", file=ContentFile(b"1, 2", name="budget.csv"))
        hidden_document = DocumentFactory(title="Notes", file=ContentFile(b"x", name="notes.txt"))
        image = ImageFactory(title="Town hall")
        budgeting = add_case_study(
            tartu.case_studies_section,
            title="Participatory budgeting",
            slug="participatory-budgeting",
            summary="Residents propose projects and vote on part of the budget.",
            themes=[governance],
            status=CaseStudyPage.Status.COMPLETED,
            start_year=2016,
            end_year=2018,
            provenance="mixed",
            provenance_note="The vote is documented.",
            image=image,
            approach=f'<p>See <a linktype="document" id="{document.pk}">the budget</a>.</p>',
        )
        budgeting.channels.set([facebook])
        CaseStudyFigure.objects.create(
            case_study=budgeting, value="30", unit="%", label="fewer complaints"
        )
        budgeting.save_revision().publish()
        meetings = add_case_study(
            tartu.case_studies_section,
            title="Virtual meetings",
            slug="virtual-meetings",
            themes=[inclusion],
            start_year=2020,
        )
        romanian = translate(budgeting, "ro", title="Bugetare participativă")
        draft = CaseStudyPageFactory(
            parent=tartu.case_studies_section,
            title="Draft budgeting",
            live=False,
            themes=[governance],
            approach=f'<p><a linktype="document" id="{hidden_document.pk}">Notes</a></p>',
        )
        private = CaseStudyPageFactory(
            parent=tartu.case_studies_section, title="Private budgeting", themes=[governance]
        )
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.PASSWORD, password="members"
        )
        riga = CityPageFactory(parent=fresh(site["cities"]), title="Riga", slug="riga")
        riga_case = CaseStudyPageFactory(
            parent=riga.case_studies_section, title="Riga budgeting", themes=[governance]
        )
        riga.unpublish()
        ghent = fresh(site["ghent"])
        update = UpdatePageFactory(
            parent=ghent.updates_section, title="Ghent news", themes=[governance]
        )
        toolkit = fresh(site["toolkit"])
        guide = GuidePageFactory(parent=toolkit, title="Run a vote", themes=[governance])
        roadmap = RoadmapPageFactory(parent=toolkit, title="Roadmap")
        yield {
            "budgeting": budgeting.pk,
            "meetings": meetings.pk,
            "romanian": romanian.pk,
            "draft": draft.pk,
            "private": private.pk,
            "riga_case": riga_case.pk,
            "update": update.pk,
            "guide": guide.pk,
            "roadmap": roadmap.pk,
            "document": document.pk,
            "hidden_document": hidden_document.pk,
            "image": image.pk,
            "tartu": site["tartu"],
            "ghent": site["ghent"],
        }
        # Files are not rolled back with the database: without this, a module that builds
        # this site again (tests/api/test_api_schema.py) would get "budget_<random>.csv".
        for upload in (document, hidden_document, image):
            upload.file.delete(save=False)


@pytest.fixture
def ids(db, built):
    return built


def get(client, address, status=200, **headers):
    response = client.get(address, **headers)
    assert response.status_code == status, response.content
    return json.loads(response.content)


def titles(answer):
    return sorted(item["title"] for item in answer["items"])


def item(answer, page_id):
    (found,) = [entry for entry in answer["items"] if entry["id"] == page_id]
    return found


def test_governance_case_studies_are_exactly_those_readers_may_see(client, ids):
    answer = get(client, "/api/v3/pages/?type=case-study&theme=governance")
    assert titles(answer) == ["Bugetare participativă", "Participatory budgeting"]
    assert answer["meta"]["total_count"] == 2
    expected = CaseStudyPage.objects.readable().filter(themes__slug="governance")
    # The reader rule finds the draft-free, public pages; the API adds only "no aliases".
    assert {entry["id"] for entry in answer["items"]} == set(
        expected.filter(alias_of__isnull=True).values_list("pk", flat=True)
    )
    for hidden in ("draft", "private", "riga_case"):
        assert ids[hidden] not in {entry["id"] for entry in answer["items"]}
        get(client, f"/api/v3/pages/{ids[hidden]}/", status=404)


def test_a_case_study_has_its_documented_fields(client, ids):
    response = client.get("/api/v3/pages/?type=case-study&language=en&theme=governance")
    answer = json.loads(response.content)
    assert answer["meta"]["licence"] == LICENCE
    assert response["Link"] == f'<{LICENCE["url"]}>; rel="license"'
    budgeting = item(answer, ids["budgeting"])
    assert budgeting["type"] == "case-study"
    assert (
        budgeting["url"]
        == "http://testserver/en/cities/tartu/case-studies/participatory-budgeting/"
    )
    assert budgeting["language"] == "en"
    assert budgeting["translations"] == [{"id": ids["romanian"], "language": "ro"}]
    assert budgeting["summary"] == "Residents propose projects and vote on part of the budget."
    assert budgeting["city"] == {"slug": "tartu", "name": "Tartu"}
    assert budgeting["country"] == "EE"
    assert budgeting["themes"] == [{"slug": "governance", "label": "Governance"}]
    assert budgeting["channels"] == [{"slug": "facebook", "label": "Facebook"}]
    assert budgeting["status"] == {"slug": "completed", "label": "Completed"}
    assert (budgeting["start_year"], budgeting["end_year"]) == (2016, 2018)
    assert budgeting["figures"] == [{"value": 30.0, "unit": "%", "label": "fewer complaints"}]
    assert budgeting["provenance"] == {
        "slug": "mixed",
        "label": "Partly documented",
        "note": "The vote is documented.",
    }
    assert budgeting["images"] == [ids["image"]]
    assert budgeting["documents"] == [ids["document"]]
    assert budgeting["first_published_at"]
    # A case study has no field of another type.
    assert "effort" not in budgeting and "date" not in budgeting


def test_a_translation_speaks_its_own_language_whatever_the_browser_asks(client, ids):
    answer = get(client, "/api/v3/pages/?language=ro", HTTP_ACCEPT_LANGUAGE="fr")
    assert titles(answer) == ["Bugetare participativă"]
    romanian = answer["items"][0]
    assert romanian["language"] == "ro"
    assert romanian["url"].startswith("http://testserver/ro/")
    assert romanian["translations"] == [{"id": ids["budgeting"], "language": "en"}]
    assert romanian["themes"] == [{"slug": "governance", "label": "Guvernanță"}]
    with translation.override("ro"):
        completed = str(CaseStudyPage.Status.COMPLETED.label)
    assert romanian["status"] == {"slug": "completed", "label": completed}
    assert romanian["city"]["slug"] == "tartu"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("type=update", ["Ghent news"]),
        ("type=guide", ["Run a vote"]),
        ("type=roadmap", ["Roadmap"]),
        ("type=city", ["Ghent", "Tartu"]),
        ("city=ghent", ["Ghent", "Ghent news"]),
        (
            "type=case-study&city=tartu&language=en",
            ["Participatory budgeting", "Virtual meetings"],
        ),
        ("theme=inclusion", ["Virtual meetings"]),
        ("theme=governance&language=en", ["Ghent news", "Participatory budgeting", "Run a vote"]),
        ("channel=facebook", ["Bugetare participativă", "Participatory budgeting"]),
        ("type=case-study&year=2020", ["Virtual meetings"]),
        ("year=2017", ["Ghent news"]),
        ("language=ro", ["Bugetare participativă"]),
    ],
)
def test_filters(client, ids, query, expected):
    assert titles(get(client, f"/api/v3/pages/?{query}")) == expected


def test_other_types_have_their_own_fields(client, ids):
    update = get(client, f"/api/v3/pages/{ids['update']}/")
    assert update["date"] == "2017-05-01"
    assert update["city"] == {"slug": "ghent", "name": "Ghent"}
    assert update["meta"] == {"licence": LICENCE}
    city = item(get(client, "/api/v3/pages/?type=city&city=tartu"), ids["tartu"])
    assert city["country"] == "EE"
    assert city["latitude"] == pytest.approx(58.378)
    guide = get(client, f"/api/v3/pages/{ids['guide']}/")
    assert guide["themes"] == [{"slug": "governance", "label": "Governance"}]
    assert guide["effort"]["slug"] == "moderate"


def test_an_alias_is_not_a_translation(client, ids):
    """ "Virtual meetings" has aliases in Romanian and Italian: the English content again."""
    meetings = get(client, f"/api/v3/pages/{ids['meetings']}/")
    assert meetings["translations"] == []
    alias = Page.objects.get(alias_of_id=ids["meetings"], locale__language_code="it")
    get(client, f"/api/v3/pages/{alias.pk}/", status=404)


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("type=blog", "type"),
        ("theme=nothing", "theme"),
        ("city=riga", "city"),  # Unpublished: readers do not know it.
        ("channel=fax", "channel"),
        ("language=xx", "language"),
        ("year=last", "year"),
        ("limit=0", "limit"),
        ("limit=1000", "limit"),
        ("offset=-1", "offset"),
        # Past what SQLite's OFFSET takes: it was a 500 (found by tests/api/test_api_schema.py).
        ("offset=99999999999999999999", "offset"),
    ],
)
def test_a_bad_filter_is_refused_with_a_message(client, ids, query, parameter):
    answer = get(client, f"/api/v3/pages/?{query}", status=400)
    assert answer["error"].startswith(f"{parameter}: ")
    assert list(answer["errors"]) == [parameter]


@pytest.mark.parametrize("kind", ["pages", "images", "documents"])
def test_an_id_is_a_whole_number_or_a_400(client, ids, kind):
    """Not Django's HTML 'Page not found' (found by tests/api/test_api_schema.py): an id
    that is not a number is a refused parameter, one that names nothing a JSON 404."""
    answer = get(client, f"/api/v3/{kind}/first/", status=400)
    assert answer["error"].startswith(f"{kind[:-1]}_id: ")
    for number in ("-1", "99999999999999999999"):
        answer = get(client, f"/api/v3/{kind}/{number}/", status=404)
        assert answer["error"] == f"There is no {kind[:-1]} with this id that readers may see."


def test_paging(client, ids):
    first = get(client, "/api/v3/pages/?type=case-study&limit=2")
    second = get(client, "/api/v3/pages/?type=case-study&limit=2&offset=2")
    assert first["meta"]["total_count"] == second["meta"]["total_count"] == 3
    assert len(first["items"]) == 2 and len(second["items"]) == 1
    assert not {e["id"] for e in first["items"]} & {e["id"] for e in second["items"]}


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("address", ["/api/v3/pages/", "/api/v3/pages/{budgeting}/"])
def test_nothing_can_be_written(client, ids, method, address):
    address = address.format(**ids)
    before = list(Page.objects.values_list("pk", "title", "live").order_by("pk"))
    body = json.dumps({"meta": {"type": "casestudies.CaseStudyPage"}, "title": "Hacked"})
    response = getattr(client, method)(address, body, content_type="application/json")
    assert response.status_code == 405
    assert list(Page.objects.values_list("pk", "title", "live").order_by("pk")) == before


def test_documents_are_those_readers_may_download(client, ids):
    answer = get(client, "/api/v3/documents/")
    assert [entry["title"] for entry in answer["items"]] == ["Budget"]
    assert answer["items"][0]["url"] == f"http://testserver/documents/{ids['document']}/budget.csv"
    assert answer["meta"]["licence"] == LICENCE
    get(client, f"/api/v3/documents/{ids['hidden_document']}/", status=404)
    assert get(client, f"/api/v3/documents/{ids['document']}/")["title"] == "Budget"


def test_images_are_those_readable_pages_show(client, ids):
    ImageFactory(title="Unused")
    answer = get(client, "/api/v3/images/")
    assert [entry["title"] for entry in answer["items"]] == ["Town hall"]
    assert re.fullmatch(
        r"http://testserver/media/images/.+\.max-1200x1200\.\w+", answer["items"][0]["url"]
    )
    assert answer["meta"]["licence"] == LICENCE


def test_the_licence_is_the_site_setting(client, ids):
    text = SiteText.load()
    text.licence_name, text.licence_url = "CC BY-SA 4.0", "https://example.org/by-sa"
    text.save()
    answer = get(client, "/api/v3/pages/?type=roadmap")
    assert answer["meta"]["licence"] == {
        "name": "CC BY-SA 4.0",
        "url": "https://example.org/by-sa",
    }


def test_the_docs_and_schema_ask_no_other_host(client, ids):
    response = client.get("/api/v3/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui-bundle.js" in html
    assert re.findall(r"https?://", html) == []
    for asset in re.findall(r'(?:src|href)="/static/([^"]+)"', html):
        assert finders.find(asset), asset
    schema = get(client, "/api/v3/openapi.json")
    assert "/api/v3/pages/" in schema["paths"]
    methods = {method for operations in schema["paths"].values() for method in operations}
    assert methods == {"get"}
    # Swagger UI's online validator would load a badge from validator.swagger.io.
    assert '"validatorUrl": null' in html


def test_an_unknown_api_address_is_a_404_not_a_redirect(client, ids):
    response = client.get("/api/v3/nothing/")
    assert response.status_code == 404
    assert "Accept-Language" not in response.get("Vary", "")


def test_answers_are_kept_in_the_page_cache(client, ids, settings):
    settings.PAGE_CACHE = {"ENABLED": True}
    first = client.get("/api/v3/pages/?type=guide")
    second = client.get("/api/v3/pages/?type=guide")
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert second.content == first.content


def test_the_api_is_rate_limited(client, ids, settings):
    settings.API_RATE_LIMIT = "2/minute"
    for _ in range(2):
        get(client, "/api/v3/pages/?type=roadmap")
    refused = get(client, "/api/v3/pages/?type=roadmap", status=429)
    assert "Too many requests" in refused["error"]


def test_the_number_of_queries_does_not_grow_with_the_pages(
    client, ids, django_assert_num_queries
):
    address = "/api/v3/pages/?theme=governance&limit=100"
    get(client, address)  # Fills what is kept between requests (content types, sites).
    with CaptureQueriesContext(connection) as few:
        get(client, address)
    tartu = fresh(ids["tartu"])
    ghent = fresh(ids["ghent"])
    governance = Theme.objects.get(slug="governance", locale__language_code="en")
    for number in range(4):
        page = CaseStudyPageFactory(
            parent=tartu.case_studies_section, title=f"More {number}", themes=[governance]
        )
        CaseStudyFigure.objects.create(case_study=page, value=number, label="people")
        UpdatePageFactory(
            parent=ghent.updates_section, title=f"News {number}", themes=[governance]
        )
    with django_assert_num_queries(len(few)):
        answer = get(client, address)
    assert answer["meta"]["total_count"] == 12
