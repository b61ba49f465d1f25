from django.apps import AppConfig


class NetworkSiteConfig(AppConfig):
    """Site-wide pages, taxonomies, shared blocks, template tags and commands."""

    name = "network_site"
    verbose_name = "Network site"

    def ready(self):
        from django.core import checks
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from wagtail.images import get_image_model
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from . import page_cache
        from .checks import check_rate_limits
        from .images import on_image_saved
        from .translation_access import follow_new_language_version

        checks.register(check_rate_limits)
        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(page_cache.purge_on_change, dispatch_uid="page-cache-purge")
        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(page_cache.purge_on_page_event, dispatch_uid="page-cache-purge-page")
        post_save.connect(on_image_saved, sender=get_image_model(), dispatch_uid="renditions")
        post_save.connect(follow_new_language_version, dispatch_uid="language-version-permissions")
