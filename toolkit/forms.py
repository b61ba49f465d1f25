"""The admin forms of curated collections and of the pages that feature them."""

from django.utils.translation import gettext_lazy

from wagtail.admin.forms import WagtailAdminModelForm

from network_site.forms import SitePageForm, refuse_repeated_choices


class CuratedCollectionForm(WagtailAdminModelForm):
    """A collection lists each page once."""

    def clean(self):
        cleaned_data = super().clean()
        refuse_repeated_choices(
            self.formsets["items"], "page", gettext_lazy("“{}” is already in this collection.")
        )
        return cleaned_data


class FeaturedCollectionsPageForm(SitePageForm):
    """The edit form of a page that features curated collections: each one at most once."""

    def clean(self):
        cleaned_data = super().clean()
        refuse_repeated_choices(
            self.formsets["featured_collections"],
            "collection",
            gettext_lazy("“{}” is already featured on this page."),
        )
        return cleaned_data
