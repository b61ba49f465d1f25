from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Faceted search over case studies, guides, the roadmap, updates and cities."""

    name = "search"
    verbose_name = "Search"

    def ready(self):
        from django.core import checks
        from django.db.models.signals import post_delete, post_save, pre_delete

        from wagtail.models import PageViewRestriction
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from . import indexer
        from .checks import check_elasticsearch_url
        from .facets import label_sources
        from .registry import searchable_models

        checks.register(check_elasticsearch_url)
        for name, signal in (
            ("published", page_published),
            ("unpublished", page_unpublished),
            ("moved", post_page_move),
        ):
            signal.connect(indexer.on_page_changed, dispatch_uid=f"search-page-{name}")
        post_delete.connect(indexer.on_page_deleted, dispatch_uid="search-page-deleted")
        for name, signal in (("saved", post_save), ("deleted", post_delete)):
            signal.connect(
                indexer.on_view_restriction_changed,
                sender=PageViewRestriction,
                dispatch_uid=f"search-restriction-{name}",
            )
        # The snippets facets take their labels from (themes, channels): a change to one can
        # change every document that carries it. Pages are covered by the page signals.
        label_models = {model for model, _ in label_sources().values()}
        for model in label_models - set(searchable_models()):
            post_save.connect(
                indexer.on_taxonomy_changed, sender=model, dispatch_uid=f"search-{model.__name__}"
            )
            pre_delete.connect(
                indexer.on_taxonomy_changed,
                sender=model,
                dispatch_uid=f"search-{model.__name__}-deleted",
            )
