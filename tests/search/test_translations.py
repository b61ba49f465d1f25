"""Search per language with translated pages: each language finds its translations and, for
the pages not translated into it, the English originals, marked as English.

The site's ten languages are set up once for the module (`setup_languages`: every page of
the test site gets an alias in each language), with two English case studies, one of them
translated into Romanian with wagtail-localize, as an editor does; tests that publish,
unpublish or delete run in a savepoint rolled back after them. The words are matched by the
database backend (SQLite, or PostgreSQL when DATABASE_URL points at it); the last test asks
Elasticsearch.
"""

import json
import re
from contextlib import nullcontext

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext

from wagtail.models import Locale

import pytest
from wagtail_localize.models import TranslationSource

from casestudies.factories import CaseStudyPageFactory
from network_site.languages import setup_languages
from network_site.models import Theme
from search.documents import build_documents, searchable_pages
from search.indexer import rebuild
from search.service import SearchService
from tests.conftest import fresh, rolled_back

pytestmark = pytest.mark.django_db

ALIASED = ("ro", "it")
BUDGETING_URL = "/cities/tartu/case-studies/participatory-budgeting/"
MEETINGS_URL = "/cities/tartu/case-studies/virtual-meetings/"


def add_case_study(parent, on_commit=nullcontext, **fields):
    """An English case study, published, with its aliases in the languages the tests read
    (the admin makes one in every language: nine times the work, for nothing more here)."""
    page = CaseStudyPageFactory(parent=parent, **fields)
    with on_commit():
        page.save_revision().publish()
    for language in ALIASED:
        page.copy_for_translation(
            Locale.objects.get(language_code=language), copy_parents=True, alias=True
        )
    return page


def translate(page, language, on_commit=nullcontext, **fields):
    """Translate a page with wagtail-localize (its alias becomes the translation), give the
    translation these fields and publish it."""
    source, _ = TranslationSource.get_or_create_from_instance(page)
    locale = Locale.objects.get(language_code=language)
    translation, _ = source.create_or_update_translation(locale, publish=False, fallback=True)
    translation = fresh(translation.pk)
    for name, value in fields.items():
        setattr(translation, name, value)
    with on_commit():
        translation.save_revision().publish()
    return fresh(translation.pk)


@pytest.fixture(scope="module")
def translated(site, django_db_blocker):
    """The ten languages (every page of the test site with an alias in each), and two
    English case studies in Tartu: "Participatory budgeting", translated into Romanian,
    and "Virtual meetings", translated into nothing; indexed. Built once for the module:
    {name: page id}."""
    with rolled_back(django_db_blocker):
        setup_languages()
        tartu = fresh(site["tartu"])
        budgeting = add_case_study(
            tartu.case_studies_section,
            title="Participatory budgeting",
            slug="participatory-budgeting",
            summary="Residents propose projects and vote on part of the budget.",
            themes=[Theme.objects.get(slug="governance")],
        )
        meetings = add_case_study(
            tartu.case_studies_section,
            title="Virtual meetings",
            slug="virtual-meetings",
            summary="Citizens join meetings online.",
            themes=[Theme.objects.get(slug="inclusion")],
        )
        romanian = translate(
            budgeting,
            "ro",
            title="Bugetare participativă",
            summary="Cetățenii propun proiecte și votează o parte din buget.",
        )
        rebuild()
        yield {"budgeting": budgeting.pk, "meetings": meetings.pk, "romanian": romanian.pk}


@pytest.fixture
def case_studies(db, translated):
    return {name: fresh(pk) for name, pk in translated.items()}


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run what waits for the commit (the re-index) at the end of the block, as it runs
    after an editor's request."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def api(client, language, query=""):
    response = client.get(f"/{language}/api/search/?{query}")
    assert response.status_code == 200
    return json.loads(response.content)


def hits(client, language, query=""):
    """(title, path, language) of each hit."""
    return [
        (hit["title"], hit["url"].removeprefix("http://testserver"), hit["language"])
        for hit in api(client, language, query)["results"]
    ]


@pytest.mark.parametrize(
    "words",
    ["bugetari participative", "bugetare participativa", "Bugetare Participativă"],
)
def test_a_romanian_reader_finds_the_translation_by_another_form_of_its_words(
    client, case_studies, words
):
    assert hits(client, "ro", f"q={words}") == [
        ("Bugetare participativă", f"/ro{BUDGETING_URL}", "ro")
    ]


def test_a_page_not_yet_translated_is_found_in_english_in_the_readers_tree(client, case_studies):
    assert hits(client, "ro", "q=meeting") == [("Virtual meetings", f"/ro{MEETINGS_URL}", "en")]
    assert hits(client, "it", "q=budget") == [
        ("Participatory budgeting", f"/it{BUDGETING_URL}", "en")
    ]
    assert hits(client, "en", "q=budget") == [
        ("Participatory budgeting", f"/en{BUDGETING_URL}", "en")
    ]


