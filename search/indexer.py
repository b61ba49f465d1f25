"""Keeps the search index true to the published site.

Every change that can alter what readers find (publish, unpublish, move, delete, privacy,
a renamed theme or channel) schedules a re-index after the transaction commits. The
re-index reads the pages from the database as they are then, so it never indexes a draft.
"""

from functools import partial

from django.db import transaction

from wagtail.models import Page

from .documents import build_document, searchable_pages
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
        document
        for document in map(
            build_document, searchable_pages().filter(pk__in=subtree_ids).specific()
        )
        if document
    ]
    service.index(documents)
    service.delete(subtree_ids - {document["id"] for document in documents})


def reindex_pages(page_ids):
    for page_id in page_ids:
        reindex_subtree(page_id)


def schedule_reindex(page_id):
    transaction.on_commit(partial(reindex_subtree, page_id))


def on_page_changed(sender, instance, **kwargs):
    """Published, unpublished or moved: re-read the page and its subtree."""
    schedule_reindex(instance.pk)


def on_page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        transaction.on_commit(partial(get_search_service().delete, [instance.pk]))


def on_view_restriction_changed(sender, instance, **kwargs):
    """A section became private or public again."""
    schedule_reindex(instance.page_id)


def on_taxonomy_changed(sender, instance, **kwargs):
    """A theme or channel changed (its slug is in the documents): re-index its pages."""
    transaction.on_commit(partial(reindex_pages, pages_using(instance)))


def on_taxonomy_deleted(sender, instance, **kwargs):
    """A theme or channel is about to go: re-index its pages once it has gone."""
    transaction.on_commit(partial(reindex_pages, pages_using(instance)))


def pages_using(term):
    """The ids of the pages whose documents carry this theme or channel."""
    from casestudies.models import CityToolAudit
    from network_site.models import Theme

    if isinstance(term, Theme):
        related = (term.case_studies, term.updates, term.guides)
        return [pk for pages in related for pk in pages.values_list("pk", flat=True)]
    audited_by = CityToolAudit.objects.filter(channel=term).values_list("city_id", flat=True)
    return [*term.case_studies.values_list("pk", flat=True), *audited_by]


def rebuild(progress=None):
    """Rebuild every backend's index from the live site; `progress(done)` after each page."""
    service = get_search_service()

    def documents(progress):
        for done, page in enumerate(searchable_pages().specific().iterator(), 1):
            document = build_document(page)
            if document:
                yield document
            if progress:
                progress(done)

    # The database first: it must be whole even if Elasticsearch then fails.
    for number, backend in enumerate(service.backends):
        backend.rebuild(documents(progress if number == 0 else None))
