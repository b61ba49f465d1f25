"""Factories for the site-wide pages and taxonomies (used by the tests)."""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from .models import AboutPage, Channel, HomePage, Theme


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


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Interactive Cities"
    slug = "home"
    introduction = "<p>Ten European cities learning to govern with their citizens online.</p>"


class AboutPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = AboutPage

    title = "About the network"
    slug = "about"
    introduction = "How the network came about."
    total_budget_eur = "716745.00"
    erdf_contribution_eur = "549820.00"


class SearchIndexedPageFactory(wagtail_factories.PageFactory):
    """Creates pages that are in the search index, as published pages are on the site."""

    class Meta:
        abstract = True

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        super()._after_postgeneration(instance, create, results)
        if create:
            from search.indexer import reindex_subtree

            reindex_subtree(instance.pk)


class PageWithThemesFactory(SearchIndexedPageFactory):
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
