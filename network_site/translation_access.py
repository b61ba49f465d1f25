"""Who may translate what, and how a page's permissions reach its other languages.

**One rule: a page's language versions share their page permissions and their workflow.**
The versions of a page are the pages with its `translation_key`: the English page and, in
each other language, its alias or its translation. A group granted a page in one language
is granted it in every language, and a workflow on a page is on it in every language. So a
partner group granted its city page may write and translate under that city in all ten
trees, and the review workflow on the cities page reviews partners' work in all of them.
`casestudies.roles` grants on every version it finds; `follow_new_language_version` gives a
version made later (the aliases `setup_languages` makes for a new language, those made when
a page is added in the admin, a page copied for translation) what its other versions have.

**Translating.** `may_translate` and `may_publish` are what the admin's translation views
check (`admin_views` wraps the wagtail-localize views that check less): a user starts, edits
and syncs the translations of the pages they may edit, and makes a translation public only
where they may publish.
"""

from wagtail.models import DraftStateMixin, GroupPagePermission, Page, WorkflowPage
from wagtail.snippets.permissions import get_permission_name, user_can_edit_snippet_type


def language_versions(page):
    """`page` in every language it exists in, itself included."""
    return Page.objects.filter(translation_key=page.translation_key)


def follow_new_language_version(sender, instance, created, raw=False, **kwargs):
    """post_save: a new page that is another language's version of existing pages gets the
    page permissions and the workflow those pages have."""
    if not created or raw or not isinstance(instance, Page):
        return
    others = language_versions(instance).exclude(pk=instance.pk)
    grants = (
        GroupPagePermission.objects.filter(page__in=others)
        .values_list("group_id", "permission_id")
        .distinct()
    )
    GroupPagePermission.objects.bulk_create(
        [
            GroupPagePermission(page=instance, group_id=group_id, permission_id=permission_id)
            for group_id, permission_id in grants
        ],
        ignore_conflicts=True,
    )
    workflow_id = (
        WorkflowPage.objects.filter(page__in=others).values_list("workflow_id", flat=True).first()
    )
    if workflow_id is not None:
        WorkflowPage.objects.get_or_create(page=instance, defaults={"workflow_id": workflow_id})


def may_translate(user, instance):
    """Whether `user` may start, edit or sync the translations of `instance`: a page they
    may edit, or a translatable snippet whose type they may change."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    return user_can_edit_snippet_type(user, type(instance))


def may_publish(user, instance):
    """Whether `user` may make new content of `instance` (a page or a snippet in some
    language) public. A snippet without drafts is public as soon as it is saved."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    if isinstance(instance, DraftStateMixin):
        return user.has_perm(get_permission_name("publish", type(instance)))
    return may_translate(user, instance)
