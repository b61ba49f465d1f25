"""The read API's query parameters, validated by Django forms before any query.

Unlike the listings and the search page, which drop an unknown value and say so on the
page, the API refuses it (400 with the form's messages): a script that asks for a theme
that does not exist has a bug its author should hear about, not an unfiltered answer.
A slug's choices are read only when that filter is given.
"""

from django import forms
from django.conf import settings
from django.db.models import Q

from casestudies.models import CaseStudyPage, CityPage, UpdatePage
from network_site.languages import SOURCE_LANGUAGE, language_codes
from network_site.models import Channel, Theme
from toolkit.models import GuidePage, RoadmapPage

from .serializers import PAGE_TYPES

MAX_LIMIT = 100
# Far past the last item, and small enough for any database's OFFSET (a larger one was a
# 500: SQLite refuses an offset past 2**63 - 1 with "datatype mismatch").
MAX_OFFSET = 1_000_000_000


class LazyChoiceField(forms.ChoiceField):
    """A choice among values read from the database when the form is validated, and only
    if the parameter was given."""

    def __init__(self, choices_from, **kwargs):
        super().__init__(required=False, **kwargs)
        self.choices_from = choices_from


class PaginationForm(forms.Form):
    """`limit` (1 to MAX_LIMIT, 20 by default) and `offset` (0 to MAX_OFFSET, 0 by default)."""

    limit = forms.IntegerField(required=False, min_value=1, max_value=MAX_LIMIT)
    offset = forms.IntegerField(required=False, min_value=0, max_value=MAX_OFFSET)

    def __init__(self, data):
        super().__init__(data)
        for name, field in self.fields.items():
            if isinstance(field, LazyChoiceField) and self.data.get(name):
                field.choices = [("", ""), *((value, value) for value in field.choices_from())]

    def clean_limit(self):
        return self.cleaned_data["limit"] or getattr(settings, "API_DEFAULT_LIMIT", 20)

    def clean_offset(self):
        return self.cleaned_data["offset"] or 0

    def errors_as_json(self):
        """{"error": one line naming each refused parameter, "errors": {parameter: [...]}}."""
        errors = {name: list(messages) for name, messages in self.errors.items()}
        return {
            "error": " ".join(
                f"{name}: {' '.join(messages)}" for name, messages in errors.items()
            ),
            "errors": errors,
        }


def english_slugs(queryset):
    """The slugs of the English ones among `queryset` (themes, channels, cities)."""
    return queryset.filter(locale__language_code=SOURCE_LANGUAGE).values_list("slug", flat=True)


class PageFilterForm(PaginationForm):
    """The pages endpoint's filters; each takes one value."""

    type = forms.ChoiceField(
        required=False, choices=[("", ""), *((name, name) for name in PAGE_TYPES)]
    )
    city = LazyChoiceField(lambda: english_slugs(CityPage.objects.readable()))
    theme = LazyChoiceField(lambda: english_slugs(Theme.objects.all()))
    channel = LazyChoiceField(lambda: english_slugs(Channel.objects.all()))
    language = forms.ChoiceField(
        required=False, choices=[("", ""), *((code, code) for code in language_codes())]
    )
    year = forms.IntegerField(required=False, min_value=1900, max_value=2100)

    def filter(self, pages):
        """The pages of the queryset `pages` (any type) that the cleaned filters keep."""
        data = self.cleaned_data
        if data["type"]:
            pages = pages.type(PAGE_TYPES[data["type"]])
        if data["language"]:
            pages = pages.filter(locale__language_code=data["language"])
        if data["city"]:
            city = CityPage.objects.filter(
                locale__language_code=SOURCE_LANGUAGE, slug=data["city"]
            )
            key = city.values("translation_key")
            pages = pages.filter(
                either(
                    CaseStudyPage.objects.filter(city__translation_key__in=key),
                    UpdatePage.objects.filter(city__translation_key__in=key),
                    CityPage.objects.filter(translation_key__in=key),
                )
            )
        if data["theme"]:
            pages = pages.filter(
                either(
                    *(
                        model.objects.filter(themes__slug=data["theme"])
                        for model in (CaseStudyPage, UpdatePage, GuidePage)
                    )
                )
            )
        if data["channel"]:
            pages = pages.filter(
                either(CaseStudyPage.objects.filter(channels__slug=data["channel"]))
            )
        if data["year"] is not None:
            year = data["year"]
            pages = pages.filter(
                either(
                    CaseStudyPage.objects.filter(start_year=year),
                    UpdatePage.objects.filter(date__year=year),
                    GuidePage.objects.filter(first_published_at__year=year),
                    RoadmapPage.objects.filter(first_published_at__year=year),
                )
            )
        return pages


def either(*querysets):
    """A condition on pages: among the pages of any of `querysets`."""
    condition = Q(pk__in=[])
    for queryset in querysets:
        condition |= Q(pk__in=queryset.values("pk"))
    return condition
