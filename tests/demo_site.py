"""A second site beside the test database, set up for real in the background.

`DemoSite` starts `python -m tests.demo_site <folder> <database URL> [<host:port>]` when the
tests are collected (see `pytest_collection_finish` in tests/conftest.py), so it gets
ready while the rest of the suite runs. The process, with the development settings:

1. runs every migration on a new, empty database of the kind the suite runs on (a SQLite
   file, or a scratch database on the PostgreSQL server of DATABASE_URL), and writes
   `tests.database.snapshot()` of it to `migrated.json`: `tests/test_database.py`
   compares it with the test database, which is made without migrations;
2. given an address, loads the demo content, sets up the roles and the development
   accounts as `make setup` does, and serves the site as `make run` does, for the
   browser tests, but with DEBUG off (tests/demo_site_settings.py): an address that
   names no page then answers with the site's own 404 page, as readers get it.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

BASE_DIR = Path(__file__).resolve().parents[1]
READY_TIMEOUT = 600  # Set-up included, on a busy machine.
SNAPSHOT = "migrated.json"


def main(folder, database_url, address=None):
    os.environ.pop("DATABASE_URL", None)
    os.environ.update(
        DJANGO_SETTINGS_MODULE="network_site.settings.dev",
        DEV_DATABASE_URL=database_url,
        MEDIA_ROOT=str(Path(folder) / "media"),
    )
    # Django, and what uses it, is imported once the environment above is in place.
    import django
    from django.core.management import call_command

    django.setup()
    from tests.database import write_snapshot

    call_command("migrate", interactive=False, verbosity=0)
    write_snapshot(Path(folder) / f"{SNAPSHOT}.part")
    os.replace(Path(folder) / f"{SNAPSHOT}.part", Path(folder) / SNAPSHOT)
    if address is None:
        return
    for command in ("load_demo_content", "setup_roles", "ensure_dev_accounts"):
        call_command(command, verbosity=0)
    manage = [sys.executable, str(BASE_DIR / "manage.py")]
    os.chdir(BASE_DIR)
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.demo_site_settings"
    # A fixed command run with our own interpreter: no untrusted input. With DEBUG off,
    # runserver serves the static files only when told to (`--insecure`).
    serve = [*manage, "runserver", "--noreload", "--insecure", address]
    os.execv(sys.executable, serve)  # noqa: S606


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ScratchPostgres:
    """A new database on the PostgreSQL server of `server_url`, dropped by `drop()`."""

    def __init__(self, server_url):
        self.server_url = server_url
        self.name = f"demo_site_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(server_url, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{self.name}"')
        self.url = urlunsplit(urlsplit(server_url)._replace(path=f"/{self.name}"))

    def drop(self):
        with psycopg.connect(self.server_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


class DemoSite:
    """The process above, in its own process group; `serve` also serves the demo site."""

    def __init__(self, *, serve):
        self.folder = Path(tempfile.mkdtemp(prefix="demo-site-"))
        server_url = os.environ.get("DATABASE_URL", "")
        self.scratch = ScratchPostgres(server_url) if server_url.startswith("postgres") else None
        database_url = (
            self.scratch.url if self.scratch else f"sqlite:///{self.folder / 'db.sqlite3'}"
        )
        self.url = f"http://127.0.0.1:{free_port()}" if serve else None
        address = [self.url.removeprefix("http://")] if serve else []
        self.log = self.folder / "site.log"
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(  # noqa: S603 - a fixed command, our interpreter
                [
                    sys.executable,
                    "-m",
                    "tests.demo_site",
                    str(self.folder),
                    database_url,
                    *address,
                ],
                cwd=BASE_DIR,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def migrated_snapshot(self):
        """`tests.database.snapshot()` of the migrated database, once it is written."""
        path = self.folder / SNAPSHOT
        self.wait_until(path.exists, "write the snapshot of its migrated database")
        return json.loads(path.read_text(encoding="utf-8"))

    def wait_until_answering(self):
        def answers():
            try:
                with urllib.request.urlopen(self.url + "/", timeout=5):  # noqa: S310 - ours
                    return True
            except OSError:
                return False

        self.wait_until(answers, f"answer at {self.url}")
        return self.url

    def wait_until(self, condition, what):
        deadline = time.monotonic() + READY_TIMEOUT
        while time.monotonic() < deadline:
            if condition():
                return
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"The demo site exited with code {self.process.returncode} before it could "
                    f"{what}:\n" + self.log.read_text(errors="replace")[-3000:]
                )
            time.sleep(0.3)
        raise RuntimeError(f"The demo site did not {what} within {READY_TIMEOUT}s.")

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=10)
        if self.scratch:
            self.scratch.drop()
        shutil.rmtree(self.folder, ignore_errors=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
