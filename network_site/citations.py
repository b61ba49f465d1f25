"""Citing a page: one `Citation` built from the page, written out in every format offered.

A case study, a guide or the roadmap shows a "Cite this" block
(templates/components/cite_this.html) with the reference in APA (7th edition) and Chicago
(17th edition, author-date) style, and offers it for reference managers at `cite/bib/`
(BibTeX), `cite/ris/` (RIS) and `cite/json/` (CSL-JSON) below the page's address. (Not
`cite.bib`: Wagtail serves only addresses whose segments are letters, digits, `-` and `_`.)
Every format is written from the same `Citation`, so they cannot disagree:

- author: the partner city that wrote the page, as an organisation ("City of Tartu"), or
  the network for the pages it wrote itself (the guides, the roadmap);
- publisher: the network (`settings.NETWORK_NAME`);
- year: the year the page was first published, so that a reference stays the same while
  editors keep the page up to date (the page's change history lists the updates);
- URL: the absolute address of the language version cited, and the language of its content
  (English for a page not yet translated, whatever its address), named in the text when it
  is not English ("[Italian translation]");
- accessed: today. The page itself may be kept by the page cache for a few minutes
  (network_site.page_cache); the downloads are never cached, so each gives the day it is
  downloaded.

The APA and Chicago texts are written in the reader's language (their words, "Retrieved …,
from", and the dates are translated, as reference managers localise these styles); the
downloads are data, for any language.
"""

import datetime
import json
import re
from dataclasses import dataclass

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.text import slugify
from django.utils.translation import get_language_info, gettext, pgettext

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from .languages import SOURCE_LANGUAGE, content_language
from .templatetags.display_tags import written_date


@dataclass(frozen=True)
class Citation:
    """What a reference to one language version of a page says, in any format."""

    title: str
    author: str  # An organisation, never split into given and family names.
    publisher: str
    year: int
    url: str
    accessed: datetime.date
    language: str  # The code of the language of the page's content: "it".
    key: str  # The BibTeX key and CSL id, and the name of the downloaded files.

    @property
    def language_name(self):
        """The content's language, named in English: "Italian"."""
        return LANG_INFO[self.language]["name"]

    @property
    def is_translation(self):
        return self.language != SOURCE_LANGUAGE

    def translation_note(self):
        """ " [Italian translation]" in the reader's language, or nothing for English."""
        if not self.is_translation:
            return ""
        language = get_language_info(self.language)["name_translated"]
        # Translators: after the title of a page in a citation; %(language)s is a language's
        # name, as "Italian" in "[Italian translation]".
        return " " + gettext("[%(language)s translation]") % {"language": language}

    def publisher_part(self):
        """The publisher and a full stop, unless it is the author too (both styles then
        leave it out)."""
        return "" if self.publisher == self.author else f" {self.publisher}."

    def written_accessed(self):
        # Translators: how a date is written in a citation ("Retrieved November 30, 2026"),
        # in the letters of Django's date filter (j day, F month name, Y year).
        return written_date(self.accessed, pgettext("date in a citation", "F j, Y"))


def as_apa(citation):
    """APA, 7th edition, for a web page with a group author: the title in italics in print,
    plain here (the text is for pasting)."""
    # Translators: the end of a citation in APA style; "Retrieved November 30, 2026, from
    # https://...".
    retrieved = gettext("Retrieved %(date)s, from %(url)s") % {
        "date": citation.written_accessed(),
        "url": citation.url,
    }
    return (
        f"{citation.author}. ({citation.year}). {citation.title}{citation.translation_note()}."
        f"{citation.publisher_part()} {retrieved}"
    )


def as_chicago(citation):
    """Chicago, 17th edition, author-date style (the reference list entry)."""
    # Translators: in a citation in Chicago style, "Accessed November 30, 2026."
    accessed = gettext("Accessed %(date)s.") % {"date": citation.written_accessed()}
    note = citation.translation_note()
    title = f"“{citation.title}”{note}." if note else f"“{citation.title}.”"
    return (
        f"{citation.author}. {citation.year}. {title}{citation.publisher_part()} "
        f"{accessed} {citation.url}."
    )


# What BibTeX and LaTeX read as commands, each written so it prints as itself.
BIBTEX_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def bibtex_escape(text):
    """`text` with BibTeX's and LaTeX's special characters escaped; other characters,
    accented letters included, stay as they are (the file is UTF-8)."""
    return "".join(BIBTEX_ESCAPES.get(character, character) for character in text)


