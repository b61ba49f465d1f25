"""Factories for the toolkit pages (used by the tests)."""

import factory
import wagtail_factories

from network_site.factories import PageWithThemesFactory

from .models import GuidePage, RoadmapPage, ToolkitPage


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
