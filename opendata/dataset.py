"""The dataset of everything readers may see, as a Frictionless Data Package, served at
`/open-data/datapackage.json` with its resources beside it (`case-studies.csv`,
`cities.csv`, `guides.csv`).

**What it holds.** One row per readable case study, partner city page and toolkit guide in
every language that has content of its own: the English pages and their published
translations (`network_site.languages.in_their_own_language`, as the read API lists them).
Aliases (a language tree's copies of English pages not yet translated) are left out: they
would repeat the English rows nine times. The `key` column joins the
language versions of one page. The columns are the exports' (`opendata.rows`), written by
the same CSV writer (UTF-8 with a byte order mark, formulas neutralised); the descriptor
gives each resource's table schema and the content licence.

**When it is written.** By `manage.py export_dataset`, and after every change readers
could see in it (publish, unpublish, move, delete, privacy, a theme or channel, the
licence), once the transaction commits:

- every change marks the dataset stale, and the next request for one of its files writes
  it first: a page that was unpublished or made private never stays in the files readers
  get, even while the task worker is down. One request writes at a time (a lock in the
  cache); the others meanwhile answer 503 with `Retry-After`, never the stale files;
- where tasks wait in a queue (production's task worker), a task is also queued to run
  `DEBOUNCE_SECONDS` later, and no other is queued until it starts: a bulk publish of a
  hundred pages writes the dataset once, a minute after the first, so readers seldom wait;
- where tasks would run at once (development, tests), nothing is queued: loading the demo
  publishes hundreds of pages and writes nothing.

The marks live in Django's cache (shared Redis in production); if the cache fails, the
task is queued anyway, and the files are then at most `DEBOUNCE_SECONDS` behind. The files
go to Django's default storage (`MEDIA_ROOT` or the bucket) under `open-data/<time>/`, a
new folder each time, the descriptor last; the site serves the newest folder that has its
descriptor, so a reader never gets the package of one run with a file of another. Of the
older folders, the one before is kept (a reader may be downloading it) and the rest are
removed. Nothing here writes to the database: it only reads the pages, and a backup
(`export_site`) leaves these files out, as `export_dataset` makes them again.
"""

import datetime
import hashlib
import json
import logging
from urllib.parse import urljoin

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.http import FileResponse
from django.utils import timezone, translation

from wagtail.models import Page

from django_tasks import task

from casestudies.models import CaseStudyPage, CityPage
from network_site.languages import (
    in_their_own_language,
    language_codes,
    taxonomy_names,
    with_content_source,
)
from network_site.models import SiteText, Theme
from toolkit.models import GuidePage

from .formats import csv_lines
from .rows import (
    CASE_STUDY_COLUMNS,
    CITY_COLUMNS,
    GUIDE_COLUMNS,
    CaseStudyRows,
    city_row,
    guide_row,
    prepared_case_studies,
)

logger = logging.getLogger(__name__)

FOLDER = "open-data"
DESCRIPTOR = "datapackage.json"
DEBOUNCE_SECONDS = 60
QUEUED_KEY = "opendata:regeneration-queued"
STALE_KEY = "opendata:stale"
# Held while a request writes the dataset; a write that outlives it (a crashed worker)
# no longer keeps others waiting.
WRITING_KEY = "opendata:writing"
WRITE_SECONDS = 300
CHUNK_SIZE = 1000
PROGRESS_EVERY = 1000


def own_content(pages):
    """Readable pages with content of their own: the English pages and the published
    translations, no aliases (see the module docstring)."""
    return in_their_own_language(pages.readable())


def case_study_rows(licence):
    """Every case study's row, language by language, each in its language."""
    for language in language_codes():
        with translation.override(language):
            make_row = CaseStudyRows(licence, url_of=absolute_url)
            pages = prepared_case_studies(
                own_content(CaseStudyPage.objects.in_language(language))
            ).order_by("-start_year", "title", "pk")
            for page in pages.iterator(chunk_size=CHUNK_SIZE):
                yield make_row(page)


