"""Comparing case studies in a real browser: tick three "Compare" boxes on the demo's case
study listing, press "Compare selected", and read the three side by side, with no request
to another host and no script."""

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.test_accessibility import axe_violations, describe

pytestmark = pytest.mark.browser

CHOSEN = {
    "Tartu": "Virtual meetings on urban development plans",
    "Genoa": "One editorial calendar for the city's social media",
    "Debrecen": "An online consultation on a new park",
}


def compare_three(page, base_url):
    """Tick the three case studies of CHOSEN on the listing and send them, with the
    keyboard only; the requests the browser made on the way."""
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{base_url}/en/case-studies/")
    for city, title in CHOSEN.items():
        box = page.get_by_label(f"Compare {city}: {title}")
        box.focus()
        page.keyboard.press("Space")
        assert box.is_checked()
    page.get_by_role("button", name="Compare selected").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    return requests


def test_three_ticked_case_studies_are_shown_side_by_side(browser, demo_server):
    # No script at all: the choice and the page work with JavaScript switched off.
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    requests = compare_three(page, demo_server)

    address = urlsplit(page.url)
    assert address.path == "/en/case-studies/compare/"
    assert len(parse_qs(address.query)["ids"]) == 3
    table = page.locator("table.compare__table")
    assert table.locator("caption").inner_text() == "Case studies side by side"
    headers = table.locator("thead th[scope=col] a.compare__title").all_inner_texts()
    assert sorted(headers) == sorted(CHOSEN.values())
    cities = table.locator("tr:has(th:text-is('City')) td").all_inner_texts()
    assert sorted(cities) == sorted(CHOSEN)
    # Of these three case studies' figures, only Debrecen's survey answers count people:
    # 1,200 people of the city's 200,000 residents.
    figures = table.locator("tr:has(th:text-is('Results in figures'))").inner_text()
    assert "6 per 1,000 residents" in figures

    own_host = urlsplit(demo_server).netloc
    assert requests, "the browser made no request"
    assert [url for url in requests if urlsplit(url).netloc != own_host] == []

    # "Remove" keeps the other two.
    page.get_by_role("link", name=f"Remove {CHOSEN['Genoa']}").click()
    headers = page.locator("thead th[scope=col] a.compare__title").all_inner_texts()
    assert sorted(headers) == sorted([CHOSEN["Tartu"], CHOSEN["Debrecen"]])
    context.close()


def test_the_compare_page_has_no_wcag_violations(axe_page, demo_server):
    compare_three(axe_page, demo_server)
    assert axe_page.locator("table.compare__table").count()
    violations = axe_violations(axe_page)
    assert violations == [], describe(violations)
