"""Admin forms shared by the page types."""

from django.forms.formsets import DELETION_FIELD_NAME

from wagtail.admin.forms import WagtailAdminPageForm


class ChangeHistoryPageForm(WagtailAdminPageForm):
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


class FeaturedCollectionsPageForm(WagtailAdminPageForm):
    """The edit form of a page that features curated collections: each one at most once."""

    def clean(self):
        cleaned_data = super().clean()
        refuse_repeated_choices(
            self.formsets["featured_collections"],
            "collection",
            "“{}” is already featured on this page.",
        )
        return cleaned_data
