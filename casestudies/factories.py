"""Factories for partner cities, case studies and updates (used by the tests)."""

import datetime

import factory
import wagtail_factories

from network_site.factories import PageWithThemesFactory

from .models import (
    CaseStudyIndexPage,
    CaseStudyPage,
    CityIndexPage,
    CityPage,
    UpdateIndexPage,
    UpdatePage,
)


class CityIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CityIndexPage

    title = "Partner cities"
    slug = "cities"


class CityPageFactory(wagtail_factories.PageFactory):
    """A partner city with its 'Case studies' and 'Updates' sections."""

    class Meta:
        model = CityPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"City {n}")
    slug = factory.LazyAttribute(lambda o: o.title.lower().replace(" ", "-"))
    country = "EE"
    population = 97000
    population_year = 2023
    latitude = "58.37800"
    longitude = "26.72900"
    summary = "A university city in the south of the country."

    @factory.post_generation
    def sections(self, create, extracted, **kwargs):
        if create:
            self.ensure_sections()


class CaseStudyPageFactory(PageWithThemesFactory):
    """A case study; pass `parent=city.case_studies_section`."""

    class Meta:
        model = CaseStudyPage

    @factory.post_generation
    def related_guides(self, create, extracted, **kwargs):
        if extracted:
            self.related_guides.set(extracted)
            if create:
                self.save()

    title = factory.Sequence(lambda n: f"Case study {n}")
    summary = "What the city tried and what came of it."
    challenge = "<p>Citizens could not find where to send their comments.</p>"
    approach = "<p>The city answered on the channels citizens already used.</p>"
    results = "<p>Comments reached the right office.</p>"
    start_year = 2016


class UpdatePageFactory(PageWithThemesFactory):
    """A partner update; pass `parent=city.updates_section`."""

    class Meta:
        model = UpdatePage

    title = factory.Sequence(lambda n: f"Update {n}")
    date = datetime.date(2017, 5, 1)
    summary = "News from the city."
    body = factory.LazyFunction(lambda: [("paragraph", "<p>What happened this month.</p>")])


class CaseStudyIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CaseStudyIndexPage

    title = "Case studies"
    slug = "case-studies"


class UpdateIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = UpdateIndexPage

    title = "Partner updates"
    slug = "updates"
