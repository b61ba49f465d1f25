"""Who may do what in the admin: the Editors, one partner group per city, and the review.

The roles are Wagtail groups with page and collection permissions, so Wagtail itself
enforces them everywhere in the admin. `manage.py setup_roles` applies this module and can
be run any number of times: each run makes the groups, permissions and workflow match what
is written here, and leaves users and their group memberships alone.

- **Editors** edit and publish every page below the home page, manage the taxonomy
  snippets and the curated collections, manage every image and document, and review what
  partners submit. A separate reviewers group would hold the same people, so there is none.
- **Partner – <City>** (one per partner city) may add and change pages under their own
  city page only: the city's profile, its case studies and its updates. They cannot
  publish: they submit their work to the "Partner review" workflow, which the Editors
  approve or send back with a comment. They upload images and documents into their city's
  own media collection and can choose only those.

Both roles hold their page permissions in every language: the Editors on the home page of
each language's tree, a partner group on its city page in each language, and the review
workflow sits on the cities page of each language (the rule, and how it follows pages made
later, is in `network_site.translation_access`). So a partner translates its own city's pages
into any language, and the translation goes through the same review; the Editors translate
and publish everything.

The city a partner group works for is the English city page its page permissions are on;
there is no second place where that is recorded.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from casestudies.models import CityIndexPage, CityPage
from network_site.translation_access import language_versions

EDITORS = "Editors"
PARTNER_GROUP_PREFIX = "Partner – "
REVIEW_WORKFLOW = "Partner review"
REVIEW_TASK = "Editorial review"

EDITOR_PAGE_PERMISSIONS = (
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
)
PARTNER_PAGE_PERMISSIONS = ("add_page", "change_page")

EDITOR_MEDIA_PERMISSIONS = (
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtailimages.delete_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
    "wagtaildocs.delete_document",
)
# Partners add and choose media in their own collection. They get no change or delete
# permission on it: replacing or deleting an image used by a live page would change that
# page without review. (Wagtail still lets anyone edit the media they uploaded themselves.)
PARTNER_MEDIA_PERMISSIONS = (
    "wagtailimages.add_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.choose_document",
)

EDITOR_MODEL_PERMISSIONS = (
    "wagtailadmin.access_admin",
    "wagtail_localize.submit_translation",
    "network_site.add_theme",
    "network_site.change_theme",
    "network_site.delete_theme",
    "network_site.view_theme",
    "network_site.add_channel",
    "network_site.change_channel",
    "network_site.delete_channel",
    "network_site.view_channel",
    "network_site.change_sitetext",
    "toolkit.add_curatedcollection",
    "toolkit.change_curatedcollection",
    "toolkit.delete_curatedcollection",
    "toolkit.view_curatedcollection",
)
# wagtail-localize's "Translate this page" needs this permission, which is not tied to any
# page; the admin lets a user translate only the pages they may edit (`admin_views`).
PARTNER_MODEL_PERMISSIONS = ("wagtailadmin.access_admin", "wagtail_localize.submit_translation")


def source_cities():
    """The city pages in the source language (English), one for each partner city."""
    return CityPage.objects.filter(locale=Locale.get_default())


def city_label(city):
    """The city's name for its group and media collection: its title, with its slug added
    when another city has the same title, so that each city keeps a group of its own."""
    if source_cities().filter(title=city.title).exclude(pk=city.pk).exists():
        return f"{city.title} ({city.slug})"
    return city.title


def partner_group_name(city):
    return f"{PARTNER_GROUP_PREFIX}{city_label(city)}"


def get_permissions(names):
    """The Permission rows for 'app_label.codename' names; a missing one is a programming
    error, so it raises rather than granting less than this module says."""
    permissions = []
    for name in names:
        app_label, codename = name.split(".")
        permissions.append(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return permissions


def page_permissions(codenames):
    return get_permissions(f"wagtailcore.{codename}" for codename in codenames)


def grant_exactly(group, *, model_permissions, page, page_codenames, collection, media):
    """Make `group` hold exactly these permissions, removing any others it has: the model
    permissions, `page_codenames` on `page` in every language (and so below it), `media` on
    `collection`."""
    group.permissions.set(get_permissions(model_permissions))
    page_perms = page_permissions(page_codenames)
    pages = list(language_versions(page))
    GroupPagePermission.objects.filter(group=group).exclude(
        page__in=pages, permission__in=page_perms
    ).delete()
    for version in pages:
        for permission in page_perms:
            GroupPagePermission.objects.get_or_create(
                group=group, page=version, permission=permission
            )
    media_perms = get_permissions(media)
    GroupCollectionPermission.objects.filter(group=group).exclude(
        collection=collection, permission__in=media_perms
    ).delete()
    for permission in media_perms:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )


def setup_editors(home):
    """The Editors: everything below the home page, all media, the snippets."""
    group, _ = Group.objects.get_or_create(name=EDITORS)
    grant_exactly(
        group,
        model_permissions=EDITOR_MODEL_PERMISSIONS,
        page=home,
        page_codenames=EDITOR_PAGE_PERMISSIONS,
        collection=Collection.get_first_root_node(),
        media=EDITOR_MEDIA_PERMISSIONS,
    )
    return group


def partner_group_for(city):
    """The city's partner group: the one whose page permissions are on the city page.

    Found that way, a city renamed in the admin keeps its group (renamed to match).
    """
    name = partner_group_name(city)
    group = (
        Group.objects.filter(name__startswith=PARTNER_GROUP_PREFIX, page_permissions__page=city)
        .distinct()
        .first()
    )
    if group is None:
        group, _ = Group.objects.get_or_create(name=name)
    elif group.name != name:
        group.name = name
        group.save(update_fields=["name"])
    return group


def media_collection_for(city, group):
    """The city's own image and document collection, below the root collection."""
    name = city_label(city)
    collection = Collection.objects.filter(group_permissions__group=group).first()
    if collection is None:
        root = Collection.get_first_root_node()
        collection = root.get_children().filter(name=name).first()
        if collection is None:
            collection = root.add_child(name=name)
    elif collection.name != name:
        collection.name = name
        collection.save(update_fields=["name"])
    return collection


