from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import CuratedCollection


class CuratedCollectionViewSet(SnippetViewSet):
    """Curated collections of case studies and guides, featured on the home and toolkit
    pages. Labelled "curated" so editors do not confuse them with Wagtail's collections of
    images and documents."""

    model = CuratedCollection
    icon = "list-ul"
    menu_label = "Curated collections"
    menu_order = 160  # Just below "Network content".
    add_to_admin_menu = True
    list_display = ["title", "slug"]
    search_fields = ["title"]


register_snippet(CuratedCollectionViewSet)
