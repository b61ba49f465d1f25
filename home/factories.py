"""Factories for the home and about pages (used by the tests)."""

import wagtail_factories

from .models import AboutPage, HomePage


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
