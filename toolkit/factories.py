"""Factories for the toolkit pages (used by the tests)."""

from django.utils.text import slugify

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from network_site.factories import PageWithThemesFactory

from .models import CuratedCollection, CuratedCollectionItem, GuidePage, RoadmapPage, ToolkitPage


class ToolkitPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ToolkitPage

    title = "Toolkit"
    slug = "toolkit"


class GuidePageFactory(PageWithThemesFactory):
    class Meta:
        model = GuidePage

    title = factory.Sequence(lambda n: f"Guide {n}")
    summary = "How to do one thing well."
    audience = "City communication teams"
    steps = factory.LazyFunction(
        lambda: [("step", {"title": "List your channels", "body": "<p>Write them down.</p>"})]
    )


class RoadmapPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = RoadmapPage

    title = "Implementation roadmap"
    slug = "roadmap"
    introduction = "The phases a city goes through."
    phases = factory.LazyFunction(
        lambda: [
            (
                "phase",
                {
                    "title": "Audit your channels",
                    "goal": "Know what you use.",
                    "steps": ["List every channel"],
                    "typical_duration": "1 month",
                    "roles": ["Communication team"],
                    "guides": [],
                    "case_studies": [],
                },
            )
        ]
    )


class CuratedCollectionFactory(DjangoModelFactory):
    """A curated collection; `CuratedCollectionFactory(pages=[a, b])` lists a, then b."""

    class Meta:
        model = CuratedCollection
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Collection {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    introduction = "Where to begin if your city is new to this."

    @factory.post_generation
    def pages(self, create, extracted, **kwargs):
        if extracted:
            self.items = [
                CuratedCollectionItem(page=page, sort_order=order)
                for order, page in enumerate(extracted)
            ]
            if create:
                self.save()
