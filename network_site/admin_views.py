"""Admin views the site narrows down from Wagtail's own."""

from django.core.exceptions import PermissionDenied
from django.http import QueryDict

from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.bulk_action import index as wagtail_bulk_action
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy


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
