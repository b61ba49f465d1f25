"""The interface's translation catalogues are complete, in step with the code and compiled.

Each language but English has a catalogue (`network_site.catalogues`). A catalogue fails
here when a text is untranslated or fuzzy, when a translation drops or invents a
placeholder or a tag (which would break the page or lose a link), when its compiled .mo
is not what its .po says, or when the texts extracted from the code now differ from the
catalogue's (run `make messages`). Extracting needs GNU gettext: the test that does it
skips locally, saying so, when xgettext is missing, and fails in CI.
"""

import os
import shutil

import polib
import pytest

from network_site.catalogues import (
    catalogue_languages,
    extract,
    message_key,
    mo_path,
    placeholders,
    po_path,
)

LANGUAGES = catalogue_languages()


def catalogue(language):
    return polib.pofile(po_path(language))


def described(entry):
    context = f"[{entry.msgctxt}] " if entry.msgctxt else ""
    return f"{context}{entry.msgid!r}"


def test_every_language_but_english_has_a_catalogue():
    assert LANGUAGES == ["it", "bg", "ro", "hu", "et", "nl", "fr", "pt", "es"]
    assert all(po_path(language).exists() for language in LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_text_is_translated(language):
    messages = catalogue(language)
    plural_forms = int(messages.metadata["Plural-Forms"].split("nplurals=")[1].split(";")[0])
    untranslated = [described(entry) for entry in messages.untranslated_entries()]
    fuzzy = [described(entry) for entry in messages.fuzzy_entries()]
    wrong_forms = [
        described(entry)
        for entry in messages
        if entry.msgid_plural and len(entry.msgstr_plural) != plural_forms
    ]
    assert not messages.metadata_is_fuzzy
    assert untranslated == [], f"{len(untranslated)} texts untranslated in {language}"
    assert fuzzy == [], f"{len(fuzzy)} fuzzy translations in {language}: check and unmark them"
    assert wrong_forms == [], f"not {plural_forms} plural forms"


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_every_placeholder_and_tag(language):
    """A lost %(name)s shows the reader nothing where a value belongs, an unknown one is a
    server error, and a lost tag drops a link. A plural form may leave out the count
    (Italian "l'unica città" for one), nothing else."""
    wrong = []
    for entry in catalogue(language).translated_entries():
        if entry.msgid_plural:
            expected = placeholders(entry.msgid_plural)
            for translation in entry.msgstr_plural.values():
                found = placeholders(translation)
                if [item for item in expected if item != "%(counter)s"] != [
                    item for item in found if item != "%(counter)s"
                ] or not set(found) <= set(expected):
                    wrong.append(f"{described(entry)} -> {translation!r}")
        elif placeholders(entry.msgstr) != placeholders(entry.msgid):
            wrong.append(f"{described(entry)} -> {entry.msgstr!r}")
    assert wrong == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalogue_says_what_the_catalogue_says(language):
    """The .mo is what Django reads: it must hold each translation of the .po, no more."""
    assert mo_path(language).exists(), "run `make messages`"
    translated = {
        message_key(entry): entry.msgstr_plural or entry.msgstr
        for entry in catalogue(language).translated_entries()
    }
    compiled = {
        message_key(entry): entry.msgstr_plural or entry.msgstr
        for entry in polib.mofile(mo_path(language))
        if entry.msgid
    }
    assert compiled == translated, f"{mo_path(language)} is stale: run `make messages`"


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The texts makemessages finds in the code now, as a catalogue would hold them."""
    if shutil.which("xgettext") is None or shutil.which("msgmerge") is None:
        reason = "GNU gettext (xgettext, msgmerge) is not installed: apt-get install gettext"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    locale_dir = tmp_path_factory.mktemp("locale")
    extract(["it"], locale_dir=locale_dir)
    return {message_key(entry) for entry in polib.pofile(po_path("it", locale_dir=locale_dir))}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalogue_holds_the_texts_of_the_code_now(language, extracted):
    held = {message_key(entry) for entry in catalogue(language)}
    assert sorted(extracted - held) == [], "texts missing from the catalogue: run `make messages`"
    assert sorted(held - extracted) == [], "texts the code no longer has: run `make messages`"
