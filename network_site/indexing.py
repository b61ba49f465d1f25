"""How a page type tells the site search what to hold for it, declared once on the model.

A searchable page type subclasses `SearchablePage` and lists, in its Wagtail
`search_fields`:
- `index.SearchField`s: the words readers find it by (its title and summary, and every
  other searched field, related objects' fields included through `index.RelatedFields`);
- `Facet`s: the filter fields readers narrow results by, each naming its facet.

The `search` app finds these page types itself and builds each page's index document from
this declaration (`search/documents.py`); Wagtail's admin search reads the same fields. So
what is searched and what is faceted is stated once, here on each model, and a facet is
always also a filter field, as the house style asks.
"""

from wagtail.search import index


class Facet(index.FilterField):
    """A filter field the site search offers as a facet, e.g. `Facet("slug", facet="theme",
    label="name")` inside `index.RelatedFields("themes", ...)`.

    `facet` is the facet's name in URLs and in the index (see `search.facets.FACETS`).
    `label` is the attribute readers see for a value, on the model that holds the field;
    without it, the field's choices give the labels, or the value is its own label.
    """

    def __init__(self, field_name, *, facet, label=None, **kwargs):
        super().__init__(field_name, **kwargs)
        self.facet = facet
        self.label = label


class SearchablePage:
    """A page type the site search holds (a mixin for page models).

    `search_type` names the type in URLs and in the index, `search_type_label` is what
    readers see; `search_summary_field` is the field shown when no matched words can be
    highlighted. `search_date` is what "newest first" orders by.
    """

    search_type: str
    search_type_label: str
    search_summary_field = "summary"

    @property
    def publication_year(self):
        """The year the page was first published (None for a page never published)."""
        return self.first_published_at.year if self.first_published_at else None

    def search_date(self):
        return self.first_published_at.date() if self.first_published_at else None
