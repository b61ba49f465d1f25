"""The demo loader: builds the demo site from the data in `demo.data`."""

import logging
import uuid
from collections import Counter
from contextlib import contextmanager
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import transaction

from wagtail.documents import get_document_model
from wagtail.log_actions import log
from wagtail.models import Page, Site
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.utils.file import hash_filelike

from casestudies.models import (
    CaseStudyFigure,
    CaseStudyIndexPage,
    CaseStudyPage,
    CityCaseStudiesPage,
    CityIndexPage,
    CityPage,
    CityToolAudit,
    CityUpdatesPage,
    UpdateIndexPage,
    UpdatePage,
)
from demo.data import case_studies, cities, site, taxonomies, toolkit, updates
from demo.translations import translate_demo
from home.models import AboutPage, HomePage, HomePageFeaturedCollection, HomePageFeaturedPage
from network_site.languages import setup_languages
from network_site.models import Channel, Theme
from network_site.pages import site_is_empty
from toolkit.models import (
    CuratedCollection,
    CuratedCollectionItem,
    GuidePage,
    RoadmapPage,
    ToolkitPage,
    ToolkitPageFeaturedCollection,
)

RUN_AGAIN = "then run load_demo_content again"


class DemoLoadError(Exception):
    """The demo content cannot be loaded as the database stands; the message says why."""


