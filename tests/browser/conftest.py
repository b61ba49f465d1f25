"""Browser tests: Debian's headless Chromium, driven by Playwright, against a real server.

The server is the demo site of tests/demo_site.py: `manage.py runserver` with the
development settings and the demo content in a fresh database, the site as `make run`
serves it. It gets ready in the background while the rest of the suite runs, and the
browser tests run last. Nothing here touches the test database, so Playwright's event
loop and Django's ORM never meet in one thread.

Locally the tests skip, saying why, when Chromium is missing; in CI (CI=true) they fail
instead, because `.ci/run` installs it.
"""

import os
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def demo_server(demo_site):
    """The URL of the demo site, set up as `make setup` does: demo content, roles and the
    development accounts."""
    return demo_site.wait_until_answering()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        reason = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()
