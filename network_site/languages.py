"""The site's languages: the Wagtail locales behind them and what a reader's page needs.

English is the source language. Every other language's page tree is kept in step with the
English one by wagtail-localize ("sync from English"): a page added in English appears in
every language at once, as an alias showing the English content, until a translation of it
is published. See "Languages" in the README.
"""

from django.conf import settings
from django.db import transaction

from wagtail.models import Locale

from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import PageIndex, synchronize_tree

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
