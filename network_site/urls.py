from django.conf import settings
from django.urls import include, path
from django.views.static import serve as serve_file

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from . import admin_views

urlpatterns = [
    # Ahead of Wagtail's own admin URLs, which they narrow (see admin_views.py).
    path("admin/reports/page-types-usage/", admin_views.page_types_usage),
    path("admin/reports/page-types-usage/results/", admin_views.page_types_usage_results),
    path("admin/bulk/wagtailcore/page/<str:action>/", admin_views.page_bulk_action),
    path("admin/tag-autocomplete/", admin_views.tag_autocomplete),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("search.urls")),
]

if settings.SERVE_MEDIA:
    urlpatterns += [
        path(
            f"{settings.MEDIA_URL.strip('/')}/<path:path>",
            serve_file,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns += [path("", include(wagtail_urls))]

handler500 = "network_site.views.server_error"
