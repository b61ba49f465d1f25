from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_views import can_publish_anywhere
from .document_access import may_download
from .models import Channel, Theme
from .pages import is_published_in_full


class ThemeViewSet(SnippetViewSet):
    """The four URBACT areas; editors rarely change them."""

    model = Theme
    icon = "tag"
    list_display = ["name", "slug", "sort_order"]
    ordering = ["sort_order"]


class ChannelViewSet(SnippetViewSet):
    """Social media channels and digital tools, as used in case studies and city audits."""

    model = Channel
    icon = "globe"
    list_display = ["name", "kind", "slug"]
    list_filter = ["kind"]
    search_fields = ["name"]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    menu_label = gettext_lazy("Taxonomy")
    menu_icon = "tag"
    menu_order = 300
    items = (ThemeViewSet, ChannelViewSet)


register_snippet(TaxonomyViewSetGroup)


@hooks.register("construct_page_chooser_queryset")
def hide_unpublished_pages_from_others(pages, request):
    """The page chooser lists a page that is not live only to people who may edit it.

    Wagtail's chooser lists every page; without this a partner choosing a link target
    could browse to another city and read the titles of its drafts.
    """
    if request.user.is_superuser:
        return pages
    editable = PagePermissionPolicy().instances_user_has_permission_for(request.user, "change")
    return pages.filter(Q(live=True) | Q(pk__in=editable.values("pk")))


SITE_WIDE_REPORTS = ("page-types-usage", "translations")


@hooks.register("construct_reports_menu")
def hide_site_wide_reports_from_partners(request, menu_items):
    """Partners do not get the page types report nor the translations report (see
    `admin_views.page_types_usage` and `admin_views.translations_report`)."""
    if not can_publish_anywhere(request.user):
        menu_items[:] = [item for item in menu_items if item.name not in SITE_WIDE_REPORTS]


@hooks.register("construct_page_action_menu")
def offer_convert_to_alias_to_publishers_only(menu_items, request, context):
    """wagtail-localize's "Convert to alias page" replaces what readers see, so it is offered
    only to those who may publish the page (see `admin_views.convert_to_alias`)."""
    page = context.get("page")
    if page is not None and not page.permissions_for_user(request.user).can_publish():
        menu_items[:] = [item for item in menu_items if item.name != "localize-convert-to-alias"]


@hooks.register("before_serve_page")
def refuse_pages_readers_may_not_see(page, request, serve_args, serve_kwargs):
    """A live page below an unpublished one (a case study of an unpublished city) answers
    404 by its URL too, as everywhere else on the site (`SitePageQuerySet.readable`).
    Privacy is left to Wagtail's own check, which offers a private page's login form."""
    if not is_published_in_full(page):
        raise Http404


@hooks.register("before_serve_document")
def refuse_documents_readers_may_not_have(document, request):
    """A document nobody may download here answers 404 (`document_access.may_download`)."""
    if not may_download(request.user, document):
        raise Http404
