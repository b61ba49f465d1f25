"""The ten languages: language-prefixed URLs, the switcher, the translation notices, and a
page tree that stays whole and in step with English as pages are added and translated.

The module's site (tests/conftest.py) is given the ten languages once, with
`setup_languages`: every page then exists in every language as an alias of the English one.
Translations are made with wagtail-localize, as the admin makes them (`demo.translations`).
"""

from io import StringIO

from django.core.management import call_command

from wagtail.models import Locale, Page

import pytest

from casestudies.factories import CaseStudyPageFactory, CityPageFactory
from casestudies.models import CaseStudyPage, CityCaseStudiesPage, CityPage
from demo.translations import translate
from network_site.languages import language_codes, setup_languages
from tests.pages import alternates


@pytest.fixture(scope="module")
def languages(site, django_db_blocker):
    """The module's site in the ten languages, rolled back with it."""
    with django_db_blocker.unblock():
        setup_languages()


@pytest.fixture
def tartu_case_study(tartu, languages):
    """A published case study of Tartu, in every language's tree (as aliases)."""
    from wagtail_localize.synctree import create_aliases_for_new_page

    page = CaseStudyPageFactory(
        parent=CityCaseStudiesPage.objects.child_of(tartu).get(),
        title="Participatory budgeting",
        slug="participatory-budgeting",
        summary="Residents chose how to spend part of the budget.",
    )
    create_aliases_for_new_page(page)
    return page


def in_language(page, code):
    return page.get_translation(Locale.objects.get(language_code=code)).specific


def test_every_language_has_its_home_page_with_its_language_set(client, languages):
    for code in language_codes():
        response = client.get(f"/{code}/")
        assert response.status_code == 200
        assert f'<html lang="{code}">' in response.content.decode()


@pytest.mark.parametrize(
    ("accept", "expected"),
    [("ro-RO,ro;q=0.9,en;q=0.5", "/ro/about/"), ("ja", "/en/about/"), ("", "/en/about/")],
)
def test_an_unprefixed_address_goes_to_the_readers_language(client, languages, accept, expected):
    response = client.get("/about/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == expected
    assert "Accept-Language" in response["Vary"]


def test_an_old_search_link_keeps_its_query(client, languages):
    response = client.get("/search/?q=meetings&theme=governance", HTTP_ACCEPT_LANGUAGE="hu")
    assert response["Location"] == "/hu/search/?q=meetings&theme=governance"


def test_the_switcher_links_the_same_page_in_every_language(client, tartu, languages):
    html = client.get("/bg/cities/tartu/").content.decode()
    switcher = html[html.index('class="language-switcher"') : html.index("</nav>")]
    for code in language_codes():
        assert f'href="/{code}/cities/tartu/" hreflang="{code}"' in switcher
    assert 'href="/bg/cities/tartu/" hreflang="bg" lang="bg"\n' in switcher or (
        'aria-current="page">Български' in switcher
    )
    # Not translated anywhere yet: every language but English is marked as shown in English.
    assert switcher.count('<abbr lang="en">EN</abbr>') == len(language_codes()) - 1


def test_a_page_not_yet_translated_says_so_and_marks_its_content_english(client, tartu, languages):
    html = client.get("/it/cities/tartu/").content.decode()
    assert '<html lang="it">' in html
    assert "translation-notice--fallback" in html
    assert '<div class="page-content" lang="en">' in html
    # Search engines hear only of real versions: English, and the address for any language.
    assert alternates(html) == {
        "en": "http://testserver/en/cities/tartu/",
        "x-default": "http://testserver/cities/tartu/",
    }


def test_a_translation_says_so_and_is_linked_as_an_alternate(client, tartu, languages):
    translate(tartu, "et", {"Tartu": "Tartu", tartu.summary: "Ülikoolilinn riigi lõunaosas."})

    html = client.get("/et/cities/tartu/").content.decode()
    assert "Ülikoolilinn riigi lõunaosas." in html
    assert "translation-notice--translated" in html
    assert "translation-notice--stale" not in html
    assert '<div class="page-content">' in html  # its content is in the page's language
    assert alternates(html)["et"] == "http://testserver/et/cities/tartu/"
    english = client.get("/en/cities/tartu/").content.decode()
    assert alternates(english)["et"] == "http://testserver/et/cities/tartu/"


def test_a_translation_older_than_its_english_original_says_so(client, tartu, languages):
    translate(tartu, "et", {tartu.summary: "Ülikoolilinn riigi lõunaosas."})
    tartu.summary = "A university city on the Emajõgi river."
    tartu.save_revision().publish()

    html = client.get("/et/cities/tartu/").content.decode()
    assert "translation-notice--stale" in html


def test_translating_a_city_makes_no_second_set_of_sections(tartu, languages):
    translate(tartu, "nl", {})
    dutch_tartu = in_language(tartu, "nl")
    assert not dutch_tartu.alias_of_id
    assert sorted(dutch_tartu.get_children().values_list("slug", flat=True)) == [
        "case-studies",
        "updates",
    ]


def test_a_new_city_has_its_sections_in_every_language(cities_index, languages):
    city = CityPageFactory(parent=cities_index, title="Varna", slug="varna", country="BG")
    city.save_revision().publish()

    for code in language_codes():
        version = in_language(city, code)
        assert sorted(version.get_children().values_list("slug", flat=True)) == [
            "case-studies",
            "updates",
        ], code


def test_the_page_tree_stays_whole(tartu, tartu_case_study, languages):
    translate(tartu, "fr", {})
    translate(tartu_case_study, "fr", {"Participatory budgeting": "Budget participatif"})

    output = StringIO()
    call_command("fixtree", stdout=output)
    assert "No problems found" in output.getvalue()
    assert "Problems found" not in output.getvalue()


def test_a_listing_shows_each_case_study_once_in_the_readers_language(
    client, tartu_case_study, languages
):
    translate(tartu_case_study.get_parent().get_parent(), "fr", {})
    translate(tartu_case_study, "fr", {"Participatory budgeting": "Budget participatif"})

    # Counted as card titles (its "Compare" checkbox names it too, for screen readers).
    french = client.get("/fr/case-studies/").content.decode()
    assert french.count(">Budget participatif</a>") == 1
    assert "Participatory budgeting" not in french
    italian = client.get("/it/case-studies/").content.decode()
    assert italian.count(">Participatory budgeting</a>") == 1
    assert 'href="/it/cities/tartu/case-studies/participatory-budgeting/"' in italian


def test_setting_up_the_languages_again_changes_nothing(languages):
    pages = Page.objects.count()
    assert setup_languages() == []
    assert Page.objects.count() == pages
    assert CityPage.objects.filter(slug="tartu").count() == len(language_codes())
    assert not CaseStudyPage.objects.filter(slug__endswith="-1").exists()


@pytest.fixture
def cities_index(site_tree):
    return site_tree["cities"]


def test_an_unknown_admin_address_stays_a_404(admin_client, languages):
    response = admin_client.get("/admin/no-such-page/")
    assert response.status_code == 404


def test_a_translation_started_but_not_published_still_shows_as_english(client, tartu, languages):
    """Starting a translation turns the alias into a page of its own, whose live content is
    still the English page's until the translation is published."""
    from wagtail_localize.models import Translation

    from demo.translations import source_strings

    source, _ = source_strings(tartu)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="hu")
    )
    translation.save_target(publish=False)
    assert not in_language(tartu, "hu").alias_of_id

    html = client.get("/hu/cities/tartu/").content.decode()
    assert "translation-notice--fallback" in html
    assert "hu" not in alternates(html)
