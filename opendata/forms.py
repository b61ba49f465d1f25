"""The filters of the case-study exports, validated like the listing's and the search's."""

from django.utils.translation import gettext_lazy

from casestudies.forms import ListingFilterForm
from network_site.countries import EUROPEAN_COUNTRIES
from network_site.forms import FacetField
from network_site.languages import in_reader_language
from network_site.models import Channel
from search.facets import FACET_NAMES
from search.forms import YEAR, QueryTextField


class ExportFilterForm(ListingFilterForm):
    """The listing's filters (`city`, `theme`, validated by the listing's own form) and the
    other facets of the search (`country`, `channel`, `year`), plus its words (`q`).

    The facets mean what they mean in the search: any value within a facet, every facet
    with a value must match; `year` is the year a practice started, and any year is
    accepted. A value that names nothing is left out, as the listing and the search leave
    it out, and the other values still filter. Any input gives a valid form.
    """

    q = QueryTextField(required=False, label=gettext_lazy("Search for"))
    country = FacetField(label=FACET_NAMES["country"], choices=EUROPEAN_COUNTRIES)
    channel = FacetField(label=FACET_NAMES["channel"])
    year = FacetField(label=FACET_NAMES["year"], accept=YEAR.fullmatch)

    def __init__(self, data, *, cities):
        super().__init__(
            data, fields=["city", "theme", "q", "country", "channel", "year"], cities=cities
        )
        self.fields["channel"].choices = [
            (channel.slug, channel.name) for channel in in_reader_language(Channel)
        ]
