"""Safe HTML snippets with the matched words in <mark>, from any backend's highlighter.

Backends ask their highlighter to wrap matches in START and END, then pass the raw text
here: everything is escaped first, and only then are the markers turned into <mark> tags,
so nothing a user or an editor typed can inject markup. The markers are private-use
characters no one types; control characters would not do, since Elasticsearch's
highlighter trims those off the ends of a fragment. The database backends' highlighter is
`marked_snippet`, which marks the words whose forms (`search.analysis`) match the query's.
"""

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from .analysis import forms, query_forms
from .query import WORD

START = "\ue000"
END = "\ue001"
SNIPPET_WORDS = 40
# A marked snippet: this many words, starting a few before the first matched one.
MARKED_WORDS = 32
WORDS_BEFORE_MATCH = 4
ELLIPSIS = "…"


def marked_to_html(marked_text):
    html = escape(marked_text).replace(START, "<mark>").replace(END, "</mark>")
    return mark_safe(html)  # noqa: S308 - escaped above; only our own <mark> tags are added


def plain_snippet(text):
    """A snippet with nothing marked: the start of the text, escaped."""
    return escape(Truncator(text or "").words(SNIPPET_WORDS))


def marked_snippet(language, texts, terms):
    """HTML of the first of `texts` (a page's summary, then its body) in which a word
    matches one of the query's `terms`: about MARKED_WORDS words from just before that
    word, every matching word in <mark>. None if no word of any of them matches."""
    wanted = set(query_forms(language, terms))

    def matches(word):
        return not wanted.isdisjoint(forms(language, word.group()))

    for text in texts:
        words = list(WORD.finditer(text or ""))
        first = next((number for number, word in enumerate(words) if matches(word)), None)
        if first is None:
            continue
        end = min(len(words), max(0, first - WORDS_BEFORE_MATCH) + MARKED_WORDS)
        start = max(0, end - MARKED_WORDS)
        # From the window's first word to its last; at either end of the text, to the end,
        # so that the text's own first and last characters (a full stop) are kept.
        position = 0 if start == 0 else words[start].start()
        parts = [] if start == 0 else [ELLIPSIS]
        for word in words[start:end]:
            parts.append(text[position : word.start()])
            parts.append(f"{START}{word.group()}{END}" if matches(word) else word.group())
            position = word.end()
        parts.append(text[position:] if end == len(words) else ELLIPSIS)
        return marked_to_html("".join(parts))
    return None
