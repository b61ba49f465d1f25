"""The demo's translations, made with wagtail-localize as an editor makes them.

An editor translating a page in the admin starts a translation (a `TranslationSource` of
the English page and a `Translation` into the target language), fills in each of its
strings (`StringTranslation`) and publishes it (`Translation.save_target`). The loader does
the same, taking each string's translation from `demo/data/translations/<language>.json`,
which maps an English string, exactly as wagtail-localize cuts it out of the page, to its
translation. A string missing there stays in English on the translated page, as it would
for an editor who skipped it; `tests/demo/test_demo_translations.py` keeps the files
complete.

What is translated:
- the themes and the channels, into all nine languages;
- each city's page and its case study, into the city's own language;
- the home page, the about page, the top-level sections (cities, case studies, toolkit,
  updates) and the roadmap, into all nine languages.

`list_strings` (`manage.py demo_translation_strings`) lists a language's strings, so a
change to the English demo content shows what the translation files need.
"""

import json
from pathlib import Path

from django.db import transaction

from wagtail.models import Locale, Page

from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from casestudies.models import (
    CaseStudyIndexPage,
    CaseStudyPage,
    CityIndexPage,
    CityPage,
    UpdateIndexPage,
)
from home.models import AboutPage, HomePage
from network_site.languages import SOURCE_LANGUAGE, language_codes
from network_site.models import Channel, Theme
from toolkit.models import RoadmapPage, ToolkitPage

TRANSLATIONS_DIR = Path(__file__).parent / "data" / "translations"

# The language each partner city publishes in (Ghent: Dutch; Tartu: Estonian).
CITY_LANGUAGES = {
    "genoa": "it",
    "palermo": "it",
    "varna": "bg",
    "alba-iulia": "ro",
    "debrecen": "hu",
    "tartu": "et",
    "ghent": "nl",
    "paris": "fr",
    "lisbon": "pt",
    "murcia": "es",
}
TRANSLATED_INTO_EVERY_LANGUAGE = (
    HomePage,
    AboutPage,
    CityIndexPage,
    CaseStudyIndexPage,
    ToolkitPage,
    RoadmapPage,
    UpdateIndexPage,
)


def english(model):
    return model.objects.filter(locale__language_code=SOURCE_LANGUAGE)


def translation_plan():
    """The (English object, language) pairs the demo translates: the snippets, then the
    pages in tree order, so that a page's parent is translated before it."""
    others = [code for code in language_codes() if code != SOURCE_LANGUAGE]
    snippets = [
        (item, code) for model in (Theme, Channel) for item in english(model) for code in others
    ]
    plan = []
    for model in TRANSLATED_INTO_EVERY_LANGUAGE:
        for page in english(model):
            plan += [(page, code) for code in others]
    for city in english(CityPage).filter(slug__in=CITY_LANGUAGES):
        language = CITY_LANGUAGES[city.slug]
        plan.append((city, language))
        plan += [
            (case_study, language) for case_study in english(CaseStudyPage).descendant_of(city)
        ]
    return snippets + sorted(plan, key=lambda item: item[0].path)


def specific(instance):
    return getattr(instance, "specific", instance)


def load_strings(language):
    path = TRANSLATIONS_DIR / f"{language}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def source_strings(instance):
    """The strings of a page or snippet as wagtail-localize cuts them out, in order."""
    source, _ = TranslationSource.get_or_create_from_instance(instance)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    return source, segments.order_by("order")


@transaction.atomic
def translate(instance, language, strings):
    """Translate a page or snippet into `language` with `strings` and publish the
    translation; return the English strings `strings` has no translation for."""
    locale = Locale.objects.get(language_code=language)
    source, segments = source_strings(instance)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    missing = []
    for segment in segments:
        text = strings.get(segment.string.data)
        if text is None:
            missing.append(segment.string.data)
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": text},
        )
    # As the translation editor's "Publish" does, but at once: wagtail-localize publishes
    # the new revision when the transaction commits, and the loader runs in one transaction
    # (the tests' demo content, in one that never commits).
    is_page = isinstance(instance, Page)
    translation.save_target(publish=not is_page)  # a snippet is saved as it is, no draft
    if is_page:
        translation.get_target_instance().get_latest_revision().publish()
    return missing


def translate_demo():
    """Make and publish every translation of the plan; return how many per language."""
    strings = {code: load_strings(code) for code in language_codes()}
    made = {}
    for instance, language in translation_plan():
        translate(specific(instance), language, strings[language])
        made[language] = made.get(language, 0) + 1
    return made


def list_strings(language):
    """Every English string the demo translates into `language`, with its translation from
    the data file (None where it has none), in page order; each string once."""
    strings = load_strings(language)
    listed = {}
    for instance, code in translation_plan():
        if code == language:
            for segment in source_strings(specific(instance))[1]:
                listed.setdefault(segment.string.data, strings.get(segment.string.data))
    return listed
