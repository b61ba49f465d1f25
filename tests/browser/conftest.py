"""Browser tests: Debian's headless Chromium, driven by Playwright, against a real server.

The server is `manage.py runserver` with the development settings and the demo content in
a fresh SQLite file: the site as `make run` serves it (see `serve_demo.py`). Setting it up
takes a minute, so it starts in the background as soon as the tests are collected and gets
ready while the rest of the suite runs; the browser tests run last (pytest-django runs
the tests that use no database after the others). Nothing here touches the test
database, so Playwright's event loop and Django's ORM never meet in one thread.

Locally the tests skip, saying why, when Chromium is missing; in CI (CI=true) they fail
instead, because `.ci/run` installs it.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
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
SERVER_READY_TIMEOUT = 600  # Set-up included, on a busy machine.


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class DemoServer:
    """`serve_demo.py` running in the background in its own process group."""

    def __init__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="demo-site-"))
        self.url = f"http://127.0.0.1:{free_port()}"
        self.log = self.folder / "server.log"
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(  # noqa: S603 - a fixed command, our interpreter
                [
                    sys.executable,
                    "-m",
                    "tests.browser.serve_demo",
                    str(self.folder),
                    self.url.removeprefix("http://"),
                ],
                cwd=BASE_DIR,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def wait_until_answering(self):
        deadline = time.monotonic() + SERVER_READY_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"The demo server exited with code {self.process.returncode}:\n"
                    + self.log.read_text(errors="replace")[-3000:]
                )
            try:
                with urllib.request.urlopen(self.url + "/", timeout=5):  # noqa: S310 - ours
                    return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(
            f"The demo server did not answer at {self.url} within {SERVER_READY_TIMEOUT}s."
        )

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=10)
        shutil.rmtree(self.folder, ignore_errors=True)


SERVER = pytest.StashKey["DemoServer"]()


def pytest_collection_finish(session):
    """Start the demo server when browser tests are to run and Chromium is there."""
    wanted = any(item.get_closest_marker("browser") for item in session.items)
    if wanted and CHROMIUM.exists() and not session.config.option.collectonly:
        session.config.stash[SERVER] = DemoServer()


def pytest_sessionfinish(session):
    if SERVER in session.config.stash:
        session.config.stash[SERVER].stop()


@pytest.fixture(scope="session")
def demo_server(pytestconfig):
    """The URL of a development server set up as `make setup` does: demo content, roles and
    the development accounts."""
    if SERVER not in pytestconfig.stash:
        pytestconfig.stash[SERVER] = DemoServer()
    server = pytestconfig.stash[SERVER]
    server.wait_until_answering()
    return server.url


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
