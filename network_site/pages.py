"""What the site's pages share: the one rule for what readers may see, provenance and the
public change history.

Every public place (pages served by URL, listings, feeds, the home page, guides, the
roadmap, curated collections, search documents and the re-check of search hits) asks
`readable()` which pages a reader may see; nothing else decides it.
"""

import datetime
from itertools import islice, pairwise
from typing import NamedTuple

from django.db import models
from django.db.models import Exists, F, OuterRef, prefetch_related_objects
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Substr
from django.utils.functional import cached_property

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page, PageLogEntry, PageManager
from wagtail.query import PageQuerySet

from .forms import ChangeHistoryPageForm


class SitePageQuerySet(PageQuerySet):
    """Wagtail's page queryset with the site's reader rule."""

    def readable(self):
        """The pages readers may see: live, public, and below no unpublished page.

        The last part is what hides a partner city's content when the city is unpublished:
        its case studies and updates sit below it in the tree. It also keeps a page out while
        a section above it is unpublished, so what the tree hides stays hidden everywhere.
        """
        return self.published_in_full().public()

    def published_in_full(self):
        """Live pages none of whose ancestors is unpublished. Serving a page by URL checks
        this (see `network_site.wagtail_hooks`); Wagtail itself checks privacy there.

        In the same query: an ancestor's path is the start of the page's path, one
        `Page.steplen` step per level of depth.
        """
        unpublished_ancestor = Page.objects.filter(
            live=False,
            numchild__gt=0,
            depth__lt=OuterRef("depth"),
            path=Substr(OuterRef("path"), 1, F("depth") * Page.steplen),
        )
        return self.live().exclude(Exists(unpublished_ancestor))


class SitePageManager(PageManager.from_queryset(SitePageQuerySet)):
    """The manager of every page type of the site: `Model.objects.readable()`."""


def readable_pages():
    """Every page readers may see, of any type (for lists that mix page types)."""
    return SitePageQuerySet(Page).readable()


def readable_in_order(page_ids):
    """The pages among `page_ids` that readers may see, as their specific types, in the
    order given: for pages an editor chose (featured pages, curated collections).

    The cards show the city and the image of a case study: each is fetched in one query
    for all the cards.
    """
    pages = readable_pages().filter(pk__in=page_ids).specific().in_bulk()
    chosen = [pages[page_id] for page_id in page_ids if page_id in pages]
    prefetch_related_objects([page for page in chosen if hasattr(page, "city_id")], "city")
    prefetch_related_objects([page for page in chosen if hasattr(page, "image_id")], "image")
    return chosen


def keep_readable(pages):
    """The page instances among `pages` that readers may see, in their order, with the
    cities of case studies and updates fetched in one query."""
    readable_ids = set(
        readable_pages().filter(pk__in=[page.pk for page in pages]).values_list("pk", flat=True)
    )
    kept = [page for page in pages if page.pk in readable_ids]
    prefetch_related_objects([page for page in kept if hasattr(page, "city_id")], "city")
    return kept


class SitePage(Page):
    """The base of every page type of the site: gives it the reader rule's manager."""

    objects = SitePageManager()

    class Meta:
        abstract = True


class SampleContentMixin(models.Model):
    """Flags a page whose text goes beyond documented facts, so readers see it is illustrative."""

    is_sample_content = models.BooleanField(
        "sample content",
        default=False,
        help_text=(
            "Tick when the page holds illustrative text rather than reported results. "
            "Readers then see a clear 'sample content' notice."
        ),
    )
    sample_content_note = models.CharField(
        max_length=300,
        blank=True,
        help_text="Optional: say which parts are documented and which are illustrative.",
    )

    sample_content_panel = MultiFieldPanel(
        ["is_sample_content", "sample_content_note"], heading="Sample content"
    )

    class Meta:
        abstract = True


class PublishedChange(NamedTuple):
    """One line of a page's public change history."""

    published_at: datetime.datetime
    summary: str


class ChangeHistoryMixin(models.Model):
    """Gives a page a public change history: the date and summary of each publication.

    The history is read from Wagtail's audit log (every publication, including scheduled
    ones, logs an entry pointing at the revision it published) and each revision's
    `change_summary`, so no other table is kept and the admin's page history stays the full
    record. Purging old revisions (`manage.py purge_revisions`) turns their summaries into
    "Small corrections".
    """

    PUBLISH_ACTIONS = ("wagtail.publish", "wagtail.publish.scheduled")
    HISTORY_LENGTH = 10

    change_summary = models.CharField(
        max_length=200,
        blank=True,
        help_text=(
            "What changed, in one sentence, for the page's public change history. "
            "Leave blank for a small correction."
        ),
    )

    change_summary_panel = FieldPanel("change_summary")
    base_form_class = ChangeHistoryPageForm

    class Meta:
        abstract = True

    def publications(self):
        """This page's entries in the audit log for being published, newest first."""
        return PageLogEntry.objects.filter(
            page_id=self.pk, action__in=self.PUBLISH_ACTIONS
        ).order_by("-timestamp", "-pk")

    def has_published_summary(self, summary):
        """Whether `summary` is the change summary of one of this page's publications."""
        return self.publications().filter(revision__content__change_summary=summary).exists()

    @cached_property
    def change_history(self):
        """The newest publications as readers see them, newest first (one query).

        A publication without a summary reads "First published" if it is the first, and
        "Small corrections" otherwise. So does one that repeats the summary of the
        publication before it (a bulk publish in the admin republishes the page as it is):
        a summary is shown once, on the publication that brought it.
        """
        if not self.pk:
            return []
        # One more row than is shown, to know whether the oldest shown is the first
        # publication and what the publication before it said.
        # KeyTextTransform rather than KT(): KT's lookup string cannot follow a relation.
        publications = self.publications().values_list(
            "timestamp", KeyTextTransform("change_summary", "revision__content")
        )
        rows = list(publications[: self.HISTORY_LENGTH + 1])
        history = []
        # Each publication with the one before it (None for the first).
        pairs = pairwise([*rows, None])
        for (published_at, summary), older in islice(pairs, self.HISTORY_LENGTH):
            if older is None:
                summary = summary or "First published"
            elif not summary or summary == older[1]:
                summary = "Small corrections"
            history.append(PublishedChange(published_at, summary))
        return history