class DemoLoader:
    """Loads the demo content of the Interactive Cities site (`manage.py load_demo_content`).

    Only into an empty site: one with no page but Wagtail's root and its untouched welcome
    page. On any other site it loads nothing and says so, so running it again (as every
    `make run` does) never re-creates a page an editor deleted, never adds a duplicate of
    one an editor renamed and never publishes over an editor's change. Themes, channels,
    documents and the curated collection an empty site may already have are reused by slug
    or title. Pages are published through a revision, as an editor would. The run ends by
    rebuilding the search index and the reference index.

    `stdout` receives the progress lines (with `verbosity` above 0).
    """

    def __init__(self, *, stdout, verbosity=1):
        self.stdout = stdout
        self.verbosity = verbosity
        self.seen = Counter()
        self.created = Counter()

    def run(self):
        """Load everything in one transaction, then rebuild the indexes; return a summary."""
        if not site_is_empty():
            return (
                "Nothing loaded: the site has pages already, and the demo content loads only "
                "into an empty site. To start again from the demo, delete db.sqlite3."
            )
        try:
            # The reference index is rebuilt once at the end, not on each of the ~2,000 saves.
            with (
                transaction.atomic(),
                self.wagtail_logs_only_when_verbose(),
                disable_reference_index_auto_update(),
            ):
                self.load()
                setup_languages()
                self.say("Languages: every page in every language, as an alias of English")
                self.translate()
        except ValidationError as error:
            raise DemoLoadError(
                f"Could not save the demo content: {error}. Fix the page named there in the "
                f"admin, {RUN_AGAIN}. Nothing has been saved."
            ) from error
        except DemoLoadError as error:
            raise DemoLoadError(f"{error} Nothing has been saved.") from error
        self.rebuild_indexes()
        return self.summary()

    @contextmanager
    def wagtail_logs_only_when_verbose(self):
        """Wagtail logs a line for every page created, edited and published: show those only
        with -v 2 or more, so the command's own progress lines stay readable."""
        wagtail_logger = logging.getLogger("wagtail")
        previous_level = wagtail_logger.level
        if self.verbosity < 2:
            wagtail_logger.setLevel(logging.WARNING)
        try:
            yield
        finally:
            wagtail_logger.setLevel(previous_level)

    def load(self):
        self.themes = self.ensure_snippets("Themes", Theme, taxonomies.THEMES)
        self.channels = self.ensure_snippets("Channels", Channel, taxonomies.CHANNELS)
        self.documents = self.ensure_documents(toolkit.DOCUMENTS)

        home = self.add_home()
        sections = {
            model: self.add_page("Site pages", home, model(show_in_menus=True, **data))
            for model, data in (
                (AboutPage, site.ABOUT),
                (CityIndexPage, site.CITIES),
                (CaseStudyIndexPage, site.CASE_STUDIES),
                (ToolkitPage, site.TOOLKIT),
                (UpdateIndexPage, site.UPDATES),
            )
        }
        self.report("Site pages")

        toolkit_page = sections[ToolkitPage]
        self.guides = {
            data["slug"]: self.add_page("Guides", toolkit_page, self.build_guide(data))
            for data in toolkit.GUIDES
        }
        self.report("Guides")

        # Publishing a city creates its two sections.
        self.cities = {
            data["slug"]: self.add_page("Cities", sections[CityIndexPage], self.build_city(data))
            for data in cities.CITIES
        }
        sections = CityCaseStudiesPage.objects.count() + CityUpdatesPage.objects.count()
        self.seen["City sections"] = self.created["City sections"] = sections
        self.report("Cities")
        self.report("City sections")

        self.case_studies = {}
        for data in case_studies.CASE_STUDIES:
            parent = CityCaseStudiesPage.objects.child_of(self.cities[data["city"]]).get()
            page = self.add_page("Case studies", parent, self.build_case_study(data))
            self.case_studies[f"{data['city']}/{data['slug']}"] = page
        self.report("Case studies")

        for data in updates.UPDATES:
            parent = CityUpdatesPage.objects.child_of(self.cities[data["city"]]).get()
            self.add_page("Updates", parent, self.build_update(data))
        self.report("Updates")

        self.add_page("Roadmap", toolkit_page, self.build_roadmap())
        self.report("Roadmap")

        collection = self.ensure_collection(toolkit.COLLECTION)
        self.feature_on_home(home, collection)
        self.feature_on_toolkit(toolkit_page, collection)

    def translate(self):
        """Publish the demo's translations, then change one English page after its
        translation, so that one translation shows it is out of date."""
        per_language = translate_demo()
        self.seen["Translations"] = self.created["Translations"] = sum(per_language.values())
        ghent = CityPage.objects.get(slug="ghent", locale__language_code="en")
        ghent.summary = cities.GHENT_SUMMARY_AFTER_TRANSLATION
        ghent.save_revision().publish()
        self.report("Translations")
        self.say("Translations: Ghent's Dutch page is left older than its English original")

    # Snippets and documents

    def ensure_snippets(self, label, model, rows):
        """Get or create each snippet by slug; return them by slug."""
        snippets = {}
        for row in rows:
            english = model.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
            snippet = english.filter(slug=row["slug"]).first()
            if snippet is None:
                if english.filter(name=row["name"]).exists():
                    raise DemoLoadError(
                        f"A {model._meta.verbose_name} named “{row['name']}” exists with a "
                        f"slug other than “{row['slug']}”. Give it that slug or rename it, "
                        f"{RUN_AGAIN}."
                    )
                snippet = model.objects.create(**row)
                self.created[label] += 1
            self.seen[label] += 1
            snippets[snippet.slug] = snippet
        self.report(label)
        return snippets

    def ensure_documents(self, rows):
        """Get or create each document by title; return them by title."""
        document_model = get_document_model()
        documents = {}
        for row in rows:
            document = document_model.objects.filter(title=row["title"]).first()
            if document is None:
                content = ContentFile(row["content"].encode(), name=row["filename"])
                document = document_model(
                    title=row["title"],
                    file=content,
                    file_size=content.size,
                    file_hash=hash_filelike(content),
                )
                document.save()
                self.created["Documents"] += 1
            self.seen["Documents"] += 1
            documents[document.title] = document
        self.report("Documents")
        return documents

    def ensure_collection(self, data):
        """Get or create the curated collection by slug; an existing one is left as it is."""
        label = "Curated collections"
        collection = CuratedCollection.objects.filter(slug=data["slug"]).first()
        if collection is None:
            data = dict(data)
            # Orderables made in code need their sort_order, which the admin's forms set:
            # left empty, the order the rows come back in is up to the database.
            collection = CuratedCollection(
                items=[
                    CuratedCollectionItem(page=self.demo_page(kind, key), sort_order=order)
                    for order, (kind, key) in enumerate(data.pop("pages"))
                ],
                **data,
            )
            collection.save()
            self.created[label] += 1
        self.seen[label] += 1
        self.report(label)
        return collection

    # Pages

    def add_home(self):
        """Add the home page and make it the default site's root.

        Wagtail's untouched "Welcome to your new Wagtail site!" page holds the slug "home":
        it gets out of the way first and is deleted once the home page is the root.
        """
        root = Page.get_first_root_node()
        welcome = root.get_children().filter(alias_of__isnull=True).first()
        if welcome is not None:
            Page.objects.filter(alias_of=welcome).delete()  # its aliases in other languages
            Page.objects.filter(pk=welcome.pk).update(slug=f"welcome-{welcome.pk}")
        home = self.add_page("Site pages", root, HomePage(**site.HOME))
        default_site = Site.objects.filter(is_default_site=True).first()
        if default_site is None:
            default_site = Site(hostname="localhost", port=80, is_default_site=True)
        default_site.root_page = home
        # The admin's dashboard shows the site name; Wagtail's default site has none.
        default_site.site_name = default_site.site_name or settings.WAGTAIL_SITE_NAME
        default_site.save()
        if welcome is not None:
            welcome.delete()
        return home

    def add_page(self, label, parent, page):
        """Add `page` under `parent` and publish it through a revision, as the admin does."""
        parent.add_child(instance=page)
        revision = page.save_revision()
        log(page, "wagtail.create")
        revision.publish()
        self.created[label] += 1
        self.seen[label] += 1
        return page

    def demo_page(self, kind, key):
        """A case study ("<city slug>/<slug>") or a guide (slug) of the demo content."""
        return {"case_study": self.case_studies, "guide": self.guides}[kind][key]

    def feature_on_home(self, home, collection):
        """Feature the demo's chosen pages and the collection on a newly created home page."""
        home = HomePage.objects.get(pk=home.pk)
        home.featured_pages = [
            HomePageFeaturedPage(page=self.demo_page(kind, key), sort_order=order)
            for order, (kind, key) in enumerate(site.FEATURED)
        ]
        home.featured_collections = [
            HomePageFeaturedCollection(collection=collection, sort_order=0)
        ]
        home.save_revision().publish()
        self.say(f"Home page: {len(site.FEATURED)} featured pages, 1 featured collection")

    def feature_on_toolkit(self, toolkit_page, collection):
        """Feature the collection on a newly created toolkit page."""
        toolkit_page = ToolkitPage.objects.get(pk=toolkit_page.pk)
        toolkit_page.featured_collections = [
            ToolkitPageFeaturedCollection(collection=collection, sort_order=0)
        ]
        toolkit_page.save_revision().publish()
        self.say("Toolkit page: 1 featured collection")

    # Building new pages from the data

    def build_guide(self, data):
        data = dict(data)
        return GuidePage(
            themes=pick(self.themes, data.pop("themes")),
            steps=[
                {"type": "step", "value": {"title": title, "body": body}}
                for title, body in data.pop("steps")
            ],
            resources=[
                {
                    "type": "resource",
                    "value": {
                        "document": self.documents[title].pk,
                        "title": "",
                        "description": description,
                    },
                }
                for title, description in data.pop("resources")
            ],
            **data,
        )

    def build_city(self, data):
        data = dict(data)
        return CityPage(
            tool_audit=[
                CityToolAudit(
                    channel=self.channels[channel], purpose=purpose, audience=audience, stage=stage
                )
                for channel, purpose, audience, stage in data.pop("tool_audit")
            ],
            **data,
        )

    def build_case_study(self, data):
        data = dict(data)
        del data["city"]  # The page's place in the tree says which city it belongs to.
        tags = data.pop("tags")
        page = CaseStudyPage(
            themes=pick(self.themes, data.pop("themes")),
            channels=pick(self.channels, data.pop("channels")),
            related_guides=pick(self.guides, data.pop("related_guides")),
            figures=[
                CaseStudyFigure(value=Decimal(value), unit=unit, label=label)
                for value, unit, label in data.pop("figures")
            ],
            **data,
        )
        page.tags.add(*tags)
        return page

    def build_update(self, data):
        data = dict(data)
        del data["city"]
        return UpdatePage(themes=pick(self.themes, data.pop("themes")), **data)

    def build_roadmap(self):
        data = dict(toolkit.ROADMAP)
        phases = [
            {
                "type": "phase",
                "value": {
                    **phase,
                    "steps": list_items(phase["steps"]),
                    "roles": list_items(phase["roles"]),
                    "guides": list_items(self.guides[slug].pk for slug in phase["guides"]),
                    "case_studies": list_items(
                        self.case_studies[key].pk for key in phase["case_studies"]
                    ),
                },
            }
            for phase in data.pop("phases")
        ]
        return RoadmapPage(phases=phases, **data)

    # Indexes and output

    def rebuild_indexes(self):
        # The index commands print one line per model; show those only with -v 2 or more.
        options = {"verbosity": max(self.verbosity - 1, 0), "stdout": self.stdout}
        call_command("search_index", "rebuild", **options)
        call_command("update_index", **options)
        self.say("Search indexes rebuilt (site search and admin search)")
        call_command("rebuild_references_index", **options)
        self.say("Reference index rebuilt")

    def report(self, label):
        self.say(f"{label}: {self.seen[label]} ({self.created[label]} created)")

    def say(self, message):
        if self.verbosity > 0:
            self.stdout.write(message)

    def summary(self):
        created = [f"{label.lower()}: {count}" for label, count in self.created.items() if count]
        return f"Created {', '.join(created)}."


def pick(objects, keys):
    """The objects with the given keys (slugs), in the given order."""
    return [objects[key] for key in keys]


def list_items(values):
    """Raw ListBlock data in the current format, each item with its own id."""
    return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values]
