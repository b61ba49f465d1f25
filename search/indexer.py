"""Keeps the search index true to the published site.

Every change that can alter what readers find (publish, unpublish, move, delete, privacy,
a renamed theme or channel) queues a re-index task once the transaction commits: the task
worker runs it in production (an editor never waits for Elasticsearch), at once elsewhere.
The re-index reads the pages from the database as they are then, so it never indexes a
draft.
"""

from functools import partial

from django.db import transaction

from wagtail.models import Page

from django_tasks import task

from .documents import build_document, searchable_pages
from .registry import related_models_of, searchable_models
from .service import get_search_service


def reindex_subtree(page_id):
    """Bring the index in line with a page and everything below it, as the database has it."""
    service = get_search_service()
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        service.delete([page_id])
        return
    subtree_ids = set(
        Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True)
    )
    documents = [
        build_document(page) for page in searchable_pages().filter(pk__in=subtree_ids).specific()
    ]
    service.index(documents)
    service.delete(subtree_ids - {document["id"] for document in documents})


@task()
def reindex_pages(page_ids):
    """Re-read each page and its subtree (a list of ids: task arguments travel as JSON)."""
    for page_id in page_ids:
        reindex_subtree(page_id)


@task()
def remove_pages(page_ids):
    get_search_service().delete(page_ids)


def schedule_reindex(page_ids):
    transaction.on_commit(partial(reindex_pages.enqueue, list(page_ids)))


def on_page_changed(sender, instance, **kwargs):
    """Published, unpublished or moved: re-read the page and its subtree."""
    schedule_reindex([instance.pk])


def on_page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        transaction.on_commit(partial(remove_pages.enqueue, [instance.pk]))


def on_view_restriction_changed(sender, instance, **kwargs):
    """A section became private or public again."""
    schedule_reindex([instance.page_id])


def on_taxonomy_changed(sender, instance, **kwargs):
    """A theme or channel was saved, or is about to be deleted: re-index the pages whose
    documents carry it once the transaction is over."""
    schedule_reindex(pages_using(instance))


def pages_using(term):
    """The ids of the searchable pages related to this object (a theme, a channel) through
    the relations their `search_fields` follow."""
    ids = []
    for model in searchable_models():
        for relation, related_model in related_models_of(model):
            if related_model is type(term):
                lookup = "__".join(relation)
                ids += model.objects.filter(**{lookup: term}).values_list("pk", flat=True)
    return list(dict.fromkeys(ids))


def rebuild(progress=None):
    """Rebuild every backend's index from the live site; `progress(done)` after each page."""
    service = get_search_service()

    def documents(progress):
        for done, page in enumerate(searchable_pages().specific().iterator(), 1):
            yield build_document(page)
            if progress:
                progress(done)

    # The database first: it must be whole even if Elasticsearch then fails.
    for number, backend in enumerate(service.backends):
        backend.rebuild(documents(progress if number == 0 else None))
