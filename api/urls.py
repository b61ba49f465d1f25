"""The read API's addresses, included at /api/v3/ by network_site/urls.py, outside the
language prefixes: an answer is the same in every language (each page's labels are in its
own)."""

from django.urls import path

from .views import api

urlpatterns = [path("", api.urls)]
