"""Set up the demo site in a fresh SQLite file as `make setup` does, then serve it as
`make run` does: `python -m tests.browser.serve_demo <folder> <host:port>`.

The browser tests' conftest starts this in the background when the tests are collected,
so the site gets ready while the rest of the suite runs. Each step is its own
`manage.py` process, as in the Makefile; the server then replaces this process.
"""

import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
SETUP = (
    ["migrate", "--noinput"],
    ["load_demo_content"],
    ["setup_roles"],
    ["ensure_dev_accounts"],
)


def main(folder, address):
    folder = Path(folder)
    os.environ.update(
        DJANGO_SETTINGS_MODULE="network_site.settings.dev",
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        MEDIA_ROOT=str(folder / "media"),
    )
    manage = [sys.executable, str(BASE_DIR / "manage.py")]
    # The commands are fixed lists run with our own interpreter: no untrusted input (S603).
    for command in SETUP:
        subprocess.run([*manage, *command, "-v0"], check=True, cwd=BASE_DIR)  # noqa: S603
    os.chdir(BASE_DIR)
    os.execv(sys.executable, [*manage, "runserver", "--noreload", address])  # noqa: S606


if __name__ == "__main__":
    main(*sys.argv[1:])
