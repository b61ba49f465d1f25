"""The site's languages: the Wagtail locales behind them and what a reader's page needs.

English is the source language. Every other language's page tree is kept in step with the
English one by wagtail-localize ("sync from English"): a page added in English appears in
every language at once, as an alias showing the English content, until a translation of it
is published. See "Languages" in the README.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import CharField, F, Q
from django.db.models.functions import Cast
from django.utils.translation import get_language

from wagtail.models import Locale, Page

from wagtail_localize.models import LocaleSynchronization, TranslationSource
from wagtail_localize.synctree import PageIndex, synchronize_tree

from .pages import readable_pages

SOURCE_LANGUAGE = settings.LANGUAGE_CODE


def language_codes():
    """The codes of the site's languages, English first."""
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


@transaction.atomic
def setup_languages():
    """Create the locale of every language, each synchronised from English, and fill every
    language's tree with aliases of the English pages it lacks. Safe to run again: it only
    adds what is missing, so a translation or an editor's change is never touched.

    Returns the locales created.
    """
    source, _ = Locale.objects.get_or_create(language_code=SOURCE_LANGUAGE)
    created = []
    for code in language_codes():
        locale, is_new = Locale.objects.get_or_create(language_code=code)
        if is_new:
            created.append(locale)
        if locale != source:
            # Saved without its signal, which would sync the trees once per language; the
            # one pass below does it for all of them with one index of the pages.
            LocaleSynchronization.objects.bulk_create(
                [LocaleSynchronization(locale=locale, sync_from=source)],
                ignore_conflicts=True,
            )
    sync_trees()
    return created


def sync_trees():
    """Give every language an alias of each English page it has no version of."""
    page_index = PageIndex.from_database().sort_by_tree_position()
    for sync in LocaleSynchronization.objects.select_related("locale", "sync_from"):
        synchronize_tree(sync.sync_from, sync.locale, page_index=page_index)


@dataclass
class Version:
    """One language's version of a page, as the language switcher lists it."""

    language: str
    name: str
    url: str
    translated: bool
    current: bool
    absolute_url: str = ""


@dataclass
class PageLanguages:
    """What a reader's page says about its languages: its version in every language (the
    switcher and the `hreflang` links), and, for a page not in English, whether it is a
    translation, which English version it follows and whether English changed since."""

    versions: list
    is_fallback: bool = False
    is_translation: bool = False
    source_date: datetime.datetime | None = None
    english_updated: datetime.datetime | None = None
    default_url: str = ""

    @property
    def alternates(self):
        """The versions search engines are told about: the real ones, not the fallbacks."""
        return [version for version in self.versions if version.translated]


def language_names():
    """Each language's name in that language, as the switcher shows it."""
    return dict(settings.WAGTAIL_CONTENT_LANGUAGES)


def page_languages(page, request):
    """The `PageLanguages` of `page`, served to `request`: one query for the versions, one
    for the English version's translation record on a translated page."""
    versions = {
        version.locale.language_code: version
        for version in readable_pages()
        .filter(translation_key=page.translation_key)
        .select_related("locale")
        .annotate(live_revision_of=F("live_revision__object_id"))
    }
    names = language_names()
    urls = {code: version.get_url(request) for code, version in versions.items()}
    listed = [
        Version(
            language=code,
            name=names[code],
            url=urls[code],
            translated=code == SOURCE_LANGUAGE or is_published_translation(versions[code]),
            current=versions[code].pk == page.pk,
            absolute_url=request.build_absolute_uri(urls[code]),
        )
        for code in language_codes()
        if code in versions
    ]
    english = versions.get(SOURCE_LANGUAGE)
    result = PageLanguages(versions=listed)
    if english is not None:
        result.default_url = unprefixed(request.build_absolute_uri(urls[SOURCE_LANGUAGE]))
    language = next((code for code, version in versions.items() if version.pk == page.pk), None)
    if language in (SOURCE_LANGUAGE, None) or english is None:
        return result
    if not is_published_translation(versions[language]):
        result.is_fallback = True
        return result
    result.is_translation = True
    source = (
        TranslationSource.objects.filter(
            object_id=page.translation_key, locale__language_code=SOURCE_LANGUAGE
        )
        .only("last_updated_at")
        .first()
    )
    if source is not None:
        result.source_date = source.last_updated_at
        if english.last_published_at and english.last_published_at > source.last_updated_at:
            result.english_updated = english.last_published_at
    return result


