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

from wagtail.models import Page, ReferenceIndex
from wagtail.permissions import policy_registry

from .pages import readable_pages


def used_by_a_readable_page(document):
    """Whether a page readers can see uses `document` in the content it shows them."""
    page_ids = [
        int(object_id)
        for object_id in ReferenceIndex.get_references_to(document)
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .values_list("object_id", flat=True)
        if object_id.isdigit()
    ]
    return bool(page_ids) and readable_pages().filter(pk__in=page_ids).exists()


def may_download(user, document):
    """The rule of the module docstring."""
    if used_by_a_readable_page(document):
        return True
    if not user.is_authenticated:
        return False
    policy = policy_registry.get_by_type(type(document))
    return policy.user_has_any_permission_for_instance(user, ["choose", "change"], document)
