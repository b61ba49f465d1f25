"""The dataset's files, at one address for every language: /open-data/<file>."""

from django.urls import re_path

from . import views

urlpatterns = [
    re_path(
        r"^open-data/(?P<name>[-\w]+\.(?:json|csv))$", views.dataset_file, name="dataset_file"
    ),
]
