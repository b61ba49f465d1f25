"""Each backend stems each language, ignores case and accents, and keeps the languages apart.

The documents are plain dicts, as `search.documents` builds them; `test_translations.py`
builds them from translated pages. The `backend` fixture runs each test on the database
backend (SQLite, or PostgreSQL when DATABASE_URL points at it) and on Elasticsearch (the
osmem stand-in unless ELASTICSEARCH_URL is set; what osmem cannot analyse is listed in
`tests.search.osmem`).
"""

import pytest

from search.analysis import forms
from search.backends.database import DatabaseBackend
from search.query import SearchQuery

from .sample_documents import document

DOCUMENTS = [
    document(
        1,
        "Bugetare participativă",
        "Cetățenii propun proiecte și votează bugetul.",
        "Primăria a organizat întâlniri publice în fiecare cartier.",
        locale="ro",
        type="case-study",
    ),
    document(
        2,
        "Bilanci partecipativi",
        "I cittadini decidono come spendere una parte del bilancio della città.",
        "Le riunioni si sono tenute nei quartieri.",
        locale="it",
    ),
    document(
        3,
        "Részvételi költségvetés",
        "A lakosok döntenek a városi költségvetésről.",
        "Találkozókat tartottak minden kerületben.",
        locale="hu",
    ),
    document(
        4,
        "Kaasav eelarve",
        "Linnaelanikud otsustavad, kuidas osa eelarvest kulutada.",
        "Õpilased korraldasid koosolekuid.",
        locale="et",
    ),
    document(
        5,
        "Гражданско участие",
        "Гражданите предлагат идеи за БЮДЖЕТА на града.",
        "Общината ѝ отговаря в социалните мрежи.",
        locale="bg",
    ),
    document(
        7,
        "Budgets participatifs",
        "Les habitants votent pour des projets.",
        "Des réunions publiques dans chaque quartier.",
        locale="fr",
    ),
    document(
        8,
        "Presupuestos participativos",
        "Los vecinos deciden en qué se gasta una parte del presupuesto.",
        "La participación ciudadana creció cada año.",
        locale="es",
    ),
    # An English page translated into Romanian only: an English fallback in Italian.
    document(
        6,
        "Virtual meetings",
        "Citizens join meetings online.",
        "Residents comment on the development plans.",
        shown_in=["en", "it"],
        type="guide",
    ),
]


@pytest.fixture(params=["database", "elasticsearch"])
def backend(request, db):
    if request.param == "database":
        backend = DatabaseBackend()
    else:
        backend = request.getfixturevalue("elasticsearch_backend")
    backend.rebuild(DOCUMENTS)
    return backend


def needs_stemming(backend, language):
    """Skip on an Elasticsearch stand-in that cannot stem this language (osmem)."""
    analysis = getattr(backend, "analysis", None)
    if analysis and f"{language}_stemmer" not in analysis["filter"]:
        pytest.skip(f"No {language} stemmer on this test server (see tests/search/osmem.py)")


def found(backend, text, locale):
    results = backend.search(SearchQuery(text=text, locale=locale, page_size=20))
    return sorted(document["id"] for document, _ in results.hits)


@pytest.mark.parametrize(
    "text",
    [
        "bugetari participative",  # plural for singular
        "participativ",
        "cetateni",  # "cetățenii": another form, without the diacritics
        "intalnirile",  # "întâlniri": with the article, without the diacritics
    ],
)
def test_a_romanian_reader_finds_another_form_of_the_word(backend, text):
    needs_stemming(backend, "ro")
    assert found(backend, text, "ro") == [1]


@pytest.mark.parametrize(
    "text", ["bugetare participativa", "BUGETARE PARTICIPATIVĂ", "cetatenii propun"]
)
def test_a_romanian_reader_finds_the_word_in_any_case_with_or_without_diacritics(backend, text):
    assert found(backend, text, "ro") == [1]


@pytest.mark.parametrize(
    ("locale", "text", "page_id"),
    [
        ("it", "bilancio partecipativo", 2),
        ("it", "riunione", 2),
        ("hu", "koltsegvetes", 3),
        ("hu", "költségvetések", 3),
        ("hu", "Városok", 3),
        ("et", "eelarved", 4),  # plural for singular
        ("et", "koosolekud", 4),  # "koosolekuid": nominative for partitive plural
        ("fr", "budget participatif", 7),
        ("fr", "reunion", 7),
        ("es", "presupuesto participativo", 8),
        ("es", "participacion", 8),
    ],
)
def test_each_language_is_stemmed_as_itself(backend, locale, text, page_id):
    needs_stemming(backend, locale)
    assert found(backend, text, locale) == [page_id]


@pytest.mark.parametrize(
    ("locale", "text", "page_id"),
    [
        ("it", "CITTA", 2),
        ("hu", "KOLTSEGVETES", 3),
        ("et", "OPILASED", 4),
        ("bg", "бюджета", 5),
        ("bg", "ГРАЖДАНСКО Участие", 5),
    ],
)
def test_every_language_ignores_case_and_accents(backend, locale, text, page_id):
    assert found(backend, text, locale) == [page_id]


def test_bulgarian_ignores_accents_on_the_database():
    """Snowball has no Bulgarian: the database folds case and accents (the grave of "ѝ",
    stress marks); Elasticsearch's ASCII folding leaves Cyrillic as it is."""
    assert forms("bg", "Ѝ") == forms("bg", "и")
    assert forms("bg", "БЮДЖЕ́ТА") == forms("bg", "бюджета")


def test_a_language_finds_its_pages_and_the_english_fallbacks_only(backend):
    assert found(backend, "meeting", "it") == [6]  # stemmed as English
    assert found(backend, "meeting", "en") == [6]
    assert found(backend, "meeting", "ro") == []  # Romanian has a translation of it
    assert found(backend, "bilanci", "en") == []
    assert found(backend, "bilanci", "ro") == []
    everything_in_italian = backend.search(SearchQuery(locale="it", page_size=20))
    assert sorted(document["id"] for document, _ in everything_in_italian.hits) == [2, 6]


def test_facets_count_what_the_language_finds(backend):
    results = backend.search(SearchQuery(locale="it"))
    assert results.total == 2
    assert results.counts["type"] == {"case-study": 1, "guide": 1}
    assert backend.search(SearchQuery(locale="ro")).counts["type"] == {"case-study": 1}


def test_the_snippet_marks_the_word_as_the_page_wrote_it(backend):
    ((_, snippet),) = backend.search(SearchQuery(text="intalniri", locale="ro")).hits
    assert "<mark>întâlniri</mark> publice" in snippet


def test_the_snippet_of_an_english_fallback_marks_english_words(backend):
    ((_, snippet),) = backend.search(SearchQuery(text="meeting", locale="it")).hits
    assert snippet == "Citizens join <mark>meetings</mark> online."