def city_rows(licence):
    for language in language_codes():
        pages = with_content_source(own_content(CityPage.objects.in_language(language)))
        for page in pages.order_by("title", "pk").iterator(chunk_size=CHUNK_SIZE):
            yield city_row(page, licence, url_of=absolute_url)


def guide_rows(licence):
    for language in language_codes():
        with translation.override(language):
            theme_names = taxonomy_names(Theme)
            pages = with_content_source(own_content(GuidePage.objects.in_language(language)))
            pages = pages.prefetch_related("themes")
            for page in pages.order_by("title", "pk").iterator(chunk_size=CHUNK_SIZE):
                yield guide_row(page, licence, absolute_url, theme_names)


RESOURCES = (
    (
        "case-studies",
        "The network's case studies, one row per language version.",
        CASE_STUDY_COLUMNS,
        case_study_rows,
    ),
    ("cities", "The partner cities, one row per language version.", CITY_COLUMNS, city_rows),
    (
        "guides",
        "The toolkit's best-practice guides, one row per language version.",
        GUIDE_COLUMNS,
        guide_rows,
    ),
)
FILES = {DESCRIPTOR, *(f"{name}.csv" for name, *_ in RESOURCES)}


def schema(columns):
    """A Frictionless table schema of these columns (an empty cell is a missing value)."""
    return {
        "fields": [
            {"name": c.name, "type": c.type, "description": c.description} for c in columns
        ],
        "primaryKey": ["id"],
        "missingValues": [""],
    }


class Counted:
    """The rows of an iterable, counted as they are read; `progress(count)` every
    `PROGRESS_EVERY` rows."""

    def __init__(self, rows, progress=None):
        self.rows = rows
        self.count = 0
        self.progress = progress

    def __iter__(self):
        for row in self.rows:
            self.count += 1
            if self.progress and self.count % PROGRESS_EVERY == 0:
                self.progress(self.count)
            yield row


