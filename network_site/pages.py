"""What the site's pages share: the one rule for what readers may see, provenance and the
public change history.

Every public place (pages served by URL, listings, feeds, the home page, guides, the
roadmap, curated collections, search documents and the re-check of search hits) asks
`readable()` which pages a reader may see; nothing else decides it.

Which language's version of a page a reader gets is a second, separate question:
`in_language()` keeps the pages of the reader's language tree (every page is there once,
translated or as an alias of the English page), and `localized()` turns pages an editor
linked to, which are English, into their versions in the reader's language.
"""

import datetime
from itertools import islice, pairwise
from typing import NamedTuple

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import (
    BooleanField,
    Expression,
    F,
    prefetch_related_objects,
)
from django.db.models.fields.json import KeyTextTransform
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import format_lazy
from django.utils.translation import get_language, gettext, gettext_lazy

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Locale, Page, PageLogEntry, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet

from .forms import ChangeHistoryPageForm, SitePageForm
from .routing import OneQueryRoutingMixin, known_ancestors
from .structured_data import web_page


class SitePageQuerySet(PageQuerySet):
    """Wagtail's page queryset with the site's reader rule."""

    def in_language(self, language_code=None):
        """The pages of one language's tree: the active language's unless one is given.

        The locale is compared as `locale_id + 0`, which no index serves: otherwise SQLite
        (which plans without statistics) reads the whole language through the locale's
        index and sorts it, where it should read a listing in its order through the
        order's index (casestudies migration 0009) and skip the other languages' pages.
        """
        code = language_code or get_language()
        return self.alias(page_locale=F("locale_id") + 0).filter(
            page_locale__in=Locale.objects.filter(language_code=code).values("pk")
        )

    def localized(self):
        """The versions of these pages in the active language, for the pages an editor chose
        or linked to (featured pages, a guide's case studies), which are the English ones."""
        return self.model._default_manager.filter(
            translation_key__in=self.values("translation_key")
        ).in_language()

    def readable(self):
        """The pages readers may see: live, public, and below no unpublished page.

        The last part is what hides a partner city's content when the city is unpublished:
        its case studies and updates sit below it in the tree. It also keeps a page out while
        a section above it is unpublished, so what the tree hides stays hidden everywhere.
        """
        pages = self.published_in_full().unrestricted()
        if getattr(self.model, "few_of_a_kind", False):
            # The page type again, in the page table's own terms (its content type, which
            # is indexed): SQLite, which plans without table statistics, then reads this
            # type's pages rather than every page of the site (10 city pages, not 10,000).
            pages = pages.type(self.model)
        return pages

    def unrestricted(self):
        """Pages with no view restriction on themselves or an ancestor: Wagtail's `public()`,
        as a subquery of the same query (`public()` reads every restriction in a query of
        its own as soon as it is called, whether or not the pages are ever read)."""
        return self.exclude(RestrictedFromAbove())

    def published_in_full(self):
        """Live pages none of whose ancestors is unpublished. Serving a page by URL checks
        this (see `network_site.wagtail_hooks`); Wagtail itself checks privacy there."""
        return self.live().exclude(UnpublishedAbove())


class TreeCondition(Expression):
    """A condition on a page and the pages above it in the tree, written in SQL once: the
    reader rule is part of nearly every query of every page, and building it from
    querysets (`Exists` of a filtered queryset, resolved anew in each query) cost more
    than 2 ms a time. `sql` is formatted with the page's `path` and `depth` columns, as
    the query around it names them, and the table names."""

    conditional = True
    output_field = BooleanField()
    sql: str

    def __init__(self):
        super().__init__(output_field=BooleanField())
        self.path, self.depth = F("path"), F("depth")

    def get_source_expressions(self):
        return [self.path, self.depth]

    def set_source_expressions(self, expressions):
        self.path, self.depth = expressions

    def as_sql(self, compiler, connection):
        path, path_params = compiler.compile(self.path)
        depth, depth_params = compiler.compile(self.depth)
        if path_params or depth_params:
            raise ValueError("A page's path and depth are columns, not parameters.")
        sql = self.sql.format(
            path=path,
            depth=depth,
            steplen=int(Page.steplen),
            page=connection.ops.quote_name(Page._meta.db_table),
            restriction=connection.ops.quote_name(PageViewRestriction._meta.db_table),
        )
        return sql, []


class UnpublishedAbove(TreeCondition):
    """An unpublished page with children lies above the page.

    An ancestor's path is the start of the page's path, one `Page.steplen` step per level
    of depth. The unpublished pages with children are found through the index on
    `(live, numchild)` (network_site migration 0005), so each page read costs a look at
    those few pages rather than a scan of the page table. `live IN (false)` rather than
    `NOT live`: SQLite uses an index for the one but not for the other.
    """

    sql = (
        "EXISTS(SELECT 1 FROM {page} above WHERE above.live IN (false) AND above.numchild > 0"
        " AND above.depth < {depth} AND above.path = SUBSTR({path}, 1, above.depth * {steplen}))"
    )


