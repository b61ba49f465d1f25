from django.apps import AppConfig


class OpenDataConfig(AppConfig):
    """The case studies as data: filtered CSV and JSON exports of the case-study listing and
    the bulk dataset of everything readers may see, under the content licence."""

    name = "opendata"
    verbose_name = "Open data"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from wagtail.models import PageViewRestriction
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from network_site.models import Channel, SiteText, Theme

        from . import dataset

        for name, signal in (
            ("published", page_published),
            ("unpublished", page_unpublished),
            ("moved", post_page_move),
        ):
            signal.connect(dataset.on_change, dispatch_uid=f"opendata-page-{name}")
        post_delete.connect(dataset.on_page_deleted, dispatch_uid="opendata-page-deleted")
        for model in (PageViewRestriction, Theme, Channel, SiteText):
            for name, signal in (("saved", post_save), ("deleted", post_delete)):
                signal.connect(
                    dataset.on_change,
                    sender=model,
                    dispatch_uid=f"opendata-{model.__name__}-{name}",
                )
