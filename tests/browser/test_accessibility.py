"""Accessibility in every language: axe-core's WCAG 2.1 A and AA rules on every page type of
the demo site in English, Italian and Bulgarian, and a journey through the site made with
the keyboard only.

axe checks what a machine can decide (names, roles, contrast, `lang` values, landmarks); what
it cannot (the focus order, a visible focus, a form that works without a mouse) the journey
checks.
"""

import pytest

pytestmark = pytest.mark.browser

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# English, the source; Italian, with translated pages among English ones; Bulgarian, in
# another script.
LANGUAGES = ["en", "it", "bg"]
# Each page type of the site: its address after the language prefix, and a selector that
# matches only when the address answered with that page (the body class base.html gives
# each page model; for the search, results of a search with a box ticked).
PAGE_TYPES = {
    "home": ("/", "body.page-homepage"),
    "about": ("/about/", "body.page-aboutpage"),
    "city index": ("/cities/", "body.page-cityindexpage"),
    "city": ("/cities/tartu/", "body.page-citypage"),
    "city case studies": ("/cities/tartu/case-studies/", "body.page-citycasestudiespage"),
    "city updates": ("/cities/tartu/updates/", "body.page-cityupdatespage"),
    "case study index": ("/case-studies/", "body.page-casestudyindexpage"),
    "case study": (
        "/cities/alba-iulia/case-studies/routing-comments-and-complaints/",
        "body.page-casestudypage",
    ),
    "update index": ("/updates/", "body.page-updateindexpage"),
    "update": (
        "/cities/debrecen/updates/debrecen-park-consultation-results/",
        "body.page-updatepage",
    ),
    "toolkit": ("/toolkit/", "body.page-toolkitpage"),
    "guide": ("/toolkit/routing-comments-and-complaints/", "body.page-guidepage"),
    "roadmap": ("/toolkit/roadmap/", "body.page-roadmappage"),
    "search results": (
        "/search/?q=complaints&theme=governance",
        "form:has(input[name=theme][value=governance]:checked) .search-results article",
    ),
    "not found": ("/no-such-page/", "body.page-404"),
}
AXE_RUN = """(tags) => axe.run(document, {
    runOnly: {type: "tag", values: tags},
    resultTypes: ["violations"],
}).then((results) => results.violations)"""


def axe_violations(page):
    """What axe finds against WCAG 2.1 A and AA on the page `page` shows."""
    return page.evaluate(AXE_RUN, WCAG_21_AA)


def describe(violations):
    """axe's findings as lines to read: each rule broken, then each element that breaks it."""
    lines = []
    for violation in violations:
        lines.append(
            f"{violation['id']} ({violation['impact']}): {violation['help']}"
            f" <{violation['helpUrl']}>"
        )
        for node in violation["nodes"]:
            lines.append(f"    {' '.join(map(str, node['target']))}")
            lines.extend(f"        {line}" for line in node["failureSummary"].splitlines())
    return "\n".join(lines)


@pytest.mark.parametrize("page_type", PAGE_TYPES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_wcag_violations(axe_page, demo_server, language, page_type):
    path, proof = PAGE_TYPES[page_type]
    address = f"/{language}{path}"
    axe_page.goto(demo_server + address)
    assert axe_page.locator(proof).count(), f"{address} is not the {page_type} page"
    assert axe_page.evaluate("document.documentElement.lang") == language
    violations = axe_violations(axe_page)
    if violations:
        pytest.fail(f"axe finds on {address}:\n{describe(violations)}", pytrace=False)


def test_axe_reports_the_element_that_breaks_a_rule(axe_page, demo_server):
    """The checks above can fail: an image with no text alternative is named, rule and all."""
    axe_page.goto(demo_server + "/en/")
    axe_page.evaluate("document.querySelector('.site-brand__logo').removeAttribute('alt')")
    report = describe(axe_violations(axe_page))
    assert report.startswith("image-alt (critical): Images must have alternative text")
    assert "\n    img\n" in report


# Where the focus is, and whether it shows: whether the focused element, or one around it (a
# card shows the focus of its title link), looks different once the focus leaves it.
FOCUS = """(selector) => {
    const element = document.activeElement;
    const around = [];
    for (let node = element; node; node = node.parentElement) around.push(node);
    const looks = () => around.map((node) => {
        const style = getComputedStyle(node);
        return [style.outline, style.boxShadow, style.backgroundColor, style.color].join(" ");
    }).join("|");
    const focused = element.matches(":focus-visible") && looks();
    element.blur();
    const unfocused = looks();
    element.focus();
    return {
        reached: element.matches(selector),
        shown: focused !== false && focused !== unfocused,
        name: `<${element.tagName.toLowerCase()}> ${element.innerText || element.value || ""}`
            .trim().slice(0, 60),
    };
}"""


def tab_to(page, selector, limit=80):
    """Press Tab until the element matching `selector` has the focus, checking that every
    element the focus passes through shows it. The failure lists the stops on the way."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS, selector)
        stops.append(focus["name"])
        assert focus["shown"], f"the focus does not show on {focus['name']}"
        if focus["reached"]:
            return
    pytest.fail(f"Tab never reached {selector}; it went through: {stops}")


def test_a_reader_goes_through_the_site_with_the_keyboard_only(page, demo_server):
    """Home page, another language, a search, a box ticked, a case study opened: with Tab,
    Enter and Space alone, the focus shown at every step."""
    page.goto(demo_server + "/en/")

    tab_to(page, "nav[aria-label] a[hreflang='it'][lang='it']")
    page.keyboard.press("Enter")
    page.wait_for_url(demo_server + "/it/")
    assert page.evaluate("document.documentElement.lang") == "it"
    assert page.locator("nav a[hreflang='it']").get_attribute("aria-current") == "page"

    tab_to(page, "header [role=search] input[type=search]")
    page.keyboard.type("complaints")
    page.keyboard.press("Enter")
    page.wait_for_url(demo_server + "/it/search/?q=complaints")
    assert page.locator(".search-results article").count()

    case_studies = "input[type=checkbox][name=type][value=case-study]"
    tab_to(page, case_studies)
    page.keyboard.press("Space")
    assert page.locator(case_studies).is_checked()
    tab_to(page, ".filters__actions button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "type=case-study" in url)
    assert page.url.startswith(demo_server + "/it/search/?q=complaints&")
    assert page.locator(case_studies).is_checked()

    tab_to(page, ".search-results .card__title a")
    title = page.evaluate("document.activeElement.innerText")
    page.keyboard.press("Enter")
    page.wait_for_selector("body.page-casestudypage")
    assert page.url.startswith(demo_server + "/it/")
    assert page.locator("h1").inner_text() == title
    assert page.evaluate("document.documentElement.lang") == "it"
