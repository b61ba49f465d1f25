"""Browser tests: Debian's headless Chromium, driven by Playwright, against a real server.

The server is the demo site of tests/demo_site.py: `manage.py runserver` with the
development settings, DEBUG off, and the demo content in a fresh database, the site as
`make run` serves it but with the site's own error pages. It gets ready in the background
while the rest of the suite runs, and the browser tests run last. Nothing here touches the
test database, so Playwright's event loop and Django's ORM never meet in one thread.

Locally the tests skip, saying why, when Chromium (or, for the accessibility tests,
axe-core) is missing; in CI (CI=true) they fail instead, because `.ci/run` installs Chromium
and `make test` installs axe-core.
"""

import os
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
# axe-core from the npm registry, at the version tests/browser/package-lock.json pins
# (`make axe`, which the test targets run: `npm ci --prefix tests/browser`).
AXE_SCRIPT = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
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


def skip_or_fail(reason):
    """Skip the test locally, saying why; in CI, where everything is installed, fail it."""
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        skip_or_fail(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
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


@pytest.fixture(scope="module")
def axe_page(browser):
    """A tab, kept for a whole module, in which every document has axe-core loaded.

    axe comes in as an init script, which the browser runs in each new document before the
    page's own: the site's Content-Security-Policy refuses inline scripts, so a `<script>`
    added to the page (`page.add_script_tag`) would need the policy switched off, and the
    pages would then be checked without the policy readers get."""
    if not AXE_SCRIPT.exists():
        skip_or_fail(f"axe-core not found at {AXE_SCRIPT} (make axe)")
    context = browser.new_context()
    context.add_init_script(path=AXE_SCRIPT)
    yield context.new_page()
    context.close()
