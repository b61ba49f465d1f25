"""Readers' view of the demo site in a real browser: nothing from other hosts, usable pages."""

from urllib.parse import urlsplit

from django.core.management import call_command

from wagtail.models import Page

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def demo_site(live_server):
    call_command("load_demo_content", verbosity=0)
    return live_server.url


def test_every_page_loads_only_from_this_site(page, demo_site):
    """Every demo page: no third-party request, no failed asset, one h1, a language."""
    own_host = urlsplit(demo_site).netloc
    problems = []
    page.on(
        "request",
        lambda request: (
            urlsplit(request.url).netloc != own_host
            and not request.url.startswith("data:")
            and problems.append(f"request to another host: {request.url}")
        ),
    )
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
    urls = [p.url for p in Page.objects.live().exclude(depth=1).specific()]
    assert len(urls) > 40
    for url in urls:
        page.goto(demo_site + url)
        if page.locator("h1").count() != 1:
            problems.append(f"{url}: {page.locator('h1').count()} h1 elements")
        if not page.get_attribute("html", "lang"):
            problems.append(f"{url}: no lang on <html>")
        if page.locator("img:not([alt])").count():
            problems.append(f"{url}: an image without alt text")
    assert problems == []


def test_keyboard_narrow_screen_and_filters(page, demo_site):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(demo_site + "/")

    page.keyboard.press("Tab")
    skip_link = page.locator(":focus")
    assert skip_link.inner_text().strip().lower().startswith("skip")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"

    for url in ("/", "/cities/tartu/", "/case-studies/", "/toolkit/roadmap/"):
        page.goto(demo_site + url)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{url} scrolls sideways by {overflow}px at 360px wide"

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(demo_site + "/case-studies/")
    page.get_by_label("Tartu").check()
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**/case-studies/?*city=tartu*")
    cities_shown = page.locator("main article").all_inner_texts()
    assert cities_shown
    assert all("Tartu" in text for text in cities_shown)
