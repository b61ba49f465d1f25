"""The filter form shared by the listing pages (/case-studies/, /updates/, city sections)."""

from django import forms
from django.apps import apps

from network_site.models import Theme


class ListingFilterForm(forms.Form):
    """Validates a listing's GET filters; `city` and `theme` take one or more slugs each.

    A value that names no city or theme is reported as a form error and that filter is
    ignored, so a mistyped or stale link still shows a page of results.
    """

    city = forms.ModelMultipleChoiceField(
        queryset=None,
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    theme = forms.ModelMultipleChoiceField(
        queryset=Theme.objects.all(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, data, *, fields):
        super().__init__(data)
        for name in set(self.fields) - set(fields):
            del self.fields[name]
        if "city" in self.fields:
            city_page = apps.get_model("casestudies", "CityPage")
            self.fields["city"].queryset = city_page.objects.live().public().order_by("title")

    def filter(self, queryset):
        """Apply the valid filters to a queryset of city content pages."""
        self.is_valid()
        if cities := self.cleaned_data.get("city"):
            queryset = queryset.filter(city__in=cities)
        if themes := self.cleaned_data.get("theme"):
            queryset = queryset.filter(themes__in=themes).distinct()
        return queryset

    @property
    def is_filtered(self):
        return any(self.cleaned_data.get(name) for name in self.fields)
