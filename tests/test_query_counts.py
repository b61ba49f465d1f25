"""Every public page type takes as many database queries with a lot of content as with a
little: no query per card, per tag, per related page or per city.

One module rather than one per app: the counts are only meaningful against a site where
every kind of content grows together (cities, case studies with their tags, channels,
figures and images, guides, updates, the roadmap's links, curated collections), and that
site is built once here, at two sizes, for the pages of every app (home, casestudies,
toolkit, search).

The site is measured at a small size, grown to more than twice that size, and measured
again: each page must take exactly as many queries at both sizes, and no more than its
ceiling. Each count is taken after one request has filled the caches a running server
keeps warm (the site's root paths, image renditions); the full page cache is off, so the
counts are those of a page rendered from the database.
"""

import datetime

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

import pytest
from wagtail_factories import ImageFactory

from casestudies.factories import CaseStudyPageFactory, CityPageFactory, UpdatePageFactory
from casestudies.models import CaseStudyFigure, CityToolAudit
from home.factories import AboutPageFactory
from home.models import HomePage, HomePageFeaturedCollection, HomePageFeaturedPage
from network_site.factories import ChannelFactory, ThemeFactory
from network_site.models import Theme
from search.indexer import rebuild
from tests.conftest import fresh, rolled_back
from toolkit.factories import CuratedCollectionFactory, GuidePageFactory, RoadmapPageFactory
from toolkit.models import CuratedCollectionItem, ToolkitPage, ToolkitPageFeaturedCollection

pytestmark = pytest.mark.django_db

SMALL, LARGE = 3, 7  # Content added in the second round is named "<kind> r2-<n>".

CASE_STUDY = "/en/cities/tartu/case-studies/subject/"
GUIDE = "/en/toolkit/subject-guide/"
UPDATE = "/en/cities/tartu/updates/subject-update/"
FACETED = "q=meetings&theme=governance&theme=inclusion&city=tartu&type=case-study"

# Each public page type: the most queries it may take, and what it shows at the larger
# size that it did not show at the smaller one (so the page did grow). Since the ten
# languages, a page takes one query for its versions in every language (the switcher and
# the hreflang links) and one per kind of tag it names in the reader's language.
PAGES = {
    "/en/": (20, "City r2-3"),
    "/en/about/": (11, "Theme r2-3"),
    "/en/cities/": (11, "City r2-3"),
    "/en/cities/tartu/": (18, "Purpose 6"),
    "/en/case-studies/": (17, "15 case studies"),
    "/en/case-studies/?city=tartu&theme=governance": (17, "8 case studies match"),
    "/en/cities/tartu/case-studies/": (16, "8 case studies"),
    "/en/updates/": (17, "15 updates"),
    "/en/cities/tartu/updates/": (16, "8 updates"),
    CASE_STUDY: (17, "subject-r2-3"),
    UPDATE: (11, "Theme r2-3"),
    "/en/toolkit/": (22, "Guide r2-3"),
    GUIDE: (13, "Meetings r2-0"),
    "/en/toolkit/roadmap/": (13, "Phase r2-3"),
    "/en/case-studies/feed/": (12, "Meetings r2-3"),
    "/en/case-studies/feed/?city=tartu&theme=governance": (12, "Meetings r2-3"),
    "/en/updates/feed/": (12, "News r2-3"),
    "/en/cities/tartu/case-studies/feed/": (11, "Meetings r2-3"),
    "/en/cities/tartu/feed/": (11, "Meetings r2-3"),
    f"/en/search/feed/?{FACETED}": (8, "Meetings r2-3"),
    "/en/search/?q=meetings": (13, "8 results"),
    f"/en/search/?{FACETED}": (13, "8 results"),
    f"/en/api/search/?{FACETED}": (9, '"total": 8'),
}


