from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve as serve_file

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from . import admin_views, views

# Wagtail's document URLs, with its download view wrapped (see views.serve_document).
document_urls = [
    re_path(r"^(\d+)/(.*)$", views.serve_document, name="wagtaildocs_serve"),
    *(pattern for pattern in wagtaildocs_urls.urlpatterns if pattern.name != "wagtaildocs_serve"),
]

urlpatterns = [
    # Ahead of Wagtail's own admin URLs, which they narrow (see admin_views.py).
    path("admin/reports/page-types-usage/", admin_views.page_types_usage),
    path("admin/reports/page-types-usage/results/", admin_views.page_types_usage_results),
    path("admin/bulk/wagtailcore/page/<str:action>/", admin_views.page_bulk_action),
    path("admin/tag-autocomplete/", admin_views.tag_autocomplete),
    path("admin/localize/submit/page/<int:page_id>/", admin_views.submit_page_translation),
    path(
        "admin/localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
        admin_views.submit_snippet_translation,
    ),
    path("admin/localize/update/<int:translation_source_id>/", admin_views.update_translations),
    path("admin/localize/page/<int:page_id>/convert_to_alias/", admin_views.convert_to_alias),
    path("admin/localize/reports/translations/", admin_views.translations_report),
    path(
        "admin/localize/reports/translations/results/",
        admin_views.translations_report_results,
    ),
    path(
        "admin/translations/<int:page_id>/submit-for-review/",
        admin_views.submit_translation_for_review,
        name="submit_translation_for_review",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(document_urls)),
    # The open dataset: one address for every language (opendata.dataset).
    path("", include("opendata.dataset_urls")),
    # The read API, the same in every language, so outside the language prefixes (README
    # "Read API"; network_site.middleware.LanguageMiddleware leaves it alone).
    path("api/v3/", include("api.urls")),
    # For crawlers, without a language (network_site.middleware.LanguageMiddleware).
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]

# Image renditions only: documents go through the checked view above, and original uploads
# are never linked from a page.
if settings.SERVE_MEDIA:
    urlpatterns += [
        path(
            f"{settings.MEDIA_URL.strip('/')}/images/<path:path>",
            serve_file,
            {"document_root": settings.MEDIA_ROOT / "images"},
        )
    ]

# Every page of the site, and the search, under its language's prefix (/en/, /it/, ...). A
# path without one answers with a redirect to the reader's language (LocaleMiddleware).
urlpatterns += i18n_patterns(
    path("", include("search.urls")),
    # The case-study exports, ahead of the pages they sit beside (opendata.views).
    path("", include("opendata.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler500 = "network_site.views.server_error"
