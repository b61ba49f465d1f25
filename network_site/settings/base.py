"""Settings shared by every environment.

Anything secret or host-specific comes from the environment; see `.env.example`.
With no environment at all the site runs on SQLite (see `dev.py`).
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

DEBUG = False

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = [h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if h]

INSTALLED_APPS = [
    "network_site",
    "casestudies",
    "toolkit",
    "search",
    "opendata",
    "home",
    "api",
    "demo",
    "django_tasks_db",
    "wagtail_localize",
    # Replaces wagtail.locales (listing both is refused: they share an app label).
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "csp",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Its sitemap view and template, for /sitemap.xml (network_site.sitemap).
    "django.contrib.sitemaps",
    "axes",
    # django-ninja, which the read API is built on: installed so that its docs page serves
    # Swagger UI from the site's static files rather than from a CDN (api/views.py).
    "ninja",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "network_site.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language of a request is the prefix of its path (/it/...); a path without one is
    # redirected to the reader's language (README "Languages").
    "network_site.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "csp.middleware.CSPMiddleware",
    "network_site.middleware.PermissionsPolicyMiddleware",
    "network_site.middleware.IncompleteFormMiddleware",
    # Last, as django-axes asks: it turns a refused sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# The public site loads its own styles, scripts, fonts and images, and nothing inline.
# The Wagtail admin (/admin/, page previews included) needs inline scripts and styles of its
# own, so it is left out rather than given a policy that would weaken the site's.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
# Browser features no page of the site uses, refused to every page and anything it embeds.
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()"
)

ROOT_URLCONF = "network_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "network_site.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=60,
        conn_health_checks=True,
    )
}

# True only where the default database is a throwaway one (development, tests): the demo
# loader and the development accounts refuse to touch any other.
DEVELOPMENT_DATABASE = False

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-axes first: it refuses a sign-in that is locked out before the password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Sign-in throttling (django-axes, README "Security"). Five wrong passwords for one username
# from one address pause that username's sign-in from that address for 15 minutes: enough
# for typos, far too few for guessing. Locking by username alone would let anyone lock a
# partner out from anywhere by typing their username; by address alone, one office behind
# one address would lock out all its staff. A success clears the count. Tries made while
# locked out neither count nor extend the pause, so they cost no database write.
# The attempts are kept in the database (axes' default handler): it is shared by every
# application server and needs no cache configured correctly to work.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "network_site.admin_views.login_locked_out"
AXES_CLIENT_IP_CALLABLE = "network_site.client_address.client_ip"
# No log of successful sign-ins (addresses and browsers of every user): only the failed
# attempts the lockout needs are stored, and they go once the pause is over.
AXES_DISABLE_ACCESS_LOG = True

# The request header in which the reverse proxy passes on the client's address (e.g.
# "X-Real-IP"), for the sign-in lockout and the rate limits; unset, the connection's
# address is used. Name it only if the proxy sets it: a client can send any header.
# See network_site/client_address.py.
CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER") or None

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The network's ten languages: English, the source of every page, and the language of each
# partner city. Every page exists in every language: as a translation once one is published,
# until then as an alias of the English page (README "Languages").
LANGUAGE_CODE = "en"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("en", "English"),
    ("it", "Italiano"),
    ("bg", "Български"),
    ("ro", "Română"),
    ("hu", "Magyar"),
    ("et", "Eesti"),
    ("nl", "Nederlands"),
    ("fr", "Français"),
    ("pt", "Português"),
    ("es", "Español"),
]
WAGTAIL_I18N_ENABLED = True
# Starting a translation ("Translate this page") saves it as a draft, even of a live page:
# by default wagtail-localize publishes it at once, which would let a partner, who may not
# publish, put a page live. A translation goes live when an editor publishes it or approves
# it in review (see "Who translates" in the README).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
LOCALE_PATHS = [PROJECT_DIR / "locale"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Django serves the image renditions in MEDIA_ROOT/images/ itself only where no web server
# or object storage does: in development and under `make serve`. In production the proxy or
# the bucket serves them (see "Security" in the README).
SERVE_MEDIA = os.environ.get("SERVE_MEDIA", "false") == "true"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Wagtail's page editor posts many fields for pages with long StreamFields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Interactive Cities"
# The network behind the site, as citations name it: the publisher of every page, and the
# author of the pages no partner city wrote (network_site.citations).
NETWORK_NAME = "URBACT Interactive Cities network"
# No Gravatar and no check for new Wagtail releases (which asks releases.wagtail.org from
# the dashboard): the admin, like the site, loads nothing from another host.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Review notifications (submitted, approved, changes requested) go by e-mail: to the
# console in development, over SMTP in production. Administrators get them too.
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = "noreply@localhost"
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = True
# Every download goes through Wagtail's view, which asks who may have the document
# (network_site/document_access.py); never a redirect to, or a link to, the file itself.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# A 40-megapixel photo is the largest a page needs; a bigger one takes seconds per thumbnail.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "network_site.image_forms.ImageForm"

WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# Requests per client (by address, see CLIENT_IP_HEADER) to the search, as "<n>/second",
# "<n>/minute" or "<n>/hour"; empty for no limit (network_site/ratelimit.py). The JSON API
# is for scripts; the page is for people, several of whom may share one office address.
SEARCH_API_RATE_LIMIT = os.environ.get("SEARCH_API_RATE_LIMIT", "60/minute")
SEARCH_PAGE_RATE_LIMIT = os.environ.get("SEARCH_PAGE_RATE_LIMIT", "120/minute")
# The case-study exports (/<language>/case-studies/export.csv and .json), which read every
# matching case study: fewer than the search.
EXPORT_RATE_LIMIT = os.environ.get("EXPORT_RATE_LIMIT", "30/minute")
# The read API at /api/v3/ (api/views.py), per client, like the search's JSON API.
API_RATE_LIMIT = os.environ.get("API_RATE_LIMIT", "60/minute")

# The site's own search (the `search` app). With ELASTICSEARCH_URL unset, the database
# answers; set it to search an Elasticsearch 8 cluster, with the database as the fallback.
SEARCH = {
    "ELASTICSEARCH_URL": os.environ.get("ELASTICSEARCH_URL", ""),
    "INDEX_PREFIX": os.environ.get("SEARCH_INDEX_PREFIX", "dev-"),
    "TIMEOUT": float(os.environ.get("SEARCH_TIMEOUT_SECONDS", "2")),
    "CIRCUIT_BREAKER_SECONDS": int(os.environ.get("SEARCH_CIRCUIT_BREAKER_SECONDS", "30")),
}

# Whole anonymous pages in the shared cache, purged on every change (network_site/page_cache.py).
# Production keeps them in Redis; `PAGE_CACHE=off` in the environment turns it off.
PAGE_CACHE = {"ENABLED": os.environ.get("PAGE_CACHE", "on") != "off"}

# Background work (search indexing, Wagtail's reference index and file deletion, e-mails)
# runs at once, in the request, unless production settings name a worker queue.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # One line per background task is noise: Wagtail queues several for every saved page.
    "loggers": {"django_tasks": {"level": "WARNING"}},
}
