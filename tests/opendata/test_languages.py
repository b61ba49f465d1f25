"""The exports and the dataset in ten languages: a row is the page of the reader's tree
(a translation, or the alias that shows English content), and the dataset holds each
page once per language that has content of its own."""

import csv
import io
import json

from django.core.management import call_command

from wagtail.models import Locale

import pytest
from wagtail_localize.models import TranslationSource

from casestudies.models import CaseStudyPage
from network_site.languages import setup_languages
from network_site.models import Theme
from opendata import dataset
from search.indexer import rebuild
from tests.conftest import fresh, rolled_back
from tests.search.test_translations import add_case_study, translate

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def translated(site, django_db_blocker):
    """ "Participatory budgeting" translated into Romanian, "Virtual meetings" translated
    into nothing (an alias in Romanian), and a translation of the first into Italian that
    is started but not published; indexed."""
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
        add_case_study(
            tartu.case_studies_section,
            title="Virtual meetings",
            slug="virtual-meetings",
            summary="Citizens join meetings online.",
            themes=[Theme.objects.get(slug="inclusion")],
        )
        translate(
            budgeting,
            "ro",
            title="Bugetare participativă",
            summary="Cetățenii propun proiecte și votează o parte din buget.",
        )
        source, _ = TranslationSource.get_or_create_from_instance(budgeting)
        source.create_or_update_translation(
            Locale.objects.get(language_code="it"), publish=False, fallback=True
        )
        rebuild()
        yield


def exported(client, address):
    return json.loads(b"".join(client.get(address).streaming_content))["case_studies"]


def summary(rows):
    return sorted((row["title"], row["language"], row["url"].split("/")[3]) for row in rows)


def test_a_language_exports_its_translations_and_its_english_fallbacks(client, translated):
    rows = exported(client, "/ro/case-studies/export.json")
    assert summary(rows) == [
        ("Bugetare participativă", "ro", "ro"),
        ("Virtual meetings", "en", "ro"),
    ]
    assert len({row["key"] for row in rows}) == 2


def test_words_find_translations_and_english_fallbacks_alike(client, translated):
    assert summary(exported(client, "/ro/case-studies/export.json?q=buget")) == [
        ("Bugetare participativă", "ro", "ro")
    ]
    # The search finds the English page; the export gives its Romanian tree's version.
    assert summary(exported(client, "/ro/case-studies/export.json?q=meetings")) == [
        ("Virtual meetings", "en", "ro")
    ]


def test_a_translation_not_yet_published_shows_english(client, translated):
    (italian,) = CaseStudyPage.objects.in_language("it").filter(slug="participatory-budgeting")
    assert italian.alias_of_id is None  # a page of its own, its live content still English
    rows = exported(client, "/it/case-studies/export.json?q=budget")
    assert summary(rows) == [("Participatory budgeting", "en", "it")]


def test_the_dataset_holds_each_language_version_once(translated):
    for folder in dataset.folders():
        dataset.remove(folder)
    call_command("export_dataset", stdout=io.StringIO())
    files = dataset.build()
    text = files["case-studies.csv"].decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert sorted((row["title"], row["language"]) for row in rows) == [
        ("Bugetare participativă", "ro"),
        ("Participatory budgeting", "en"),
        ("Virtual meetings", "en"),
    ]
    keys = {row["title"]: row["key"] for row in rows}
    assert keys["Bugetare participativă"] == keys["Participatory budgeting"]
