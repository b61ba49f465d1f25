"""Browser tests: Debian's headless Chromium, driven by Playwright, against a real server.

The server is `manage.py runserver` with the development settings and the demo content in
a fresh SQLite file: the site as `make run` serves it. Nothing here touches the test
database, so Playwright's event loop and Django's ORM never meet in one thread.

Locally the tests skip, saying why, when Chromium is missing; in CI (CI=true) they fail
instead, because `.ci/run` installs it.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from network_site.settings.base import BASE_DIR

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
SERVER_START_TIMEOUT = 60


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_answering(url, server):
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"The demo server exited with code {server.returncode}.")
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310 - our own local server
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"The demo server did not answer at {url} within {SERVER_START_TIMEOUT}s.")


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory):
    """The URL of a development server set up as `make setup` does: demo content, roles and
    the development accounts."""
    folder = tmp_path_factory.mktemp("demo-site")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "network_site.settings.dev",
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "MEDIA_ROOT": str(folder / "media"),
    }
    manage = [sys.executable, str(BASE_DIR / "manage.py")]
    # The commands are fixed lists run with our own interpreter: no untrusted input (S603).
    setup = (
        ["migrate", "--noinput"],
        ["load_demo_content"],
        ["setup_roles"],
        ["ensure_dev_accounts"],
    )
    for command in setup:
        subprocess.run([*manage, *command, "-v0"], env=env, check=True, cwd=BASE_DIR)  # noqa: S603
    url = f"http://127.0.0.1:{free_port()}"
    server = subprocess.Popen(  # noqa: S603
        [*manage, "runserver", "--noreload", url.removeprefix("http://")],
        env=env,
        cwd=BASE_DIR,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_answering(url + "/", server)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


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
