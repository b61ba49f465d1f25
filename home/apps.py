from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The home and about pages, and the case studies, guides and collections featured there."""

    name = "home"
    verbose_name = "Home"
