"""The case-study exports, under each language's prefix (see `opendata.views`)."""

from django.urls import re_path

from . import views

urlpatterns = [
    re_path(r"^(?P<section>[-\w]+)/export\.csv$", views.export_csv, name="case_study_export_csv"),
    re_path(
        r"^(?P<section>[-\w]+)/export\.json$", views.export_json, name="case_study_export_json"
    ),
]