def as_bibtex(citation):
    """A BibTeX `@misc` entry (read by BibTeX and biblatex alike). The author is in a second
    pair of braces, which keeps an organisation's name whole rather than splitting it into
    given and family names. The URL is left as it is: biblatex and the url package read it
    verbatim."""
    fields = {
        "author": "{" + bibtex_escape(citation.author) + "}",
        "title": bibtex_escape(citation.title),
        "publisher": bibtex_escape(citation.publisher),
        "year": str(citation.year),
        "url": citation.url.replace("{", "%7B").replace("}", "%7D"),
        "urldate": citation.accessed.isoformat(),
        # biblatex's language keys are babel's names of the languages: "italian".
        "language": citation.language_name.lower(),
    }
    lines = [f"@misc{{{citation.key},"]
    lines += [f"  {name} = {{{value}}}," for name, value in fields.items()]
    lines.append("}")
    return "\n".join(lines) + "\n"


def as_ris(citation):
    """A RIS record of a web page (`ELEC`): two-letter tags, two spaces, a hyphen and a
    space, lines ending in CR LF, `TY` first and `ER` last."""
    tags = [
        ("TY", "ELEC"),
        ("TI", citation.title),
        ("AU", citation.author),
        ("PB", citation.publisher),
        ("PY", str(citation.year)),
        ("UR", citation.url),
        ("Y2", citation.accessed.strftime("%Y/%m/%d")),
        ("LA", citation.language_name),
        ("ID", citation.key),
        ("ER", ""),
    ]
    # A value on one line: RIS ends a field at the end of the line.
    return "".join(f"{tag}  - {' '.join(value.split())}\r\n" for tag, value in tags)


def as_csl_json(citation):
    """CSL-JSON, the format of the Citation Style Language (Zotero, Mendeley, pandoc): a list
    of one item."""
    item = {
        "id": citation.key,
        "type": "webpage",
        "title": citation.title,
        "author": [{"literal": citation.author}],
        "publisher": citation.publisher,
        "issued": {"date-parts": [[citation.year]]},
        "accessed": {"date-parts": [list(citation.accessed.timetuple()[:3])]},
        "URL": citation.url,
        "language": citation.language,
    }
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"


@dataclass(frozen=True)
class Download:
    """One format offered for reference managers."""

    write: object  # A function of a `Citation` to the file's text.
    content_type: str
    extension: str


# By the last segment of the download's address (`cite/<name>/`).
DOWNLOADS = {
    "bib": Download(as_bibtex, "application/x-bibtex; charset=utf-8", "bib"),
    "ris": Download(as_ris, "application/x-research-info-systems; charset=utf-8", "ris"),
    "json": Download(
        as_csl_json, "application/vnd.citationstyles.csl+json; charset=utf-8", "json"
    ),
}


class CitablePageMixin(RoutablePageMixin):
    """A page readers can cite: its template includes components/cite_this.html, which
    shows `citation` from the context, and the page answers `cite/bib/`, `cite/ris/` and
    `cite/json/` with the downloads.

    Put it before the other bases, as any `RoutablePageMixin` (network_site.routing asks
    such a page about the rest of an address first).
    """

    def citation_author(self):
        """Who wrote the page: the network, unless a page type says otherwise."""
        return settings.NETWORK_NAME

    def citation(self, request):
        """The `Citation` of this page, served to `request`, accessed today."""
        language = content_language(self)
        published = self.first_published_at or self.last_published_at
        year = (published or timezone.now()).year  # Today's for a preview of a new page.
        name = slugify(self.slug) or "page"
        suffix = "" if language == SOURCE_LANGUAGE else f"-{language}"
        return Citation(
            title=self.title,
            author=self.citation_author(),
            publisher=settings.NETWORK_NAME,
            year=year,
            url=self.absolute_url(request),
            accessed=timezone.localdate(),
            language=language,
            key=re.sub(r"[^a-z0-9-]", "", f"{name}-{year}{suffix}"),
        )

    def absolute_url(self, request):
        """The page's address on the host the reader asked, as the `hreflang` links give it
        (network_site.languages); empty in the preview of a page not yet in the tree."""
        url = self.get_url(request)
        return request.build_absolute_uri(url) if url else ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        citation = self.citation(request)
        context["citation"] = citation
        context["citation_apa"] = as_apa(citation)
        context["citation_chicago"] = as_chicago(citation)
        return context

    @path("cite/<slug:file_format>/", name="cite")
    def cite(self, request, file_format):
        """The citation as a file for reference managers, never cached: it gives the day
        it is downloaded as the day the page was accessed."""
        download = DOWNLOADS.get(file_format)
        if download is None:
            raise Http404
        citation = self.citation(request)
        response = HttpResponse(download.write(citation), content_type=download.content_type)
        filename = f"{citation.key}.{download.extension}"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        # A file to import, not a page for search engines.
        response["X-Robots-Tag"] = "noindex"
        add_never_cache_headers(response)
        return response
