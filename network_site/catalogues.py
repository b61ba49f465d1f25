"""The interface's translation catalogues: one per language but English (the source), at
network_site/locale/<language>/LC_MESSAGES/django.po, each compiled beside it as django.mo.

`update_catalogues()` (`make messages`) extracts the text marked for translation in the
templates and the Python code with Django's makemessages (which needs GNU gettext's
xgettext and msgmerge), merges it into each catalogue, then compiles the catalogues with
polib. The compiled files are committed, so a fresh clone shows every language without
gettext installed (README, "Languages").
"""

import contextlib
import re
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.test.utils import override_settings

import polib

LOCALE_DIR = Path(settings.LOCALE_PATHS[0])
# Where makemessages looks for text, from the project's root: everything but the tests, the
# tools and what is generated or uploaded (folders starting with a dot, .venv among them,
# are left out by makemessages itself). Locale folders are left out too: makemessages would
# otherwise write the text of the files beside one into it, whatever `locale_dir` says.
IGNORED_PATHS = [
    "*/locale",
    "tests/*",
    "bench/*",
    "deploy/*",
    "media/*",
    "static_collected/*",
    "test-artifacts/*",
    "node_modules/*",
]
HEADER = {
    "Project-Id-Version": "Interactive Cities",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
}
# Python's %-placeholders, str.format's {} and HTML tags: a translation keeps all of them.
PLACEHOLDER = re.compile(r"%\([a-z_]+\)s|%%|\{\}|</?[a-z][^>]*>")


def catalogue_languages():
    """The languages with a catalogue: all of settings.LANGUAGES but the source language."""
    return [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def po_path(language, locale_dir=LOCALE_DIR):
    return Path(locale_dir) / language / "LC_MESSAGES" / "django.po"


def mo_path(language):
    return po_path(language).with_suffix(".mo")


def extract(languages, locale_dir=LOCALE_DIR):
    """Run makemessages for `languages`, writing (or merging into) the catalogues under
    `locale_dir`: a catalogue keeps its translations, gains the new texts untranslated,
    loses the texts no longer used, and marks as fuzzy a translation whose text changed."""
    with contextlib.chdir(settings.BASE_DIR), override_settings(LOCALE_PATHS=[locale_dir]):
        call_command(
            "makemessages",
            locale=languages,
            ignore_patterns=IGNORED_PATHS,
            add_location="file",
            no_obsolete=True,
            verbosity=0,
        )


def tidy(language):
    """Give a catalogue its fixed header, without the dates makemessages changes each time
    (so an unchanged catalogue stays unchanged in git), and save it in polib's layout."""
    catalogue = polib.pofile(po_path(language))
    plural_forms = catalogue.metadata.get("Plural-Forms", "")
    catalogue.header = (
        "The interface text of the Interactive Cities site.\n"
        "Update with `make messages`; see README, Languages."
    )
    catalogue.metadata = {**HEADER, "Language": language, "Plural-Forms": plural_forms}
    catalogue.metadata_is_fuzzy = False
    catalogue.save()


def compile_catalogue(language):
    polib.pofile(po_path(language)).save_as_mofile(str(mo_path(language)))


def update_catalogues():
    """Re-extract every catalogue from the code and compile it (`make messages`)."""
    languages = catalogue_languages()
    extract(languages)
    for language in languages:
        tidy(language)
        compile_catalogue(language)


def message_key(entry):
    """What identifies a message in a catalogue: its context, text and plural text."""
    return (entry.msgctxt or "", entry.msgid, entry.msgid_plural or "")


def placeholders(text):
    return sorted(PLACEHOLDER.findall(text))
