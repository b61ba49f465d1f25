"""Keeps the search index true to the published site.

Every change that can alter what readers find (publish, unpublish, move, delete, privacy,
a renamed theme or channel) queues a re-index task once the transaction commits: the task
worker runs it in production (an editor never waits for Elasticsearch), at once elsewhere.
The re-index reads the pages from the database as they are then, so it never indexes a
draft.

**Languages** (see `search.documents` for what is indexed). A change re-indexes the pages
it touches and every other language version of them (the pages sharing a translation key),
since whether an English page is an English fallback in a language depends on its
translation there:

- publishing an English page re-indexes it and its translations. Wagtail then publishes
  its aliases with its content (`update_aliases`), each with a signal of its own; an alias
  is never indexed, so its signal only re-indexes the translations below it, if any;
- publishing a translation indexes it in its language and re-indexes its English
  original, which stops being that language's fallback;
- unpublishing or deleting a translation (or making it private) removes it and gives its
  English original back its fallback; unpublishing an alias section does the same for the
  translations below it;
- unpublishing or deleting an English page removes it (Wagtail unpublishes its aliases too;
  deleting it in the admin deletes its translations and aliases).

`manage.py search_index rebuild` builds the same documents from the whole site.
"""

from functools import partial

from django.db import transaction
from django.db.models import Q

from wagtail.models import Page

from django_tasks import task

from .documents import build_documents, documents_of, searchable_pages
from .registry import related_models_of, searchable_models
from .service import get_search_service


def refresh(pages):
    """Bring the index in line with these pages (a queryset of pages that are not aliases)
    as the database has them: index those readers may see, remove the others."""
    page_ids = set(pages.values_list("pk", flat=True))
    if not page_ids:
        return
    documents = build_documents(searchable_pages().filter(pk__in=page_ids).specific())
    service = get_search_service()
    service.index(documents)
    service.delete(page_ids - {document["id"] for document in documents})


def reindex_subtree(page_id):
    """Bring the index in line with a page, everything below it and every language version
    of those, as the database has them."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        get_search_service().delete([page_id])
        return
    subtree = Page.objects.descendant_of(page, inclusive=True).filter(alias_of__isnull=True)
    refresh(
        Page.objects.filter(alias_of__isnull=True).filter(
            Q(pk__in=subtree.values("pk"))
            | Q(translation_key__in=subtree.values("translation_key"))
        )
    )


@task()
def reindex_pages(page_ids):
    """Re-read each page and its subtree (a list of ids: task arguments travel as JSON)."""
    for page_id in page_ids:
        reindex_subtree(page_id)


@task()
def remove_pages(page_ids, translation_keys):
    """Remove deleted pages, and re-index their other language versions (as strings: task
    arguments travel as JSON)."""
    get_search_service().delete(page_ids)
    refresh(Page.objects.filter(alias_of__isnull=True, translation_key__in=translation_keys))


def schedule_reindex(page_ids):
    transaction.on_commit(partial(reindex_pages.enqueue, list(page_ids)))


def on_page_changed(sender, instance, **kwargs):
    """Published, unpublished or moved: re-read the page and its subtree."""
    schedule_reindex([instance.pk])


def on_page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        transaction.on_commit(
            partial(remove_pages.enqueue, [instance.pk], [str(instance.translation_key)])
        )


def on_view_restriction_changed(sender, instance, **kwargs):
    """A section became private or public again."""
    schedule_reindex([instance.page_id])


def on_taxonomy_changed(sender, instance, **kwargs):
    """A theme or channel was saved, or is about to be deleted: re-index the pages whose
    documents carry it once the transaction is over."""
    schedule_reindex(pages_using(instance))


def pages_using(term):
    """The ids of the searchable pages related to this object (a theme, a channel) through
    the relations their `search_fields` follow; aliases follow their English page."""
    ids = []
    for model in searchable_models():
        for relation, related_model in related_models_of(model):
            if related_model is type(term):
                lookup = "__".join(relation)
                pages = model.objects.filter(**{lookup: term}, alias_of__isnull=True)
                ids += pages.values_list("pk", flat=True)
    return list(dict.fromkeys(ids))


def rebuild(progress=None):
    """Rebuild every backend's index from the live site; `progress(done)` after each page."""
    service = get_search_service()

    def documents(progress):
        pages = searchable_pages().specific().iterator()
        for done, document in enumerate(documents_of(pages), 1):
            yield document
            if progress:
                progress(done)

    # The database first: it must be whole even if Elasticsearch then fails.
    for number, backend in enumerate(service.backends):
        backend.rebuild(documents(progress if number == 0 else None))
