"""The demo in ten languages: complete translation files, each documented case study in its
city's language with its alternates, and one translation left out of date on purpose."""

import json
from xml.etree import ElementTree

from django.core.management import call_command

from wagtail.models import Locale

import pytest

from demo.translations import CITY_LANGUAGES, TRANSLATIONS_DIR, list_strings, translation_plan
from network_site.languages import SOURCE_LANGUAGE, language_codes
from tests.pages import alternates

OTHER_LANGUAGES = [code for code in language_codes() if code != SOURCE_LANGUAGE]
DOCUMENTED_CASE_STUDIES = {
    "alba-iulia": "routing-comments-and-complaints",
    "tartu": "virtual-meetings-on-urban-plans",
    "varna": "interactive-city-guide-app",
    "palermo": "mobility-plan-for-the-unesco-area",
}


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_every_string_the_demo_translates_has_its_translation(demo, language):
    missing = [text for text, translated in list_strings(language).items() if not translated]
    assert missing == [], (
        f"demo/data/translations/{language}.json lacks these strings: run "
        f"`manage.py demo_translation_strings {language} --missing` on the demo site"
    )


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_the_translation_files_hold_only_strings_the_demo_uses(demo, language):
    used = set(list_strings(language))
    stored = json.loads((TRANSLATIONS_DIR / f"{language}.json").read_text(encoding="utf-8"))
    assert sorted(set(stored) - used) == []


def test_slugs_stay_the_same_in_every_language(demo):
    """A page's path, a theme's or channel's facet value, is the same in every language.
    (Not the home pages: siblings under the tree's root, they cannot share a slug, and no
    address shows it.)"""
    for item, language in translation_plan():
        if getattr(item, "depth", None) == 2:
            continue
        translated = item.get_translation(Locale.objects.get(language_code=language))
        assert translated.slug == item.slug, (item, language)


@pytest.mark.parametrize(("city", "slug"), DOCUMENTED_CASE_STUDIES.items())
def test_each_documented_case_study_reads_in_its_citys_language(client, demo, city, slug):
    language = CITY_LANGUAGES[city]
    path = f"/cities/{city}/case-studies/{slug}/"
    english = client.get(f"/en{path}").content.decode()
    translated = client.get(f"/{language}{path}").content.decode()

    assert f'<html lang="{language}">' in translated
    assert 'class="page-content" lang="en"' not in translated
    assert "translation-notice--translated" in translated
    assert english.split("<h1>")[1].split("</h1>")[0] not in translated  # its own title
    # Documented: its badge and note, in every language.
    assert "provenance-notice--mixed" in translated
    expected = {code: f"http://testserver/{code}{path}" for code in (SOURCE_LANGUAGE, language)}
    expected["x-default"] = f"http://testserver{path}"
    assert alternates(translated) == alternates(english) == expected


def test_sample_content_stays_marked_sample_in_translation(client, demo):
    html = client.get(
        "/it/cities/genoa/case-studies/one-editorial-calendar-for-social-media/"
    ).content.decode()
    assert "provenance-notice--sample" in html
    assert "illustrativ" in html


def test_the_shared_pages_are_translated_into_every_language(client, demo):
    for code in OTHER_LANGUAGES:
        for path in ("/", "/about/", "/toolkit/", "/toolkit/roadmap/"):
            html = client.get(f"/{code}{path}").content.decode()
            assert f'<html lang="{code}">' in html
            assert "translation-notice--translated" in html, (code, path)
            assert 'class="page-content" lang="en"' not in html, (code, path)


def test_ghents_dutch_page_is_older_than_its_english_original(client, demo):
    html = client.get("/nl/cities/ghent/").content.decode()
    assert "translation-notice--stale" in html
    fresh = client.get("/it/about/").content.decode()
    assert "translation-notice--stale" not in fresh


def test_the_demo_leaves_the_page_tree_whole(demo, capsys):
    call_command("fixtree")
    assert "Problems found" not in capsys.readouterr().out


def test_feeds_are_per_language(client, demo):
    feed = ElementTree.fromstring(client.get("/ro/case-studies/feed/").content)  # noqa: S314
    namespace = {"atom": "http://www.w3.org/2005/Atom"}
    links = [
        entry.find("atom:link", namespace).get("href")
        for entry in feed.iterfind("atom:entry", namespace)
    ]
    assert links and all("/ro/" in link for link in links)
    titles = [
        entry.findtext("atom:title", namespaces=namespace)
        for entry in feed.iterfind("atom:entry", namespace)
    ]
    assert len(titles) == len(set(titles)) == 10


# A word of each documented case study's translation, typed as a reader might: another
# inflection, no diacritics, or in capitals (Bulgarian has no stemmer outside
# Elasticsearch; see "Search in ten languages" in the README).
FOUND_BY = {
    "alba-iulia": "reclamații",  # the nominative of "reclamațiilor"
    "tartu": "koosolekul",  # "at a meeting", for "koosolekud" (meetings)
    "varna": "ПРИЛОЖЕНИЕ",  # "приложение" in capitals
    "palermo": "mobilita",  # "mobilità" without its accent
}


@pytest.mark.parametrize(("city", "word"), FOUND_BY.items())
def test_each_documented_case_study_is_found_in_its_citys_language(client, demo, city, word):
    language = CITY_LANGUAGES[city]
    path = f"/{language}/cities/{city}/case-studies/{DOCUMENTED_CASE_STUDIES[city]}/"

    api = client.get(f"/{language}/api/search/", {"q": word, "type": "case-study"}).json()
    assert f"http://testserver{path}" in [hit["url"] for hit in api["results"]], api
    page = client.get(f"/{language}/search/", {"q": word}).content.decode()
    assert f'href="{path}"' in page
