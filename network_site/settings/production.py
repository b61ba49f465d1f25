"""Production: PostgreSQL, Redis, a task worker, secrets and hosts from the environment.

Required environment: DJANGO_SECRET_KEY (at least 50 characters), DJANGO_ALLOWED_HOSTS,
DATABASE_URL, REDIS_URL and WAGTAILADMIN_BASE_URL (the address in review e-mails).
`.env.example` lists the optional ones. Nothing here assumes one host: the cache and
sessions are in Redis (sessions in the database too), media can live in S3-compatible
storage, and background work waits in the database for `manage.py db_worker`.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

for required in (
    "DJANGO_SECRET_KEY",
    "DJANGO_ALLOWED_HOSTS",
    "DATABASE_URL",
    "REDIS_URL",
    "WAGTAILADMIN_BASE_URL",
):
    if not os.environ.get(required):
        raise ImproperlyConfigured(f"Set {required} in the environment (see .env.example).")
if len(SECRET_KEY) < 50:  # noqa: F405
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is too short: use at least 50 random characters "
        "(python -c 'import secrets; print(secrets.token_urlsafe(50))')."
    )

# WhiteNoise serves the collected, hashed and compressed static files (`collectstatic`).
MIDDLEWARE.insert(  # noqa: F405
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,  # noqa: F405
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}

# One Redis for every app server and the worker: the page cache must be shared, or a purge
# made in one process would leave the others serving the old page. See network_site/cache.py
# for what happens when Redis is down.
CACHES = {
    "default": {
        "BACKEND": "network_site.cache.ResilientRedisCache",
        "LOCATION": os.environ["REDIS_URL"],
        "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "interactive-cities"),
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
}
# In the database and in Redis: any app server can read any session (no sticky sessions),
# and a Redis restart logs nobody out.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
PAGE_CACHE["CDN_SECONDS"] = int(os.environ.get("CDN_CACHE_SECONDS", "0"))  # noqa: F405

# Background work waits in the database for `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Media in S3-compatible object storage when a bucket is named, local files otherwise.
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {  # noqa: F405
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "default_acl": None,
            "file_overwrite": False,
            "querystring_auth": False,
        },
    }

# HTTPS, behind a proxy that terminates TLS and sets X-Forwarded-Proto. `DJANGO_HTTPS=false`
# serves plain HTTP, and is refused for any host but this machine (`make serve`).
HTTPS = os.environ.get("DJANGO_HTTPS", "true") != "false"
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "[::1]"}
if not HTTPS and not set(ALLOWED_HOSTS) <= LOOPBACK_HOSTS:  # noqa: F405
    raise ImproperlyConfigured(
        "DJANGO_HTTPS=false is for serving on this machine only: DJANGO_ALLOWED_HOSTS may then "
        f"name only {', '.join(sorted(LOOPBACK_HOSTS))}."
    )
scheme = "https" if HTTPS else "http"
CSRF_TRUSTED_ORIGINS = [f"{scheme}://{host}" for host in ALLOWED_HOSTS]  # noqa: F405
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = HTTPS and os.environ.get("DJANGO_SECURE_SSL_REDIRECT", "true") == "true"
SECURE_HSTS_SECONDS = (
    int(os.environ.get("DJANGO_HSTS_SECONDS", 60 * 60 * 24 * 365)) if HTTPS else 0
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Preloading is hard to undo (browsers ship the list): the operator opts in.
SECURE_HSTS_PRELOAD = os.environ.get("DJANGO_HSTS_PRELOAD", "false") == "true"
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS

# Review notifications are sent by the worker: a slow mail server never holds up an editor.
EMAIL_BACKEND = "network_site.mail.BackgroundEmailBackend"
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", 587))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "true") == "true"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
