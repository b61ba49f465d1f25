"""Views of the site's own that are not pages."""

from django.views import defaults

from csp.decorators import csp_update


@csp_update({"style-src": ["'self'", "'unsafe-inline'"]})
def server_error(request):
    """Django's 500 page, whose styles are inline: it must show even when nothing else
    works, so it loads nothing."""
    return defaults.server_error(request)
