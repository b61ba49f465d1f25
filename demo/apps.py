from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo content and its loader, and the development accounts: everything that
    exists only to show the site, kept in one app so it can be owned, and one day dropped,
    as a whole."""

    name = "demo"
    verbose_name = "Demo content"
