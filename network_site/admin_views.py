"""Admin views the site narrows down from Wagtail's own."""

from django.core.exceptions import PermissionDenied

from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
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
