"""Local development: debug on, the development database.

The development database is `db.sqlite3` beside manage.py, or the one named by
DEV_DATABASE_URL. DATABASE_URL, the production setting, is refused: with production
variables exported, `make setup` would otherwise migrate the production database, load the
demo content into it and create the development accounts there.
"""

import os

from django.core.exceptions import ImproperlyConfigured

import dj_database_url

from .base import *  # noqa: F403

DEBUG = True
SERVE_MEDIA = True
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or "dev-only-not-secret"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# A changed template shows on the next reload; `PAGE_CACHE=on` tries the page cache here.
PAGE_CACHE = {"ENABLED": os.environ.get("PAGE_CACHE") == "on"}

if os.environ.get("DATABASE_URL") and not os.environ.get("DEV_DATABASE_URL"):
    raise ImproperlyConfigured(
        "DATABASE_URL is set, and the development settings (make setup, make run) do not use "
        "it: they load demo content and create accounts with a published password. Unset it "
        "to use db.sqlite3, or name a throwaway database in DEV_DATABASE_URL."
    )
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DEV_DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",  # noqa: F405
        conn_max_age=60,
        conn_health_checks=True,
    )
}
DEVELOPMENT_DATABASE = True
