"""The site's own words follow the language in the address: /it/ reads in Italian, /en/ in
English, and dates and numbers are written as each language writes them."""

import datetime

import pytest

from casestudies.factories import UpdatePageFactory

pytestmark = pytest.mark.django_db


def test_the_italian_home_page_reads_in_italian(client, site_tree):
    html = client.get("/it/").text
    assert '<html lang="it">' in html
    assert '<a class="skip-link" href="#main">Vai al contenuto principale</a>' in html
    assert 'placeholder="Cerca casi di studio, guide…"' in html
    assert "Le etichette sulle pagine indicano da dove proviene il loro contenuto:" in html
    assert "Skip to main content" not in html
    assert "Search case studies" not in html


def test_the_english_home_page_reads_in_english(client, site_tree):
    html = client.get("/en/").text
    assert '<html lang="en">' in html
    assert '<a class="skip-link" href="#main">Skip to main content</a>' in html
    assert "Labels on pages say where their content comes from:" in html
    assert "Vai al contenuto principale" not in html


def test_a_french_city_page_writes_numbers_and_dates_the_french_way(client, tartu):
    UpdatePageFactory(
        parent=tartu.updates_section, title="Budget vote", date=datetime.date(2017, 6, 5)
    )

    html = client.get("/fr/cities/tartu/").text
    assert "97\N{NO-BREAK SPACE}000 (2023)" in html  # 97,000 in English
    assert "58,378° N, 26,729° E" in html
    assert '<time datetime="2017-06-05">5 juin 2017</time>' in html
    assert "Dernières actualités de Tartu" in html

    english = client.get("/en/cities/tartu/").text
    assert "97,000 (2023)" in english
    assert '<time datetime="2017-06-05">5 June 2017</time>' in english
