"""Safe HTML snippets with the matched words in <mark>, from any backend's highlighter.

Backends ask their highlighter to wrap matches in START and END, then pass the raw text
here: everything is escaped first, and only then are the markers turned into <mark> tags,
so nothing a user or an editor typed can inject markup. The markers are private-use
characters no one types; control characters would not do, since Elasticsearch's
highlighter trims those off the ends of a fragment.
"""

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

START = "\ue000"
END = "\ue001"
SNIPPET_WORDS = 40


def marked_to_html(marked_text):
    html = escape(marked_text).replace(START, "<mark>").replace(END, "</mark>")
    return mark_safe(html)  # noqa: S308 - escaped above; only our own <mark> tags are added


def plain_snippet(text):
    """A snippet with nothing marked: the start of the text, escaped."""
    return escape(Truncator(text or "").words(SNIPPET_WORDS))
