"""Views of the site's own that are not pages."""

from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.shortcuts import render
from django.urls import reverse
from django.views import defaults

from wagtail.documents.views.serve import serve as wagtail_serve_document

from csp.decorators import csp_update

from .sitemap import PageSitemap


@csp_update({"style-src": ["'self'", "'unsafe-inline'"]})
def server_error(request):
    """Django's 500 page, whose styles are inline: it must show even when nothing else
    works, so it loads nothing."""
    return defaults.server_error(request)


def serve_document(request, document_id, document_filename):
    """Wagtail's document download (which asks `before_serve_document` hooks first), sent
    without a Content-Encoding header.

    Wagtail writes the encoding Python guesses from the file name, and for every file the
    site accepts that guess is None, sent as the header `Content-Encoding: None`, which
    some proxies and clients refuse. A document is sent as it was uploaded, not encoded.
    """
    response = wagtail_serve_document(request, document_id, document_filename)
    if response.has_header("Content-Encoding"):
        del response["Content-Encoding"]
    return response


def sitemap(request):
    """/sitemap.xml: every page readers may see, with its language versions (see
    `network_site.sitemap`)."""
    return sitemap_view(request, {"pages": PageSitemap(request)})


def robots_txt(request):
    """/robots.txt: crawlers may read the site, except the admin, search results, the
    APIs and the exports; it names the sitemap."""
    return render(
        request,
        "robots.txt",
        {"sitemap_url": request.build_absolute_uri(reverse("sitemap"))},
        content_type="text/plain; charset=utf-8",
    )