def is_published_translation(version):
    """Whether readers see a translation on this page of a language's tree. Not on an alias,
    nor on a page whose translation is started but not yet published: wagtail-localize
    turns the alias into a page of its own when a translator starts, and until the
    translation is published, the live content is still the English page's revision
    (`live_revision_of`, annotated by `page_languages`, names the page a revision is of)."""
    return not version.alias_of_id and version.live_revision_of == str(version.pk)


def with_content_source(pages):
    """The queryset `pages` with what `content_languages` reads without a query of its own:
    the locale, and the page whose revision is live (one column, not the revision)."""
    return pages.select_related("locale").annotate(live_revision_of=F("live_revision__object_id"))


def content_languages(pages):
    """{page id: the language of what readers of it read} for the page instances `pages`:
    the language of its tree, or English where that tree shows the English content (an
    alias, or a translation started but not yet published, whose live revision is none of
    its own: `is_published_translation`). A page never published (a preview of a new page)
    shows its own content.

    English pages with their locale, and pages from `with_content_source`, cost nothing;
    the others are read in one query."""
    unread = [page.pk for page in pages if not is_known(page)]
    read = {
        pk: details
        for pk, *details in Page.objects.filter(pk__in=unread).values_list(
            "pk", "locale__language_code", "alias_of_id", "live", "live_revision__object_id"
        )
    }
    languages = {}
    for page in pages:
        if page.pk in read:
            language, alias_of, live, revision_of = read[page.pk]
        elif page.locale.language_code == SOURCE_LANGUAGE:
            languages[page.pk] = SOURCE_LANGUAGE
            continue
        else:
            language, alias_of, live = page.locale.language_code, page.alias_of_id, page.live
            revision_of = page.live_revision_of
        own = not alias_of and (revision_of == str(page.pk) or (revision_of is None and not live))
        languages[page.pk] = language if own else SOURCE_LANGUAGE
    return languages


def is_known(page):
    """Whether `content_languages` can tell the page's language without a query."""
    if hasattr(page, "live_revision_of"):
        return True
    locale = type(page).locale
    return locale.is_cached(page) and page.locale.language_code == SOURCE_LANGUAGE


def content_language(page):
    """`content_languages` of one page."""
    return content_languages([page])[page.pk]


def in_their_own_language(pages):
    """The pages among the queryset `pages` whose content is that of their language tree:
    the English pages and the published translations (`is_published_translation`, as a
    query), not the aliases, which show the English content at another address."""
    return pages.filter(alias_of__isnull=True).filter(
        Q(locale__language_code=SOURCE_LANGUAGE)
        | Q(live_revision__object_id=Cast("pk", output_field=CharField()))
    )


def unprefixed(url):
    """A page's URL without its language prefix: the address that sends each reader to
    their own language (LocaleMiddleware), given to search engines as `x-default`."""
    prefix = f"/{SOURCE_LANGUAGE}/"
    scheme_and_host, found, rest = url.partition(prefix)
    return f"{scheme_and_host}/{rest}" if found else url


def taxonomy_names(model, request=None):
    """{translation key: name} of a translatable snippet (themes, channels) in the active
    language, where it is translated; read once per request when `request` is given."""
    key = (model._meta.label, get_language())
    memo = getattr(request, "_taxonomy_names", None) if request is not None else None
    if memo is not None and key in memo:
        return memo[key]
    names = dict(
        model.objects.filter(locale__language_code=get_language()).values_list(
            "translation_key", "name"
        )
    )
    if request is not None:
        request._taxonomy_names = {**(memo or {}), key: names}
    return names


def localized_name(item, request=None):
    """The name of a theme or channel (tagged in English) in the reader's language, or its
    English name where it has no translation; any other tag's own name."""
    if not hasattr(item, "translation_key"):
        return item.name
    return taxonomy_names(type(item), request).get(item.translation_key, item.name)


def in_reader_language(model):
    """Every theme or channel, in its English order, each as its translation into the
    reader's language where there is one, else as the English one (for a page that shows
    their descriptions too)."""
    english = list(model.objects.filter(locale__language_code=SOURCE_LANGUAGE))
    translated = {
        item.translation_key: item
        for item in model.objects.filter(
            locale__language_code=get_language(),
            translation_key__in=[item.translation_key for item in english],
        )
    }
    return [translated.get(item.translation_key, item) for item in english]