class Grower:
    """Adds content to the test site, `size` of each kind at a time, so that every list on
    every page gets longer: cities, case studies (with images, themes, channels, tags,
    figures), guides, updates, the roadmap's links, curated collections and what the home
    page features, plus the tags, channels, figures, related guides and publications of
    one case study (the subject) and the case studies of one guide."""

    def __init__(self, site):
        self.home = HomePage.objects.get(pk=site["home"])
        self.toolkit = ToolkitPage.objects.get(pk=site["toolkit"])
        self.tartu = fresh(site["tartu"])
        self.round = 0
        AboutPageFactory(parent=self.home)
        self.guide = GuidePageFactory(parent=self.toolkit, title="Subject guide")
        self.subject = CaseStudyPageFactory(
            parent=self.tartu.case_studies_section,
            title="Subject",
            slug="subject",
            summary="Virtual meetings for everyone.",
            image=ImageFactory(),
        )
        self.update = UpdatePageFactory(
            parent=self.tartu.updates_section, title="Subject update", slug="subject-update"
        )
        self.roadmap = RoadmapPageFactory(parent=self.toolkit)
        self.collection = CuratedCollectionFactory(title="Start here")
        home_page = fresh(self.home.pk)
        home_page.featured_collections = [
            HomePageFeaturedCollection(collection=self.collection, sort_order=0)
        ]
        home_page.save_revision().publish()
        toolkit_page = fresh(self.toolkit.pk)
        toolkit_page.featured_collections = [
            ToolkitPageFeaturedCollection(collection=self.collection, sort_order=0)
        ]
        toolkit_page.save_revision().publish()

    def grow(self, size):
        self.round += 1
        label = f"r{self.round}"
        # Governance and environment first: the pages below take the first two or three.
        themes = list(Theme.objects.filter(slug__in=["governance", "environment", "inclusion"]))
        themes += [ThemeFactory(name=f"Theme {label}-{n}") for n in range(size)]
        channels = [ChannelFactory(name=f"Channel {label}-{n}") for n in range(size)]
        for n in range(size):
            city = CityPageFactory(parent=self.tartu.get_parent(), title=f"City {label}-{n}")
            UpdatePageFactory(parent=city.updates_section, themes=themes[:2])
            CaseStudyPageFactory(parent=city.case_studies_section, themes=themes[:2])
        guides = [
            GuidePageFactory(parent=self.toolkit, title=f"Guide {label}-{n}", themes=themes[:3])
            for n in range(size)
        ]
        case_studies = [
            CaseStudyPageFactory(
                parent=self.tartu.case_studies_section,
                title=f"Meetings {label}-{n}",
                summary="Virtual meetings about plans.",
                image=ImageFactory(),
                themes=themes[:2],
                related_guides=[self.guide, *guides],
            )
            for n in range(size)
        ]
        for case_study in case_studies:
            case_study.channels.set(channels)
            case_study.tags.add(*[f"tag-{label}-{n}" for n in range(size)])
            case_study.save_revision().publish()
        for n in range(size):
            UpdatePageFactory(
                parent=self.tartu.updates_section,
                title=f"News {label}-{n}",
                themes=themes[:2],
                date=datetime.date.today(),
            )
        for channel in channels:
            CityToolAudit.objects.create(
                city=self.tartu,
                channel=channel,
                purpose=f"Purpose {CityToolAudit.objects.count()}",
                audience="Everyone",
            )
        update = fresh(self.update.pk)
        update.themes.set(themes)
        update.save_revision().publish()

        subject = fresh(self.subject.pk)
        subject.themes.set(themes)
        subject.channels.set([*subject.channels.all(), *channels])
        subject.related_guides.set([*subject.related_guides.all(), *guides])
        subject.tags.add(*[f"subject-{label}-{n}" for n in range(size)])
        for n in range(size):
            subject.figures.add(CaseStudyFigure(value=n, unit="%", label=f"Figure {label}-{n}"))
        for n in range(size):
            subject.change_summary = f"Change {label}-{n}"
            subject.save_revision().publish()

        roadmap = fresh(self.roadmap.pk)
        phase = roadmap.phases[0].value
        phase["guides"] = [*phase["guides"], *guides]
        phase["case_studies"] = [*phase["case_studies"], *case_studies]
        for n in range(size):
            roadmap.phases.append(
                (
                    "phase",
                    {
                        "title": f"Phase {label}-{n}",
                        "goal": "Know what you use.",
                        "steps": ["List every channel"],
                        "typical_duration": "1 month",
                        "roles": ["Communication team"],
                        "guides": guides[n : n + 1],
                        "case_studies": case_studies[n : n + 1],
                    },
                )
            )
        roadmap.save_revision().publish()

        pages = [*case_studies, *guides]
        start = self.collection.items.count()
        self.collection.items.add(
            *[
                CuratedCollectionItem(page=page, sort_order=start + order)
                for order, page in enumerate(pages)
            ]
        )
        self.collection.save()
        home_start = HomePageFeaturedPage.objects.filter(home_page=self.home).count()
        HomePageFeaturedPage.objects.bulk_create(
            HomePageFeaturedPage(home_page=self.home, page=page, sort_order=home_start + order)
            for order, page in enumerate(pages)
        )
        rebuild()


def count_queries(client, url):
    """The queries of one request for `url`, after a first request has warmed the caches,
    and the text of the page."""
    assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries), response.content.decode()


@pytest.fixture(scope="module")
def measured(site, django_db_blocker):
    """For each page of PAGES: its number of queries at SMALL and at LARGE, and its text
    at LARGE."""
    with rolled_back(django_db_blocker):
        grower = Grower(site)
        grower.grow(SMALL)
        client = Client()
        small = {url: count_queries(client, url)[0] for url in PAGES}
        grower.grow(LARGE - SMALL)
        large = {url: count_queries(client, url) for url in PAGES}
        yield {url: (small[url], *large[url]) for url in PAGES}


@pytest.mark.parametrize("url", PAGES)
def test_queries_do_not_grow_with_the_content(measured, url):
    ceiling, grown = PAGES[url]
    small, large, text = measured[url]
    assert grown in text  # The page shows more at the larger size...
    assert large == small  # ...with the same number of queries,
    assert large <= ceiling  # and no more than its ceiling.
