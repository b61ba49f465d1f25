"""How the database backends read the words of each language: stems and accents, in Python.

Elasticsearch analyses text itself (`search.backends.elasticsearch`). The database
backends take their words from here: on SQLite for every language, on PostgreSQL for the
languages it has no text search configuration for (Estonian, Bulgarian); and both make
their snippets with `search.highlight.marked_snippet`, which finds the words here too.

A word's *forms* are what it stands for in the index and in a query: its Snowball stem
with the accents then removed, and the stem of the word typed without its accents
("participativă" gives "particip" both ways; Portuguese "participações" gives
"particip", and "participacoes" as typed without accents "participaco"). A page and a query
match when they share a form, so a reader finds a word whether or not either side wrote
its diacritics, and the stemmer still sees the accented words it was written for. Case
never matters. Snowball has no Bulgarian: a Bulgarian word's one form is the word in lower
case without accents (Cyrillic has few: the grave of "ѝ", stress marks).
"""

import threading
import unicodedata
from functools import lru_cache

import snowballstemmer

from .query import WORD

# The Snowball name of each language of the site (see settings.LANGUAGES); Elasticsearch
# and PostgreSQL name their analysers and configurations after the same names.
LANGUAGE_NAMES = {
    "en": "english",
    "it": "italian",
    "bg": "bulgarian",
    "ro": "romanian",
    "hu": "hungarian",
    "et": "estonian",
    "nl": "dutch",
    "fr": "french",
    "pt": "portuguese",
    "es": "spanish",
}
SNOWBALL = frozenset(snowballstemmer.algorithms())

_stemmers = threading.local()  # a Snowball stemmer object is not safe to share


def stemmer(language):
    """The Snowball stemmer of a language code, or None if Snowball lacks the language."""
    name = LANGUAGE_NAMES.get(language)
    if name not in SNOWBALL:
        return None
    cache = _stemmers.__dict__
    if name not in cache:
        cache[name] = snowballstemmer.stemmer(name)
    return cache[name]


def fold(text):
    """Lower case, without accents: "Cetățenii" → "cetatenii", "ВЕЛИКО" → "велико"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=100_000)
def forms(language, word):
    """The forms a word of this language stands for (see the module docstring)."""
    lowered = word.casefold()
    stem = stemmer(language)
    if stem is None:
        return (fold(lowered),)
    accented, plain = fold(stem.stemWord(lowered)), stem.stemWord(fold(lowered))
    return (accented,) if accented == plain else (accented, plain)


def indexed_text(language, text):
    """The forms of every word of `text`, for a full-text index of plain tokens."""
    return " ".join(form for word in WORD.findall(text) for form in forms(language, word))


def query_forms(language, terms):
    """The forms of a query's terms in one language, each once, in the terms' order."""
    return list(dict.fromkeys(form for term in terms for form in forms(language, term)))


def with_unaccented_words(text):
    """`text`, followed by those of its words that carry accents, written without them: for
    a stemmer that takes the words as they come (PostgreSQL's), so that it also makes the
    forms of the words as a reader types them without accents."""
    words = WORD.findall(text)
    unaccented = dict.fromkeys(fold(word) for word in words if fold(word) != word.casefold())
    return " ".join([text, *unaccented])
