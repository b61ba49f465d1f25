from django.urls import path

from . import views

urlpatterns = [
    path("search/", views.search_page, name="search"),
    path("search/feed/", views.search_feed, name="search_feed"),
    path("api/search/", views.search_api, name="search_api"),
]