def test_the_search_page_marks_an_english_fallback_as_english(client, case_studies):
    """The label is in the reader's language: "Engleză", Django's Romanian for "English"."""
    text = client.get("/ro/search/?q=meetings+participative&sort=title").text
    with translation.override("ro"):
        label = gettext("English")
    fallback = re.search(
        rf'<p class="muted search-results__language">{label}</p>\s*<div lang="en">.*?</article>',
        text,
        re.DOTALL,
    ).group()
    assert "Virtual meetings" in fallback
    assert "Bugetare participativă" in text.replace(fallback, "")
    assert text.count("search-results__language") == 1


def test_each_language_finds_each_page_once(client, case_studies):
    english = {hit[0] for hit in hits(client, "en", "sort=title")}
    romanian = hits(client, "ro", "sort=title")
    italian = hits(client, "it", "sort=title")
    assert len(romanian) == len(italian) == len(english) == api(client, "ro")["total"]
    assert ("Bugetare participativă", f"/ro{BUDGETING_URL}", "ro") in romanian
    assert "Participatory budgeting" not in {title for title, _, _ in romanian}
    assert ("Participatory budgeting", f"/it{BUDGETING_URL}", "en") in italian
    assert all(language == "en" for _, _, language in italian)
    assert "Bugetare participativă" not in english


def test_facets_count_what_the_language_finds(client, case_studies):
    in_romanian = api(client, "ro", "q=bugetare")
    assert in_romanian["total"] == 1
    assert in_romanian["facets"]["theme"] == [
        {"value": "governance", "label": "Governance", "count": 1, "selected": False}
    ]
    assert api(client, "en", "q=bugetare")["total"] == 0
    both = api(client, "ro", "theme=governance&theme=inclusion")
    themes = {value["value"]: value["count"] for value in both["facets"]["theme"]}
    assert themes == {"governance": 1, "inclusion": 1}


def test_a_translated_city_gives_its_facet_label_in_its_language(
    client, case_studies, tartu, on_commit
):
    translate(tartu, "et", on_commit, title="Tartu linn")
    cities = {value["value"]: value["label"] for value in api(client, "et")["facets"]["city"]}
    assert cities["tartu"] == "Tartu linn"
    english = {value["value"]: value["label"] for value in api(client, "en")["facets"]["city"]}
    assert english["tartu"] == "Tartu"


def test_unpublishing_or_deleting_a_translation_brings_the_english_page_back(
    client, case_studies, on_commit
):
    romanian = case_studies["romanian"]
    assert hits(client, "ro", "q=budgeting") == []

    with on_commit():
        romanian.unpublish()
    # The translation no longer answers, so the English page links to itself.
    assert hits(client, "ro", "q=budgeting") == [
        ("Participatory budgeting", f"/en{BUDGETING_URL}", "en")
    ]
    assert hits(client, "ro", "q=bugetare") == []

    with on_commit():
        fresh(romanian.pk).save_revision().publish()
    assert hits(client, "ro", "q=budgeting") == []
    with on_commit():
        fresh(romanian.pk).delete()
    assert hits(client, "ro", "q=budgeting") == [
        ("Participatory budgeting", f"/en{BUDGETING_URL}", "en")
    ]


def test_the_index_kept_by_the_signals_is_the_one_a_rebuild_makes(case_studies, on_commit, capsys):
    """Publishing, translating and unpublishing keep the index in step: `search_index check`
    compares it with the documents a rebuild would write, and finds no difference."""
    with_fallbacks = {
        document["title"]: document["shown_in"]
        for document in build_documents(searchable_pages().specific())
    }
    assert with_fallbacks["Bugetare participativă"] == ["ro"]
    assert "ro" not in with_fallbacks["Participatory budgeting"]
    assert len(with_fallbacks["Virtual meetings"]) == 10

    add_case_study(case_studies["meetings"].get_parent(), on_commit, title="Open data portal")
    with on_commit():
        fresh(case_studies["romanian"].pk).unpublish()
    call_command("search_index", "check")
    assert "0 missing, 0 stale, 0 not on the site" in capsys.readouterr().out


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_the_english_fallbacks(client, case_studies, tartu):
    url = "/ro/search/?q=meetings&sort=title"
    few = count_queries(client, url)
    for number in range(4):
        add_case_study(tartu.case_studies_section, title=f"Meetings {number}", summary="Meetings.")
    rebuild()
    many = count_queries(client, url)
    assert client.get(url).text.count("search-results__language") == 5
    assert many == few


def test_elasticsearch_finds_translations_and_fallbacks_too(
    client, case_studies, elasticsearch_backend, monkeypatch
):
    service = SearchService(primary=elasticsearch_backend)
    service.primary.rebuild(build_documents(searchable_pages().specific()))
    monkeypatch.setattr("search.views.get_search_service", lambda: service)
    data = api(client, "ro", "q=bugetare+participativa")
    assert data["backend"] == "elasticsearch"
    assert [hit["title"] for hit in data["results"]] == ["Bugetare participativă"]
    assert hits(client, "ro", "q=meeting") == [("Virtual meetings", f"/ro{MEETINGS_URL}", "en")]
