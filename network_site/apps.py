from django.apps import AppConfig


class NetworkSiteConfig(AppConfig):
    """Site-wide pages, taxonomies, shared blocks, template tags and commands."""

    name = "network_site"
    verbose_name = "Network site"

    def ready(self):
        from django.core import checks

        from .checks import check_rate_limits

        checks.register(check_rate_limits)
