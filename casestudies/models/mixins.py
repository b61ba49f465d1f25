"""Behaviour shared by the pages a partner city publishes under its own city page."""

from django.db import models

from network_site.languages import localized_name
from network_site.structured_data import article, city_authority, city_place, themes


class CityContentMixin(models.Model):
    """A page that belongs to the partner city it sits under in the page tree.

    The tree is the single source of truth (it is what per-city page permissions act on).
    `city` is a copy of that ancestor, kept so listings can filter and show the city without
    walking the tree; `save()` and the page-moved signal keep it in step.
    """

    city = models.ForeignKey(
        "casestudies.CityPage",
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.path:
            self.city = self.find_city()
        super().save(*args, **kwargs)

    @classmethod
    def city_model(cls):
        """The partner city page model, as the `city` field names it."""
        return cls._meta.get_field("city").related_model

    def find_city(self):
        return self.city_model().objects.ancestor_of(self).first()

    def city_article(self, meta, request, schema_type, **extra):
        """The page's structured data as an article by its city (`network_site.
        structured_data`): written by the city's government, about its themes, set in the
        city with its coordinates; by the network where the page has no city."""
        city = self.city
        url = city.get_url(request) if city is not None else None
        if url is None:
            by_city = {"author": meta.network}
        else:
            url = request.build_absolute_uri(url)
            by_city = {
                "author": city_authority(city, url),
                "spatialCoverage": city_place(city, url),
            }
        return article(
            meta,
            self,
            schema_type,
            about=themes(localized_name(theme, request) for theme in self.themes.all()),
            **by_city,
            **extra,
        )
