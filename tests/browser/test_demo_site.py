"""Readers' view of the demo site in a real browser: nothing from other hosts, usable pages."""

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

PARTNER_SLUGS = [
    "genoa",
    "palermo",
    "varna",
    "alba-iulia",
    "debrecen",
    "tartu",
    "ghent",
    "paris",
    "lisbon",
    "murcia",
]
REQUIRED_PATHS = {
    "/",
    "/en/about/",
    "/en/cities/",
    "/en/case-studies/",
    "/en/toolkit/",
    "/en/toolkit/roadmap/",
    "/en/updates/",
    *(f"/en/cities/{slug}/" for slug in PARTNER_SLUGS),
}
NOT_CRAWLED = ("/admin/", "/static/", "/media/")


PAGE_FACTS = """() => ({
    h1: document.querySelectorAll("h1").length,
    lang: document.documentElement.lang,
    imagesWithoutAlt: document.querySelectorAll("img:not([alt])").length,
    links: Array.from(document.querySelectorAll("a[href]"), (a) => a.href),
})"""


def crawl(page, base_url, problems):
    """Visit every page linked from the home page, following links on the site only.

    Documents, Atom feeds, citation downloads and the case-study exports are fetched, not
    visited: they are not pages. What is checked on each page is read in one call into the browser
    (`PAGE_FACTS`)."""
    own_host = urlsplit(base_url).netloc
    to_visit, seen, documents, feeds, citations = ["/"], set(), set(), set(), set()
    exports = set()
    while to_visit:
        path = to_visit.pop()
        if path in seen:
            continue
        seen.add(path)
        response = page.goto(base_url + path)
        if response.status != 200:
            problems.append(f"{path}: answered {response.status}")
            continue
        facts = page.evaluate(PAGE_FACTS)
        if facts["h1"] != 1:
            problems.append(f"{path}: {facts['h1']} h1 elements")
        if not facts["lang"]:
            problems.append(f"{path}: no lang on <html>")
        if facts["imagesWithoutAlt"]:
            problems.append(f"{path}: an image without alt text")
        for href in facts["links"]:
            link = urlsplit(href)
            if link.netloc != own_host or link.query or link.path.startswith(NOT_CRAWLED):
                continue
            if link.path.startswith("/documents/"):
                documents.add(link.path)
            elif link.path.endswith("/feed/"):
                feeds.add(link.path)
            elif "/cite/" in link.path:
                citations.add(link.path)
            elif link.path.endswith(("/export.csv", "/export.json")):
                exports.add(link.path)
            else:
                to_visit.append(link.path)
    for path in documents:
        if page.request.get(base_url + path).status != 200:
            problems.append(f"{path}: the document does not download")
    for path in feeds:
        response = page.request.get(base_url + path)
        if not response.headers["content-type"].startswith("application/atom+xml"):
            problems.append(f"{path}: not an Atom feed ({response.status})")
    if not feeds:
        problems.append("no listing links to its feed")
    for path in citations:
        response = page.request.get(base_url + path)
        if not response.headers.get("content-disposition", "").startswith("attachment;"):
            problems.append(f"{path}: the citation does not download ({response.status})")
    if not citations:
        problems.append("no case study links to its citation downloads")
    for path in exports:
        response = page.request.get(base_url + path)
        if not response.headers.get("content-disposition", "").startswith("attachment;"):
            problems.append(f"{path}: the export does not download ({response.status})")
    if not exports:
        problems.append("the case-study listing links to no export")
    return seen


def record_requests_to_other_hosts(page, base_url):
    """A list that fills with every request `page` makes to a host other than `base_url`'s."""
    own_host = urlsplit(base_url).netloc
    problems = []
    page.on(
        "request",
        lambda request: (
            urlsplit(request.url).netloc != own_host
            and not request.url.startswith("data:")
            and problems.append(f"request to another host: {request.url}")
        ),
    )
    return problems


def test_every_page_loads_only_from_this_site(page, demo_server):
    """Every page reachable from the home page: no third-party request, no failed asset."""
    problems = record_requests_to_other_hosts(page, demo_server)
    page.on(
        "response",
        lambda response: (
            response.status >= 400 and problems.append(f"{response.status}: {response.url}")
        ),
    )
    page.on(
        "console",
        lambda message: (
            message.type == "error" and problems.append(f"console error: {message.text}")
        ),
    )
    visited = crawl(page, demo_server, problems)
    assert problems == []
    assert visited >= REQUIRED_PATHS
    assert len(visited) > 40


def test_skip_link_is_the_first_stop_for_keyboard_users(page, demo_server):
    page.goto(demo_server + "/")
    page.keyboard.press("Tab")
    assert page.locator(":focus").inner_text().strip() == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/en/cities/tartu/",
        "/en/case-studies/",
        "/en/toolkit/roadmap/",
        "/en/search/?q=complaints+from+Facebook&theme=governance&theme=inclusion",
    ],
)
def test_no_sideways_scrolling_on_a_phone(page, demo_server, path):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(demo_server + path)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 360px wide"


def test_searching_from_the_header_and_ticking_a_facet(page, demo_server):
    page.goto(demo_server + "/en/about/")
    page.get_by_label("Search the site").fill("complaints Facebook")
    page.get_by_label("Search the site").press("Enter")
    page.wait_for_url("**/search/?q=complaints+Facebook")
    assert page.locator("mark").count() > 0
    page.get_by_role("checkbox", name="Case study").check()
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**type=case-study**")
    first = page.locator(".search-results article").first.inner_text()
    assert "Alba Iulia" in first
    assert page.get_by_role("checkbox", name="Case study").is_checked()


def test_filtering_case_studies_by_city(page, demo_server):
    page.goto(demo_server + "/en/case-studies/")
    page.get_by_label("Tartu", exact=True).check()
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**/case-studies/?*city=tartu*")
    cards = page.locator("main article").all_inner_texts()
    assert cards
    assert all("Tartu" in card for card in cards)
    assert page.get_by_label("Tartu", exact=True).is_checked()


def test_a_partner_starts_a_case_study_from_the_dashboard(page, demo_server):
    """The admin, like the site, loads nothing from another host (no Gravatar)."""
    problems = record_requests_to_other_hosts(page, demo_server)
    page.goto(demo_server + "/admin/login/")
    page.fill("input[name=username]", "partner-tartu")
    page.fill("input[name=password]", "interactive-cities")
    page.click("button[type=submit]")
    page.wait_for_url(demo_server + "/admin/")
    panel = page.locator("#partner-city-tartu-section")
    assert "Tartu: your city" in panel.inner_text()
    panel.get_by_role("link", name="Write a case study").click()
    page.wait_for_load_state()
    assert "the page belongs to Tartu" in page.locator("main").inner_text()
    assert "/admin/pages/add/casestudies/casestudypage/" in page.url
    assert problems == []


def test_the_read_apis_docs_work_from_this_site_alone(page, demo_server):
    """Swagger UI, from the site's own static files, under the site's Content-Security-Policy:
    it asks no other host, the policy refuses nothing it needs, and the operations show."""
    problems = record_requests_to_other_hosts(page, demo_server)
    page.on(
        "console",
        lambda message: (
            message.type == "error" and problems.append(f"console error: {message.text}")
        ),
    )
    page.goto(demo_server + "/api/v3/docs/")
    page.wait_for_selector(".opblock-summary-path", timeout=15_000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert problems == []
    assert "/api/v3/pages/" in paths
