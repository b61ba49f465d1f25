"""The filter form shared by the listing pages (/case-studies/, /updates/, city sections)."""

from django import forms
from django.apps import apps
from django.core.validators import slug_re
from django.utils.text import Truncator

from network_site.models import Theme


class SlugFilterField(forms.ModelMultipleChoiceField):
    """Takes one or more slugs; keeps the ones that exist and remembers the others.

    A mistyped or stale link then still filters on what it got right, and the form can say
    which values it ignored. A value that cannot be a slug at all (a NUL byte, punctuation,
    a very long string) is ignored without reaching the database.
    """

    widget = forms.CheckboxSelectMultiple
    max_slug_length = 80

    def __init__(self, queryset, **kwargs):
        super().__init__(queryset, to_field_name="slug", required=False, **kwargs)
        self.ignored = []

    def clean(self, value):
        values = [str(item) for item in value or []]
        candidates = [
            item for item in values if len(item) <= self.max_slug_length and slug_re.match(item)
        ]
        known = set(self.queryset.filter(slug__in=candidates).values_list("slug", flat=True))
        self.ignored = [item for item in values if item not in known]
        return super().clean([item for item in values if item in known])


def printable(value):
    """A short, printable version of what a user typed, to quote back in a message."""
    return Truncator("".join(char for char in value if char.isprintable())).chars(40)


class ListingFilterForm(forms.Form):
    """Validates a listing's GET filters; `city` and `theme` each take one or more slugs."""

    city = SlugFilterField(queryset=None, label="City")
    theme = SlugFilterField(queryset=Theme.objects.all(), label="Theme")

    def __init__(self, data, *, fields):
        super().__init__(data)
        for name in set(self.fields) - set(fields):
            del self.fields[name]
        if "city" in self.fields:
            city_page = apps.get_model("casestudies", "CityPage")
            self.fields["city"].queryset = city_page.objects.live().public().order_by("title")

    def clean(self):
        # Reported as form-wide errors: a field error would drop the field's known values too.
        for field in self.fields.values():
            if field.ignored:
                shown = ", ".join(printable(value) for value in field.ignored[:5])
                self.add_error(None, f"{field.label}: {shown} not recognised.")
        return super().clean()

    @property
    def is_filtered(self):
        return any(self.cleaned_data.get(name) for name in self.fields)