class RestrictedFromAbove(TreeCondition):
    """A view restriction applies to the page: one on the page itself or on a page above.

    A restriction on a page covers the pages whose path starts with its path. The subquery
    starts from the restrictions (a handful) and reads each one's page by its key, so
    whatever plan the database picks, it never scans the page table for each page read.
    """

    sql = (
        "EXISTS(SELECT 1 FROM {restriction} restriction WHERE SUBSTR({path}, 1, LENGTH("
        "(SELECT restricted.path FROM {page} restricted WHERE restricted.id = restriction.page_id)"
        ")) = (SELECT restricted.path FROM {page} restricted"
        " WHERE restricted.id = restriction.page_id))"
    )


class SitePageManager(PageManager.from_queryset(SitePageQuerySet)):
    """The manager of every page type of the site: `Model.objects.readable()`."""


def readable_pages():
    """Every page readers may see, of any type (for lists that mix page types)."""
    return SitePageQuerySet(Page).readable()


def readable_in_order(page_ids):
    """The pages among `page_ids` that readers may see, in the reader's language, as their
    specific types, in the order given: for pages an editor chose (featured pages, curated
    collections).

    The cards show the city and the image of a case study: each is fetched in one query
    for all the cards.
    """
    return readable_in_order_each([page_ids])[0]


def readable_in_order_each(id_lists):
    """`readable_in_order` for each list of `id_lists`, with the same queries as for one
    list: for a page that shows several editors' choices (the home page's featured pages
    and its curated collections)."""
    wanted = {page_id for page_ids in id_lists for page_id in page_ids}
    # The ids chosen of each page, by its translation key: two language versions of one
    # page may both be among them.
    chosen = {}
    for key, pk in Page.objects.filter(pk__in=wanted).values_list("translation_key", "pk"):
        chosen.setdefault(key, []).append(pk)
    localized = readable_pages().in_language().filter(translation_key__in=chosen).specific()
    found = list(localized)
    pages = {pk: page for page in found for pk in chosen[page.translation_key]}
    prefetch_related_objects([page for page in found if hasattr(page, "city_id")], "city")
    prefetch_related_objects([page for page in found if hasattr(page, "image_id")], "image")
    return [[pages[page_id] for page_id in page_ids if page_id in pages] for page_ids in id_lists]


def keep_readable(pages):
    """The page instances among `pages` that readers may see, in their order, with the
    cities of case studies and updates fetched in one query."""
    readable_ids = set(
        readable_pages().filter(pk__in=[page.pk for page in pages]).values_list("pk", flat=True)
    )
    kept = [page for page in pages if page.pk in readable_ids]
    prefetch_related_objects([page for page in kept if hasattr(page, "city_id")], "city")
    return kept


def is_published_in_full(page):
    """Whether `published_in_full()` holds for `page`, a page being served. When routing has
    read the pages above it (`network_site.routing`), the rule is applied to them as they
    are, without another query."""
    ancestors = known_ancestors(page)
    if ancestors is None:
        return SitePageQuerySet(Page).filter(pk=page.pk).published_in_full().exists()
    return page.live and all(ancestor.live or not ancestor.numchild for ancestor in ancestors)


def site_is_empty():
    """Has the site no page but Wagtail's root and its untouched welcome page (with the
    aliases `setup_languages` gives it in the other languages)?"""
    pages = list(Page.objects.filter(depth__gt=1, alias_of__isnull=True)[:2])
    return not pages or (len(pages) == 1 and is_untouched_welcome_page(pages[0]))


def is_untouched_welcome_page(page):
    """Is this Wagtail's initial welcome page, still as the installation left it?"""
    return (
        page.specific_class is Page
        and page.depth == 2
        and page.slug == "home"
        and page.numchild == 0
        and page.latest_revision_id is None
    )


class SitePage(OneQueryRoutingMixin, Page):
    """The base of every page type of the site: gives it the reader rule's manager, the
    site's page form, and routing that reads the pages on a URL's path in one query
    (`network_site.routing`)."""

    objects = SitePageManager()
    base_form_class = SitePageForm
    # True for a page type a site has a handful of (the partner cities): `readable()` then
    # finds them through their content type. Not for the many (case studies, updates),
    # where it would make SQLite read all of them rather than, say, one city's.
    few_of_a_kind = False
    # What a page of this type is, in a sentence, for search engines and link previews when
    # the page has no text of its own that says it (a listing without an introduction).
    default_description = None
    # How link previews (Open Graph's `og:type`) and structured data (schema.org) class it.
    open_graph_type = "website"
    schema_type = "WebPage"

    class Meta:
        abstract = True

    def get_meta_title(self):
        """The page's title for search engines and link previews."""
        return self.seo_title or self.title

    def get_meta_description(self):
        """What the page is about, for its description in search results and link previews
        (`network_site.findable`): the editor's search description, else the page's summary
        or introduction, else what a page of its type is (`default_description`)."""
        for text in (
            self.search_description,
            getattr(self, "summary", None),
            getattr(self, "introduction", None),
        ):
            if text and strip_tags(str(text)).strip():
                return text
        return str(self.default_description or "")

    def structured_data(self, meta, context):
        """The page's schema.org data (`network_site.structured_data`): `meta` is its
        `network_site.findable.PageMeta`, `context` its template context."""
        return web_page(meta, self.schema_type)