def site_url():
    """The site's public address, which production requires in WAGTAILADMIN_BASE_URL (the
    review e-mails link to it too). Pages, exports and the API take the host the reader
    asked; the dataset is written without a request to take it from."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute_url(page):
    """The page's address on the site's public address (`site_url`)."""
    return urljoin(f"{site_url()}/", page.get_url())


def build(progress=None):
    """{file name: bytes} of the whole package. `progress(file, rows, done)` is called
    every thousand rows and when each resource is complete."""
    licence = SiteText.load().licence
    files, resources = {}, []
    for name, description, columns, rows_of in RESOURCES:
        path = f"{name}.csv"
        rows = Counted(
            rows_of(licence), progress and (lambda n, path=path: progress(path, n, False))
        )
        data = "".join(csv_lines(columns, rows)).encode()
        files[path] = data
        resources.append(
            {
                "name": name,
                "path": path,
                "profile": "tabular-data-resource",
                "description": description,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig",
                "bytes": len(data),
                "hash": f"sha256:{hashlib.sha256(data).hexdigest()}",
                "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "header": True},
                "schema": schema(columns),
            }
        )
        if progress:
            progress(path, rows.count, True)
    descriptor = {
        "profile": "tabular-data-package",
        "name": "interactive-cities",
        "title": "Interactive Cities: case studies, partner cities and guides",
        "description": (
            "What the URBACT Interactive Cities network published: its partner cities' case "
            "studies, the cities and the toolkit's guides, in every language the site has them."
        ),
        "homepage": site_url(),
        "created": timezone.now().astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "licenses": [{"title": licence["name"], "path": licence["url"]}],
        "resources": resources,
    }
    files[DESCRIPTOR] = json.dumps(descriptor, ensure_ascii=False, indent=2).encode()
    return files


def write(progress=None):
    """Build the package and put it in the storage (see the module docstring); return the
    folder it went to. The descriptor is written last: a folder without one is incomplete
    and never served."""
    cache_delete(STALE_KEY)
    files = build(progress)
    folder = f"{FOLDER}/{timezone.now():%Y%m%dT%H%M%S%f}"
    for name in sorted(files, key=lambda name: name == DESCRIPTOR):
        default_storage.save(f"{folder}/{name}", ContentFile(files[name]))
    for old in folders()[:-2]:
        remove(old)
    return folder


def folders():
    """The dataset folders in the storage, oldest first."""
    try:
        names, _ = default_storage.listdir(FOLDER)
    except FileNotFoundError:
        return []
    return [f"{FOLDER}/{name}" for name in sorted(names)]


def remove(folder):
    for name in FILES:
        default_storage.delete(f"{folder}/{name}")
    try:
        default_storage.delete(folder)  # the empty directory, where the storage has them
    except OSError:
        logger.info("Open data: %s left in the storage", folder)


def current_folder():
    """The newest complete folder (one with its descriptor), or None."""
    complete = [f for f in folders() if default_storage.exists(f"{f}/{DESCRIPTOR}")]
    return complete[-1] if complete else None


class BeingWritten(Exception):
    """Another request is writing the dataset: its current files may be stale."""


def serve(name):
    """A FileResponse of the dataset's file `name`, written first if it never was or a
    change has made it stale; None for a name that is not one of its files. Raises
    BeingWritten while another request writes it."""
    if name not in FILES:
        return None
    folder = current_folder()
    if folder is None or cache_get(STALE_KEY):
        if not cache_add(WRITING_KEY, timeout=WRITE_SECONDS):
            raise BeingWritten
        try:
            folder = write()
        finally:
            cache_delete(WRITING_KEY)
    content_type = "application/json" if name == DESCRIPTOR else "text/csv; charset=utf-8"
    response = FileResponse(
        default_storage.open(f"{folder}/{name}", "rb"), content_type=content_type
    )
    if name != DESCRIPTOR:
        response["Content-Disposition"] = f'attachment; filename="interactive-cities-{name}"'
    return response


@task()
def regenerate_dataset():
    """Write the dataset again (queued after changes; see the module docstring)."""
    cache_delete(QUEUED_KEY)
    write()


def regeneration_wanted():
    """After a change readers could see in the dataset: queue its regeneration, or mark it
    stale (see the module docstring)."""
    cache_set(STALE_KEY)
    backend = regenerate_dataset.get_backend()
    if not backend.supports_defer:
        return
    if not cache_add(QUEUED_KEY, timeout=DEBOUNCE_SECONDS * 10):
        return
    run_after = timezone.now() + datetime.timedelta(seconds=DEBOUNCE_SECONDS)
    regenerate_dataset.using(run_after=run_after).enqueue()


def on_change(sender, **kwargs):
    transaction.on_commit(regeneration_wanted, robust=True)


def on_page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        on_change(sender)


# The cache holds only marks; a failing cache must neither break a publish nor lose a
# regeneration, so each call says what to do without it.
def cache_add(key, timeout):
    """Whether this call set `key` (so the caller goes first); True too when the cache
    cannot tell, so that a regeneration is queued rather than lost. The production cache
    answers `add` with False while Redis is down (`network_site.cache`), as if the key were
    there: the key is then read back, and a cache that has nothing is taken as down."""
    try:
        return cache.add(key, True, timeout=timeout) or not cache.get(key)
    except Exception:  # Any failure of the cache: queue rather than lose the regeneration.
        logger.warning("Open data: the cache failed; queuing a regeneration", exc_info=True)
        return True


def cache_set(key):
    try:
        cache.set(key, True, timeout=None)
    except Exception:
        logger.warning("Open data: the cache failed; the dataset may be stale", exc_info=True)


def cache_get(key):
    try:
        return cache.get(key)
    except Exception:
        logger.warning("Open data: the cache failed", exc_info=True)
        return False


def cache_delete(key):
    try:
        cache.delete(key)
    except Exception:
        logger.warning("Open data: the cache failed", exc_info=True)
