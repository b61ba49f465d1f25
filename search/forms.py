"""Validates the search page's GET parameters before any backend sees them."""

import re

from django import forms
from django.utils.translation import gettext_lazy

from network_site.forms import FacetField, FacetFilterForm

from .facets import FACET_NAMES, FACETS, facet_labels
from .query import MAX_QUERY_LENGTH, SORTS, SearchQuery, page_number

CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
YEAR = re.compile(r"(19|20|21)\d\d")


class QueryTextField(forms.CharField):
    """The words typed: control characters (NUL included) become spaces, runs of white
    space one space, and the text is cut to MAX_QUERY_LENGTH characters."""

    def to_python(self, value):
        text = CONTROL_CHARACTERS.sub(" ", super().to_python(value))
        return " ".join(text.split())[:MAX_QUERY_LENGTH]


class SearchForm(FacetFilterForm):
    """Turns request.GET into a SearchQuery; any input gives a valid query, never an error.

    The facets filter as a listing's filters do (`network_site.forms.FacetFilterForm`):
    unknown values are left out and named above the results. Any year is accepted, so a
    link to a year with no results yet still says "no results" rather than "not
    recognised".
    """

    q = QueryTextField(required=False, label=gettext_lazy("Search for"))
    sort = forms.ChoiceField(
        choices=list(SORTS.items()), required=False, label=gettext_lazy("Sort by")
    )
    page = forms.CharField(required=False)

    def __init__(self, data, *args, locale, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.locale = locale
        self.labels = facet_labels(locale)
        for facet in FACETS:
            self.fields[facet] = FacetField(
                choices=self.labels[facet],
                accept=YEAR.fullmatch if facet == "year" else None,
                label=FACET_NAMES[facet],
            )

    def clean_sort(self):
        return self.cleaned_data["sort"] or None

    def clean_page(self):
        return page_number(self.cleaned_data["page"])

    def to_query(self):
        """The validated SearchQuery, in the form's language (the reader's); invalid parts
        fall back to their defaults."""
        self.is_valid()
        data = self.cleaned_data
        return SearchQuery(
            text=data.get("q", ""),
            selected={facet: data[facet] for facet in FACETS if data.get(facet)},
            sort=data.get("sort") or "relevance",
            page=data.get("page", 1),
            locale=self.locale,
        )
