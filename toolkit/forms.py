"""The admin form of a curated collection."""

from wagtail.admin.forms import WagtailAdminModelForm

from network_site.forms import refuse_repeated_choices


class CuratedCollectionForm(WagtailAdminModelForm):
    """A collection lists each page once."""

    def clean(self):
        cleaned_data = super().clean()
        refuse_repeated_choices(
            self.formsets["items"], "page", "“{}” is already in this collection."
        )
        return cleaned_data
