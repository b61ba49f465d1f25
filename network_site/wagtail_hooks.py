from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Channel, Theme


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
    menu_label = "Taxonomy"
    menu_icon = "tag"
    menu_order = 300
    items = (ThemeViewSet, ChannelViewSet)


register_snippet(TaxonomyViewSetGroup)
