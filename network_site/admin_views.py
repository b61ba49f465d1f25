"""Admin views the site narrows down from Wagtail's own."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import JsonResponse, QueryDict
from django.shortcuts import render
from django.utils.translation import ngettext

from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.account import LoginView
from wagtail.admin.views.bulk_action import index as wagtail_bulk_action
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.admin.views.tags import TAGS_AUTOCOMPLETE_LIMIT
from wagtail.admin.views.tags import autocomplete as wagtail_tag_autocomplete
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from taggit.models import Tag, TaggedItemBase

from .pages import readable_pages


def can_publish_anywhere(user):
    return PagePermissionPolicy().user_has_permission(user, "publish")


def for_publishers_only(view):
    """Refuse `view` to admin users who may publish nowhere, i.e. partners."""

    def view_for_publishers(request, *args, **kwargs):
        if not can_publish_anywhere(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return require_admin_access(view_for_publishers)


# Wagtail's "Page types usage" report names, for each page type, the page last edited
# anywhere on the site, drafts included: a partner would read other cities' draft titles.
page_types_usage = for_publishers_only(PageTypesUsageReportView.as_view())
page_types_usage_results = for_publishers_only(PageTypesUsageReportView.as_view(results_only=True))


@require_admin_access
def page_bulk_action(request, action):
    """Wagtail's bulk actions on pages, asked only about pages the user may act on.

    Wagtail's confirmation page lists every page whose id is in the address, with its
    latest draft title, those the user may not touch included: a partner could read other
    cities' drafts by asking for their ids. For users who may publish nowhere (partners),
    the ids, and "all" (the pages of the listing they came from), are narrowed to the pages
    they may change before Wagtail sees them.
    """
    if not can_publish_anywhere(request.user):
        ids = [pk for pk in request.GET.getlist("id") if pk.isdigit()]
        if "all" in request.GET.getlist("id"):
            parent_id = request.GET.get("childOf", "")
            parent = Page.objects.filter(pk=parent_id).first() if parent_id.isdigit() else None
            ids = []
            if parent is not None:
                listed = (
                    parent.get_descendants() if request.GET.get("q") else parent.get_children()
                )
                ids = listed.values_list("pk", flat=True)
        changeable = PagePermissionPolicy().instances_user_has_any_permission_for(
            request.user, ["change"]
        )
        narrowed = request.GET.copy()
        narrowed.setlist(
            "id", [str(pk) for pk in changeable.filter(pk__in=ids).values_list("pk", flat=True)]
        )
        request.GET = QueryDict(narrowed.urlencode())
        request.META["QUERY_STRING"] = narrowed.urlencode()
    return wagtail_bulk_action(request, "wagtailcore", "page", action)


@require_admin_access
def tag_autocomplete(request):
    """Wagtail's tag suggestions; for users who may publish nowhere (partners), only the tags
    of pages readers see and of the pages they may change themselves.

    Wagtail suggests every tag in the database, and a tag can exist only on another city's
    unpublished draft. (Partners' suggestions therefore leave out the tags of images and
    documents.)
    """
    if can_publish_anywhere(request.user):
        return wagtail_tag_autocomplete(request)
    term = request.GET.get("term", "")
    own = PagePermissionPolicy().instances_user_has_any_permission_for(request.user, ["change"])
    pages = Q(pk__in=readable_pages().values("pk")) | Q(pk__in=own.values("pk"))
    tags = Tag.objects.filter(tags_on(Page.objects.filter(pages)), name__istartswith=term)
    names = (
        tags.order_by("name").values_list("name", flat=True)[:TAGS_AUTOCOMPLETE_LIMIT]
        if term
        else []
    )
    return JsonResponse(list(names), safe=False)


def tags_on(pages):
    """A condition on Tag: used on one of `pages`, through any tagged-item model of pages."""
    condition = Q(pk__in=[])
    for relation in Tag._meta.related_objects:
        through = relation.related_model
        if issubclass(through, TaggedItemBase) and hasattr(through, "content_object"):
            target = through._meta.get_field("content_object").related_model
            if target is not None and issubclass(target, Page):
                used = through.objects.filter(content_object__in=pages.values("pk"))
                condition |= Q(pk__in=used.values("tag"))
    return condition


def login_locked_out(request, original_response, credentials):
    """Wagtail's sign-in page, with a message saying why and for how long sign-in is refused.

    django-axes calls it (settings.AXES_LOCKOUT_CALLABLE) when a username has had too many
    wrong passwords from one address, in place of its bare "Account locked" text. The answer
    is 429 Too Many Requests; the username stays in the form.
    """
    minutes = round(settings.AXES_COOLOFF_TIME.total_seconds() / 60)
    messages.error(
        request,
        ngettext(
            "Too many wrong passwords for this username from your address: signing in is "
            "paused for %(minutes)s minute. Wait, then try again; if you have forgotten your "
            "password, ask an administrator to set a new one.",
            "Too many wrong passwords for this username from your address: signing in is "
            "paused for %(minutes)s minutes. Wait, then try again; if you have forgotten your "
            "password, ask an administrator to set a new one.",
            minutes,
        )
        % {"minutes": minutes},
    )
    view = LoginView()
    view.setup(request)
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    form = view.get_form_class()(request, initial={"username": username})
    return render(request, view.template_name, view.get_context_data(form=form), status=429)
