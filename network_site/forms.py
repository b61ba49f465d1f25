"""Forms shared by the apps: the admin form of every page and of pages with a change
history, the check against repeated choices, and the filters of listings and search."""

from django import forms
from django.forms.formsets import DELETION_FIELD_NAME
from django.http import QueryDict
from django.utils.text import Truncator
from django.utils.translation import gettext

from wagtail.admin.forms import WagtailAdminPageForm

from .media_choice import refuse_media_the_user_may_not_choose


class SitePageForm(WagtailAdminPageForm):
    """The admin form of every page type of the site (`SitePage.base_form_class`).

    It refuses an image or a document the user may not choose, unless the page had it
    already: see `network_site.media_choice`.
    """

    def clean(self):
        cleaned_data = super().clean()
        if self.for_user is not None:
            refuse_media_the_user_may_not_choose(self, self.for_user)
        return cleaned_data


class ChangeHistoryPageForm(SitePageForm):
    """The edit form of a page with a public change history (`ChangeHistoryMixin`).

    The change summary is stored on the page, so once a version is published the page still
    holds the summary readers see; offered again in the form, it would go out again with the
    next, unrelated change. The form therefore opens with a blank summary when the page's
    summary has already been published: by the live version, by a version later unpublished,
    or by an old version an editor is reverting to. A summary that has not been published,
    such as one a partner wrote in a draft submitted for review, is kept so the reviewing
    editor sees it and publishes it.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        page = self.instance
        if page.pk and page.change_summary and page.has_published_summary(page.change_summary):
            self.initial["change_summary"] = ""


def refuse_repeated_choices(formset, field_name, message):
    """Give each row of `formset` that repeats an earlier row's `field_name` a field error.

    `message` is formatted with the repeated object. Rows being deleted and empty rows are
    ignored. Called from the parent form's `clean()`; an error on a row makes the formset,
    and so the whole form, invalid, and Wagtail shows it on that row.

    This is a form check rather than a unique constraint on purpose: modelcluster saves the
    rows one by one, so an editor swapping the choices of two rows would break a constraint
    half-way through the save (a server error) although the result is valid.
    """
    seen = set()
    for form in formset.forms:
        if not form.is_valid() or form.cleaned_data.get(DELETION_FIELD_NAME):
            continue
        choice = form.cleaned_data.get(field_name)
        if choice is None:
            continue
        if choice.pk in seen:
            form.add_error(field_name, message.format(choice))
        seen.add(choice.pk)


def printable(value):
    """A short, printable version of what a user typed, to quote back in a message."""
    return Truncator("".join(char for char in value if char.isprintable())).chars(40)


class FacetField(forms.MultipleChoiceField):
    """One filter of a listing or of the search page: one or more values, e.g. theme slugs.

    Keeps the values it knows and remembers the others, so a mistyped or stale link still
    filters on what it got right and the form can say which values it ignored. `accept`
    optionally admits values beyond the choices (any year, say).
    """

    widget = forms.CheckboxSelectMultiple

    def __init__(self, *, accept=None, **kwargs):
        super().__init__(required=False, **kwargs)
        self.accept = accept
        self.ignored = []

    def clean(self, value):
        values = list(dict.fromkeys(str(item) for item in value or []))
        known = {str(choice) for choice, _ in self.choices}
        kept = [item for item in values if item in known or (self.accept and self.accept(item))]
        self.ignored = [item for item in values if item not in kept]
        return tuple(kept)


class FacetFilterForm(forms.Form):
    """The filters of a listing or of the search page, validated the same way everywhere.

    Unknown values never fail the form: they are left out and reported as form-wide errors
    (a field error would drop the field's known values too), which the page shows above
    the filters.
    """

    def clean(self):
        for field in self.fields.values():
            if isinstance(field, FacetField) and field.ignored:
                shown = ", ".join(printable(value) for value in field.ignored[:5])
                self.add_error(
                    None,
                    gettext("%(filter)s: %(values)s not recognised.")
                    % {"filter": field.label, "values": shown},
                )
        return super().clean()

    def known_parameters(self):
        """The form's valid values as query parameters, for the links that keep the current
        filters (pagination): unknown parameters and values are left out, so a link never
        carries along whatever else was in the address."""
        parameters = QueryDict(mutable=True)
        for name, field in self.fields.items():
            value = self.cleaned_data.get(name)
            if value in (None, "", ()):
                continue
            parameters.setlist(name, list(value) if isinstance(field, FacetField) else [value])
        return parameters

    def selected_labels(self, *names):
        """The labels of the values chosen, filter by filter (the filters `names`, else all
        in the form's order), in the reader's language: what a feed following these filters
        says in its title. A value accepted beyond the choices (a year) is its own label."""
        labels = []
        for name in names or self.fields:
            field = self.fields.get(name)
            chosen = self.cleaned_data.get(name) if isinstance(field, FacetField) else None
            if chosen:
                label_of = {str(value): str(label) for value, label in field.choices}
                labels += [label_of.get(value, value) for value in chosen]
        return labels

    @property
    def is_filtered(self):
        return any(
            self.cleaned_data.get(name)
            for name, field in self.fields.items()
            if isinstance(field, FacetField)
        )
