"""Middleware of the site's own."""

import logging

from django.conf import settings
from django.http import HttpResponseBadRequest
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.datastructures import MultiValueDictKeyError
from django.utils.translation import gettext

logger = logging.getLogger(__name__)


class IncompleteFormMiddleware:
    """Answers 400, not 500, to a form post that lacks a field the view reads directly.

    Wagtail's page editor reads some fields straight from the POST data (a StreamField's
    `<name>-count`, say): a post without one raised MultiValueDictKeyError, a server error,
    although the request was at fault. Only the admin's own forms post there, so such a
    request was made by hand or cut short.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if request.method == "POST" and isinstance(exception, MultiValueDictKeyError):
            logger.warning("Incomplete form post to %s: no %s", request.path, exception)
            return HttpResponseBadRequest(
                gettext("The form arrived incomplete. Go back, reload the page and send it again.")
            )
        return None


class PermissionsPolicyMiddleware:
    """Sends settings.PERMISSIONS_POLICY as the Permissions-Policy header of every response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class LanguageMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware (the language is the path's prefix; a path without one is
    redirected to the reader's language), except for the addresses that have no language:
    a 404 under /admin/, /documents/, /static/ or /media/ stays a 404 rather than becoming
    a redirect to, say, /en/admin/..., which no one asked for.

    The read API (/api/v3/) and the open dataset (/open-data/) are left out altogether:
    their answers are the same whatever the visitor's browser prefers (each page's labels
    are in the page's own language), so the request runs in English, and the response
    neither varies on Accept-Language (which would keep the page cache from keeping it) nor
    turns a 404 into a redirect. So are /sitemap.xml and /robots.txt, which crawlers ask
    for and which are the same for every reader.
    """

    language_free = ("/api/v3/", "/open-data/", "/sitemap.xml", "/robots.txt")

    def __init__(self, get_response):
        super().__init__(get_response)
        self.unprefixed = ("/admin/", "/documents/", settings.STATIC_URL, settings.MEDIA_URL)

    def process_request(self, request):
        if request.path_info.startswith(self.language_free):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
            return None
        return super().process_request(request)

    def process_response(self, request, response):
        if request.path_info.startswith(self.language_free):
            response.setdefault("Content-Language", settings.LANGUAGE_CODE)
            return response
        if response.status_code == 404 and request.path_info.startswith(self.unprefixed):
            return response
        return super().process_response(request, response)
