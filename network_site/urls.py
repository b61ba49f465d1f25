from django.conf import settings
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from search import views as search_views

from . import views

urlpatterns = [
    # Ahead of Wagtail's own admin URLs, which they narrow (see views.py).
    path("admin/reports/page-types-usage/", views.page_types_usage),
    path("admin/reports/page-types-usage/results/", views.page_types_usage_results),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", search_views.search_page, name="search"),
    path("api/search/", search_views.search_api, name="search_api"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
