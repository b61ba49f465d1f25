"""Who may download an uploaded document (served at /documents/<id>/<filename>).

A document may be downloaded by anyone when at least one page readers can see uses it
(`readable_pages()`: live, public, below no unpublished page), in the content that page
shows readers; by users who may choose or change documents in its collection (editors;
the partners of the city whose collection it is; whoever uploaded it); and by nobody
else, who get 404 as if it did not exist. Uses are read from Wagtail's reference index,
which records a page's live content (a draft's changes wait in its revisions), so a file
attached to a draft, to a page in review, to a private page or to a page of an unpublished
city is not public until that page is published for readers. The index covers every place
a page can hold a document: document blocks, rich-text links and foreign keys.

There is no "public downloads" collection: everything readers are given is linked from a
page, and a document meant to be shared elsewhere is published by linking it from one.
Wagtail's own collection privacy (password or login) still applies on top of this rule.

The files themselves live under MEDIA_ROOT/documents/; the web server must not serve that
folder, or the rule can be bypassed (README, "Security").
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast

from wagtail.models import Collection, CollectionViewRestriction, Page, ReferenceIndex
from wagtail.permissions import policy_registry

from .pages import readable_pages


def uses_on_readable_pages(model):
    """The reference index's records of an object of `model` (documents, images) used in the
    content a page readers can see shows them: the rule of the module docstring, as a
    queryset, for one object or for a list of them (the read API's documents endpoint)."""
    readable_ids = readable_pages().values_list(Cast("pk", output_field=CharField()), flat=True)
    return ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(model),
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=readable_ids,
    )


def used_by_a_readable_page(document):
    """Whether a page readers can see uses `document` in the content it shows them (the
    rule of `uses_on_readable_pages`, for one document: its few uses first, then whether a
    readable page is among them, rather than every readable page's id in one subquery)."""
    page_ids = [
        int(object_id)
        for object_id in ReferenceIndex.get_references_to(document)
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .values_list("object_id", flat=True)
        if object_id.isdigit()
    ]
    return bool(page_ids) and readable_pages().filter(pk__in=page_ids).exists()


def used_on_readable_pages(objects):
    """The objects of the queryset `objects` (documents, images) used in the content of a
    page readers can see."""
    used = uses_on_readable_pages(objects.model).values("to_object_id")
    return objects.alias(id_text=Cast("pk", output_field=CharField())).filter(id_text__in=used)


def readable_documents(documents):
    """The documents among the queryset `documents` that anyone may download (without
    signing in): used by a page readers can see, and in no collection Wagtail's privacy
    settings restrict."""
    return used_on_readable_pages(documents).exclude(collection__in=restricted_collections())


def restricted_collections():
    """The collections under a view restriction (a password or a sign-in), and those below
    them."""
    paths = Collection.objects.filter(
        pk__in=CollectionViewRestriction.objects.values("collection")
    ).values_list("path", flat=True)
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(path__startswith=path)
    return Collection.objects.filter(condition)


def may_download(user, document):
    """The rule of the module docstring."""
    if used_by_a_readable_page(document):
        return True
    if not user.is_authenticated:
        return False
    policy = policy_registry.get_by_type(type(document))
    return policy.user_has_any_permission_for_instance(user, ["choose", "change"], document)
