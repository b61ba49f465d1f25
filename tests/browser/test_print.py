"""Printing a case study: its content alone, on one A4 page, with its links written out."""

import re

import pytest

pytestmark = pytest.mark.browser

# The demo's longest case study (its title takes two lines and it has results in figures).
CASE_STUDY = "/en/cities/genoa/case-studies/one-editorial-calendar-for-social-media/"
# What a printout leaves out: the site's header (brand, language switcher, menu, search),
# the breadcrumbs, the footer and the citation downloads.
NOT_PRINTED = [
    ".site-header",
    ".language-switcher",
    ".header-search",
    ".breadcrumbs",
    ".site-footer",
    ".cite__downloads",
]


def test_a_case_study_prints_on_one_page(page, demo_server):
    page.goto(demo_server + CASE_STUDY)
    pdf = page.pdf(format="A4")
    pages = re.findall(rb"/Type\s*/Page\b(?!s)", pdf)
    assert len(pages) == 1


def test_a_printout_has_the_content_and_no_navigation(page, demo_server):
    page.emulate_media(media="print")
    page.goto(demo_server + CASE_STUDY)
    for selector in NOT_PRINTED:
        assert page.locator(selector).first.is_hidden(), f"{selector} is printed"
    main = page.locator("main").inner_text()
    assert "One editorial calendar for the city's social media" in main
    assert "Lessons learned" in main
    # The reference in APA style is printed, with the page's full address.
    apa = page.locator("#cite-apa")
    assert apa.is_visible()
    assert apa.input_value().endswith(demo_server + CASE_STUDY)


def test_a_printout_writes_out_the_links_of_the_text(page, demo_server):
    page.emulate_media(media="print")
    page.goto(demo_server + "/en/cities/genoa/")
    written = page.evaluate(
        """() => Array.from(document.querySelectorAll("main a[href^='http']"), (a) =>
            getComputedStyle(a, "::after").content)"""
    )
    assert written, "the page has no link to another host"
    assert all(content.startswith('" (http') for content in written)
