"""Validates the search page's GET parameters before any backend sees them."""

import re

from django import forms

from .query import FACETS, MAX_QUERY_LENGTH, SORTS, SearchQuery, page_number
from .service import facet_labels

CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
YEAR = re.compile(r"^(19|20|21)\d\d$")


class KnownValuesField(forms.MultipleChoiceField):
    """A facet's selected values: keeps the ones that exist, drops the rest silently.

    A bookmarked search keeps working after a theme or city is renamed away; it just
    narrows by what still exists.
    """

    widget = forms.CheckboxSelectMultiple

    def __init__(self, *, accept=None, **kwargs):
        super().__init__(required=False, **kwargs)
        self.accept = accept

    def clean(self, value):
        values = dict.fromkeys(str(item) for item in value or [])
        known = {choice for choice, _ in self.choices}
        return tuple(
            item for item in values if item in known or (self.accept and self.accept(item))
        )


class QueryTextField(forms.CharField):
    """The words typed: control characters (NUL included) become spaces, runs of white
    space one space, and the text is cut to MAX_QUERY_LENGTH characters."""

    def to_python(self, value):
        text = CONTROL_CHARACTERS.sub(" ", super().to_python(value))
        return " ".join(text.split())[:MAX_QUERY_LENGTH]


class SearchForm(forms.Form):
    """Turns request.GET into a SearchQuery; any input gives a valid query, never an error."""

    q = QueryTextField(required=False, label="Search for")
    sort = forms.ChoiceField(choices=list(SORTS.items()), required=False, label="Sort by")
    page = forms.CharField(required=False)

    def __init__(self, data, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.labels = facet_labels()
        for facet in FACETS:
            self.fields[facet] = KnownValuesField(
                choices=self.labels[facet],
                accept=YEAR.match if facet == "year" else None,
                label=facet.title(),
            )

    def clean_sort(self):
        return self.cleaned_data["sort"] or None

    def clean_page(self):
        return page_number(self.cleaned_data["page"])

    def to_query(self, locale):
        """The validated SearchQuery; invalid parts fall back to their defaults."""
        self.is_valid()
        data = self.cleaned_data
        text = data.get("q", "")
        sort = data.get("sort") or "relevance"
        return SearchQuery(
            text=text,
            selected={facet: data[facet] for facet in FACETS if data.get(facet)},
            sort=sort,
            page=data.get("page", 1),
            locale=locale,
        )
