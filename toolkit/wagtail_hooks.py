from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import CuratedCollection, GuidePage, ToolkitPage


class CuratedCollectionViewSet(SnippetViewSet):
    """Curated collections of case studies and guides, featured on the home and toolkit
    pages. Labelled "curated" so editors do not confuse them with Wagtail's collections of
    images and documents."""

    model = CuratedCollection
    icon = "list-ul"
    menu_label = gettext_lazy("Curated collections")
    menu_order = 160  # Just below "Network content" and "Toolkit guides".
    add_to_admin_menu = True
    list_display = ["title", "slug"]
    search_fields = ["title"]


register_snippet(CuratedCollectionViewSet)


class ToolkitMenuItem(MenuItem):
    """Shown only to those who may edit the toolkit: partners have nothing to do there."""

    def is_shown(self, request):
        toolkit = ToolkitPage.objects.first()
        return toolkit is not None and toolkit.permissions_for_user(request.user).can_edit()


class GuideListing(PageListingViewSet):
    """Every toolkit guide in one list, so editors need not walk the page tree."""

    model = GuidePage
    menu_item_class = ToolkitMenuItem
    icon = "list-ol"
    menu_label = gettext_lazy("Toolkit guides")
    menu_order = 155  # Just below "Network content".
    add_to_admin_menu = True


@hooks.register("register_admin_viewset")
def register_guide_listing():
    return GuideListing("toolkit_guides")