def setup_partner(city):
    """The city's partner group: its own city page and its own media collection only."""
    group = partner_group_for(city)
    grant_exactly(
        group,
        model_permissions=PARTNER_MODEL_PERMISSIONS,
        page=city,
        page_codenames=PARTNER_PAGE_PERMISSIONS,
        collection=media_collection_for(city, group),
        media=PARTNER_MEDIA_PERMISSIONS,
    )
    return group


def setup_review_workflow(cities_index, editors):
    """The 'Partner review' workflow on the cities' subtree in every language, reviewed by
    the Editors.

    A task or assignment an administrator added in the admin is kept.
    """
    task = GroupApprovalTask.objects.filter(name=REVIEW_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=REVIEW_TASK)
    task.active = True
    task.save(update_fields=["active"])
    task.groups.add(editors)
    workflow, _ = Workflow.objects.get_or_create(name=REVIEW_WORKFLOW)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": workflow.workflow_tasks.count()}
    )
    for version in language_versions(cities_index):
        WorkflowPage.objects.update_or_create(page=version, defaults={"workflow": workflow})
    return workflow


def retire_wagtail_default_moderation():
    """Remove Wagtail's untouched default moderation, which this site replaces.

    Wagtail's first migrations create a 'Moderators' group that may publish every page and
    a 'Moderators approval' workflow on the whole tree. Here the Editors review, and only
    partners' work needs review. The group goes while it has no members; the workflow is
    unassigned from the tree root and disabled.
    """
    Group.objects.filter(name="Moderators", user__isnull=True).delete()
    default = Workflow.objects.filter(name="Moderators approval", workflow_pages__page__depth=1)
    for workflow in default:
        WorkflowPage.objects.filter(workflow=workflow).delete()
        workflow.active = False
        workflow.save(update_fields=["active"])


@transaction.atomic
def setup_roles():
    """Create or correct every role; return the Editors and the partner groups."""
    home = Site.objects.get(is_default_site=True).root_page
    editors = setup_editors(home)
    cities_index = CityIndexPage.objects.filter(locale=home.locale_id).first()
    if cities_index is not None:
        setup_review_workflow(cities_index, editors)
    partner_groups = [setup_partner(city) for city in source_cities().order_by("title")]
    retire_wagtail_default_moderation()
    return editors, partner_groups


def partner_cities(user):
    """The (English) city pages `user` works on as a member of a partner group, by title."""
    if not user.is_authenticated:
        return CityPage.objects.none()
    return (
        source_cities()
        .filter(
            group_permissions__group__user=user,
            group_permissions__group__name__startswith=PARTNER_GROUP_PREFIX,
        )
        .distinct()
        .order_by("title")
    )
