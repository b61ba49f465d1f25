from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The read API at /api/v3/ (see api/views.py and "Read API" in the README)."""

    name = "api"
    verbose_name = "Read API"
