"""Whole pages for anonymous readers, kept in the shared cache and purged on every change.

Correct by construction rather than by bookkeeping: one case study appears on its own
page, its city's page, the home page, listings, feeds and search results, so instead of
tracking which addresses a change touches, every change that readers could see purges the
whole page cache. A purge replaces one key, the *generation*, with a new random value;
every cached page records the generation it was rendered in and is served only while that
is still the current one. The purge runs when the editor's transaction commits, in whichever
process made the change (a web worker, the task worker, `publish_scheduled` run by cron, an
operator's `manage.py` shell), and every process reads the same generation from the shared
cache (Redis in production), so the next request anywhere renders afresh.

The admin, document downloads, media and static files are left alone. Another request can
be answered from the cache only if it is a GET or HEAD and carries no session or message
cookie (so never for a logged-in user, a preview, or a visitor who unlocked a
password-protected page). A response is kept only if it is a 200 for such a request, sets
no cookie, used no CSRF token, says nothing against being cached and varies on nothing but
the cookie. Pages with a query string (search, filtered listings, later pages) are kept for
`QUERY_SECONDS`, others for `SECONDS`; those lifetimes only bound memory and the damage of
a purge lost while Redis was unreachable: a purge is what makes a change visible.

Every other response says what happened in `X-Page-Cache` (hit, miss or bypass), and what a CDN
in front may keep in `Cache-Control` (nothing, unless `CDN_SECONDS` is set).
"""

import hashlib
import uuid

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers

GENERATION_KEY = "page-cache:generation"


DEFAULTS = {
    "ENABLED": True,
    "SECONDS": 300,
    "QUERY_SECONDS": 60,
    "CDN_SECONDS": 0,
    # Left alone entirely: the admin and document downloads set their own headers, and
    # media files are files.
    "EXCLUDED_PATHS": ("/admin/", "/documents/", "/media/", "/static/"),
}


def config():
    """The PAGE_CACHE setting, with its defaults filled in."""
    return DEFAULTS | getattr(settings, "PAGE_CACHE", {})


def purge_page_cache():
    """Make every cached page stale, once the current transaction commits."""
    transaction.on_commit(start_new_generation, robust=True)


def start_new_generation():
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def current_generation(cached_generation):
    """The generation read with the page, or a new one if it was evicted or never set."""
    if cached_generation is not None:
        return cached_generation
    cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    return cache.get(GENERATION_KEY)


class PageCacheMiddleware:
    """Serves and stores anonymous pages; see the module docstring for the rules.

    Sits near the top of MIDDLEWARE, outside the session, CSRF and message middleware, so
    that it sees the cookies they set on the way out.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        options = config()
        if not options["ENABLED"] or request.path.startswith(tuple(options["EXCLUDED_PATHS"])):
            return self.get_response(request)
        if not self.may_answer_from_cache(request):
            return self.mark_uncacheable(self.get_response(request))

        page_key = self.page_key(request)
        found = cache.get_many([GENERATION_KEY, page_key])
        generation = current_generation(found.get(GENERATION_KEY))
        entry = found.get(page_key)
        if entry is not None and entry[0] == generation:
            response = entry[1]
            response["X-Page-Cache"] = "hit"
            return response

        response = self.get_response(request)
        if not self.may_keep(request, response):
            return self.mark_uncacheable(response)
        patch_cache_control(response, public=True, max_age=0, s_maxage=options["CDN_SECONDS"])
        if generation is not None and request.method == "GET":
            lifetime = options["QUERY_SECONDS"] if request.GET else options["SECONDS"]
            cache.set(page_key, (generation, response), timeout=lifetime)
        response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def may_answer_from_cache(request):
        return (
            request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and CookieStorage.cookie_name not in request.COOKIES
        )

    @staticmethod
    def may_keep(request, response):
        cache_control = response.get("Cache-Control", "")
        varies_on = {
            header.strip().lower() for header in response.get("Vary", "").split(",") if header
        }
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not any(word in cache_control for word in ("private", "no-cache", "no-store"))
            and varies_on <= {"cookie"}
        )

    @staticmethod
    def page_key(request):
        address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
        return "page-cache:page:" + hashlib.sha256(address.encode()).hexdigest()

    @staticmethod
    def mark_uncacheable(response):
        """A response for one visitor: no cache anywhere may keep it."""
        if "Cache-Control" not in response:
            add_never_cache_headers(response)
        patch_vary_headers(response, ["Cookie"])
        response["X-Page-Cache"] = "bypass"
        return response


# Apps whose saved or deleted rows can change what readers see.
CONTENT_APPS = {
    "network_site",
    "casestudies",
    "toolkit",
    "home",
    "taggit",
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
    "wagtailredirects",
}
# Rows of those apps that readers never see: editing history, workflow bookkeeping, the
# reference index and image renditions (made while a page renders).
NOT_SEEN_BY_READERS = {
    "wagtailcore.Revision",
    "wagtailcore.PageLogEntry",
    "wagtailcore.ModelLogEntry",
    "wagtailcore.WorkflowState",
    "wagtailcore.TaskState",
    "wagtailcore.PageSubscription",
    "wagtailcore.ReferenceIndex",
    "wagtailcore.Comment",
    "wagtailcore.CommentReply",
    "wagtailcore.GroupPagePermission",
    "wagtailcore.GroupCollectionPermission",
    "wagtailcore.UploadedFile",
    "wagtailimages.Rendition",
}


def seen_by_readers(model):
    return model._meta.app_label in CONTENT_APPS and model._meta.label not in NOT_SEEN_BY_READERS


def purge_on_change(sender, **kwargs):
    """Any saved, deleted or re-linked row readers could see: a page (publish, unpublish,
    delete, privacy), a taxonomy term, a site setting, a collection, an image, a redirect."""
    if seen_by_readers(sender):
        purge_page_cache()


def purge_on_page_event(sender, **kwargs):
    """Publish, unpublish and move: a move rewrites tree paths without saving the pages."""
    purge_page_cache()
