"""The filter form shared by the listing pages (/case-studies/, /updates/, city sections)."""

from network_site.forms import FacetField, FacetFilterForm
from network_site.models import Theme


class ListingFilterForm(FacetFilterForm):
    """Validates a listing's GET filters; `city` and `theme` each take one or more slugs.

    `cities` are the city pages readers may choose from; `fields` the filters the listing
    offers (a city's own section has no city filter).
    """

    city = FacetField(label="City")
    theme = FacetField(label="Theme")

    def __init__(self, data, *, fields, cities):
        super().__init__(data)
        for name in set(self.fields) - set(fields):
            del self.fields[name]
        if "city" in self.fields:
            self.fields["city"].choices = cities.values_list("slug", "title")
        self.fields["theme"].choices = Theme.objects.values_list("slug", "name")
