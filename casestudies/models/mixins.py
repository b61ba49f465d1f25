"""Behaviour shared by the pages a partner city publishes under its own city page."""

from django.db import models


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