class Provenance(models.TextChoices):
    """Where a page's content comes from, as readers are told: each level's value, its label
    (the badge readers see) and, in the dictionaries below, the title of its notice and what
    it means.

    The badge, the page's notice, the footer, the admin's help text and the demo's case
    study index introduction all read the labels and explanations from here.
    """

    DOCUMENTED = "documented", gettext_lazy("Documented")
    MIXED = "mixed", gettext_lazy("Partly documented")
    SAMPLE = "sample", gettext_lazy("Sample")

    @property
    def explanation(self):
        """What the label means, in one sentence that can follow it: "Sample: the page…"."""
        return PROVENANCE_EXPLANATIONS[self]

    @property
    def notice_title(self):
        """The title of the notice on a page of this level: "Sample content"."""
        return PROVENANCE_NOTICE_TITLES[self]


PROVENANCE_EXPLANATIONS = {
    Provenance.DOCUMENTED: gettext_lazy(
        "every statement on the page reports what the network or a partner city documented, "
        "or is a public fact."
    ),
    Provenance.MIXED: gettext_lazy(
        "the page reports a documented result, set in illustrative detail; its notice quotes "
        "the documented part."
    ),
    Provenance.SAMPLE: gettext_lazy(
        "the page was written for the demo of this site; its outcomes and figures are "
        "illustrative, not results reported by the partner cities."
    ),
}
PROVENANCE_NOTICE_TITLES = {
    Provenance.DOCUMENTED: gettext_lazy("Documented content"),
    Provenance.MIXED: gettext_lazy("Partly documented content"),
    Provenance.SAMPLE: gettext_lazy("Sample content"),
}


class ProvenanceMixin(models.Model):
    """Says where a page's content comes from (`Provenance`), so readers can tell a documented
    result from an illustrative one: a badge on cards and links, a notice on the page.

    A new page starts as documented: a partner reporting its own city's work is reporting,
    not illustrating. The editor chooses "Partly documented" or "Sample" otherwise.
    """

    provenance = models.CharField(
        max_length=10,
        choices=Provenance.choices,
        default=Provenance.DOCUMENTED,
        help_text=format_lazy(
            "Where the page's content comes from; readers see it as a badge and a notice. A "
            "new page starts as “{documented}”: keep it when every statement reports work "
            "your city or the network documented, or is a public fact. Choose “{mixed}” when "
            "a documented result is set in illustrative detail, and quote the documented part "
            "in the note; choose “{sample}” for illustrative content written for a demo.",
            documented=Provenance.DOCUMENTED.label,
            mixed=Provenance.MIXED.label,
            sample=Provenance.SAMPLE.label,
        ),
    )
    # 500, not 300: a translation of a note that fits in 300 characters in English can be a
    # fifth longer (Italian, Romanian).
    provenance_note = models.CharField(
        "note on provenance",
        max_length=500,
        blank=True,
        help_text=format_lazy(
            "Shown in the page's notice. Required for “{mixed}”: quote the documented part. "
            "For a sample page, name any public facts it uses.",
            mixed=Provenance.MIXED.label,
        ),
    )

    provenance_panel = MultiFieldPanel(
        [FieldPanel("provenance", widget=forms.RadioSelect), "provenance_note"],
        heading="Provenance",
    )

    class Meta:
        abstract = True

    @property
    def provenance_level(self):
        """The page's `Provenance`, with its label and explanation (the field holds the
        value only); None while the field holds no valid choice, e.g. in a form preview."""
        return Provenance(self.provenance) if self.provenance in Provenance.values else None

    def clean(self):
        super().clean()
        if self.provenance == Provenance.MIXED and not self.provenance_note.strip():
            raise ValidationError(
                {
                    "provenance_note": gettext(
                        "A “%(label)s” page must say which part is documented: quote it here."
                    )
                    % {"label": Provenance.MIXED.label}
                }
            )


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
                summary = summary or gettext("First published")
            elif not summary or summary == older[1]:
                summary = gettext("Small corrections")
            history.append(PublishedChange(published_at, summary))
        return history
