"""The case study's admin form, and the filter form shared by the listing pages
(/case-studies/, /updates/, city sections)."""

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy, ngettext

from network_site.forms import ChangeHistoryPageForm, FacetField, FacetFilterForm
from network_site.languages import in_reader_language
from network_site.models import Theme


class CaseStudyPageForm(ChangeHistoryPageForm):
    """The case study's admin form. "Related toolkit guides" offers the guides readers can
    see, plus any the page links to already: a partner never sees the title of a guide the
    editors have not published, and a save never drops a link an editor made. It takes at
    most `MAX_RELATED_GUIDES` of them, all of which the page shows."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["related_guides"]
        guides = field.queryset.model.objects
        linked = [guide.pk for guide in self.instance.related_guides.all()]
        field.queryset = guides.filter(
            Q(pk__in=guides.readable().values("pk")) | Q(pk__in=linked)
        ).order_by("title")

    def clean_related_guides(self):
        guides = self.cleaned_data["related_guides"]
        most = self.instance.MAX_RELATED_GUIDES
        if len(guides) > most:
            raise ValidationError(
                ngettext(
                    "Choose at most %(most)s guide: the one this practice illustrates best.",
                    "Choose at most %(most)s guides: the ones this practice illustrates best.",
                    most,
                )
                % {"most": most}
            )
        return guides


class ListingFilterForm(FacetFilterForm):
    """Validates a listing's GET filters; `city` and `theme` each take one or more slugs.

    `cities` are the city pages readers may choose from; `fields` the filters the listing
    offers (a city's own section has no city filter).
    """

    city = FacetField(label=gettext_lazy("City"))
    theme = FacetField(label=gettext_lazy("Theme"))

    def __init__(self, data, *, fields, cities):
        super().__init__(data)
        for name in set(self.fields) - set(fields):
            del self.fields[name]
        if "city" in self.fields:
            self.fields["city"].choices = cities.values_list("slug", "title")
        self.fields["theme"].choices = [
            (theme.slug, theme.name) for theme in in_reader_language(Theme)
        ]
