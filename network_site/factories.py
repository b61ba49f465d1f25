"""Factories for the taxonomies and what page factories share (used by the tests)."""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from .models import Channel, Theme


class ThemeFactory(DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))
    description = "What this URBACT area covers."


class ChannelFactory(DjangoModelFactory):
    class Meta:
        model = Channel
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Channel {n}")
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-").replace("/", "-"))
    kind = Channel.Kind.SOCIAL_MEDIA


class PageWithThemesFactory(wagtail_factories.PageFactory):
    """Sets `themes` (a ParentalManyToManyField) after creation: `Factory(themes=[t1, t2])`."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if extracted:
            self.themes.set(extracted)
            if create:
                self.save()
