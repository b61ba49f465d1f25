"""Site archives: `manage.py export_site PATH` and `manage.py import_site PATH`.

An archive holds everything needed to rebuild the site in an empty database: the pages
with all their revisions, locales and translations, the snippets, settings and taxonomies
of every app, Wagtail's collections, the images and documents with their files, users
(without password hashes unless asked), groups and their permissions (Wagtail's page,
collection and site permissions included), workflows, tasks and the state of every
moderation, comments, the audit log, redirects and sites.

What it leaves out is either made by `migrate` (content types and permissions, which rows
name by natural key, e.g. `["wagtailcore", "page"]`) or made again from the content:
Wagtail's and the site's search indexes and the reference index (`import_site` rebuilds
all three), image renditions (made again from the originals when a page asks for them),
sessions (everyone signs in again) and what an open editor keeps for a few hours
(editing sessions, form states for previews, uploads waiting for their details). API
token digests, like password hashes, only go in with `--with-password-hashes`.

The format (version 1)
----------------------

PATH is a folder, not a single file: the import reads each file it lists as it needs it,
reads nothing it does not list (so no archive member can land outside it, as a crafted
tar member can), and the operator can look inside, copy it with rsync or pack it with
`tar -czf` for shipping. It holds:

- `manifest.json`, written last, so a folder without it is no archive:
  `format` ("interactive-cities-site-archive"), `format_version` (1), `created` (UTC,
  ISO 8601), `django_version`, `wagtail_version`, `database_vendor` (where it was made;
  an archive made on SQLite loads into PostgreSQL and back), `password_hashes` (whether
  users' hashes and API token digests are in it), `migrations` (the applied migrations
  by app: the import needs the same), `models` (one entry per table in load order:
  `model` label, `file`, `count` of rows, `sha256` of the file), `files` (each media
  file's storage `name`, `size` and `sha256`) and `missing_files` (names the database
  refers to that the storage did not have at export: the rows are kept, the files
  cannot be).
- `data/<app_label>.<model>.jsonl`: one row per line, each a Django-serialised object
  (`{"model": …, "pk": …, "fields": {…}}`) of that table only: a page type's row holds
  its own fields and `wagtailcore.page.jsonl` the shared ones, as Django stores them; a
  many-to-many table is a model of its own. Primary keys are kept, because StreamField
  blocks and revisions name pages, images and documents by their ids; foreign keys are
  ids too, except to content types and permissions (natural keys). A foreign key that
  points at a deleted row, such as the audit log's entries about a deleted page, is
  written as it is, never followed, so the audit log survives whole.
- `files/<name>`: each media file under its storage name, e.g.
  `files/original_images/harbour.jpg`, read and written through Django's storage API
  (`default_storage`: a folder, S3, ...).

Rules of the import
-------------------

- Only into an empty database: one with nothing but what `migrate` makes (Wagtail's root
  and untouched welcome page, the default site, locale, root collection, groups and
  workflow) and the site settings a first page view creates; the archive's rows replace
  those. Any page, user, image, document, snippet, redirect or other row beyond them
  refuses the import: it never merges an archive into a site, nor deletes a site to make
  room.
- The same migrations as the archive's, so the rows fit the tables as they were made.
- The archive is checked (format, checksums, file names) before anything is written.
- Media files are copied before the rows; a file already in the storage under its name is
  reused if its bytes are the same, and otherwise the archive's copy is saved under a new
  name that the row then points to, so no existing file is ever overwritten.
- The rows go in inside one transaction: on any error nothing is imported. Then the
  indexes are rebuilt.
- Without password hashes in the archive, every user gets an unusable password: nobody
  can sign in until an administrator sets a password (`manage.py changepassword NAME`);
  Django's "Forgotten password?" sends no e-mail for an unusable password.
"""

import hashlib
import json
import os
import shutil
import tempfile
import time
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path, PurePosixPath

import django
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.color import no_style
from django.core.serializers import base as serializer_base
from django.core.serializers import python as python_serializer
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DatabaseError, connection, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.db.models.signals import post_save

import wagtail
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page

from wagtail_localize.models import LocaleSynchronization, sync_trees_on_locale_sync_save

from .pages import is_untouched_welcome_page

FORMAT = "interactive-cities-site-archive"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATA = "data"
FILES = "files"

# The tables an archive leaves out, and why (see the module docstring).
LEFT_OUT = {
    "contenttypes.contenttype": "made by migrate; rows name them by natural key",
    "auth.permission": "made by migrate; rows name them by natural key",
    "sessions.session": "sign-ins: everyone signs in again",
    "wagtailimages.rendition": "made again from the original image when a page asks",
    "wagtailsearch.indexentry": "Wagtail's search index: rebuilt by the import",
    "wagtailsearch.sqliteftsindexentry": "Wagtail's search index: rebuilt by the import",
    "search.indexeddocument": "the site's search index: rebuilt by the import",
    "search.indexedfacetvalue": "the site's search index: rebuilt by the import",
    "search.indexedlocale": "the site's search index: rebuilt by the import",
    "wagtailcore.referenceindex": "Wagtail's reference index: rebuilt by the import",
    "wagtailadmin.editingsession": "who has an editor open, kept for minutes",
    "wagtailadmin.formstate": "editor forms kept for previews, for a day",
    "wagtailcore.uploadedfile": "uploads waiting for their details in a multiple upload",
    "django_tasks_database.dbtaskresult": "background work: queued again by what needs it",
    "axes.accessattempt": "failed sign-ins of the last minutes",
    "axes.accessattemptexpiration": "failed sign-ins of the last minutes",
    "axes.accessfailurelog": "failed sign-ins of the last minutes",
    "axes.accesslog": "sign-in history (not kept: AXES_DISABLE_ACCESS_LOG)",
}
# Credentials, archived only with --with-password-hashes (besides users' password hashes).
CREDENTIALS = {"wagtailcore.apitoken"}
# Tables `migrate` fills with Wagtail's initial configuration, which an import replaces.
# (Pages and collections are checked row by row: only the root and the untouched welcome
# page, and the root collection, are initial.)
INITIAL_CONFIGURATION = {
    "wagtailcore.locale",
    "wagtailcore.site",
    "auth.group",
    "auth.group_permissions",
    "wagtailcore.grouppagepermission",
    "wagtailcore.groupcollectionpermission",
    "wagtailcore.workflow",
    "wagtailcore.task",
    "wagtailcore.groupapprovaltask",
    "wagtailcore.groupapprovaltask_groups",
    "wagtailcore.workflowtask",
    "wagtailcore.workflowpage",
}
BATCH_SIZE = 500
CHUNK = 1024 * 1024


class ArchiveError(Exception):
    """The archive cannot be written or read, or the database cannot take it; the message
    says why and what to do."""


def quiet(message):
    """The default progress reporter: says nothing."""


@dataclass
class Summary:
    """What an export or an import did, for the command's last line."""

    rows: int = 0
    tables: int = 0
    files: int = 0
    size: int = 0
    seconds: float = 0.0
    notes: list = field(default_factory=list)


# Which tables


def archived_models(*, with_credentials):
    """The models whose rows an archive holds, in a stable order: every concrete, managed
    model (many-to-many tables included) but those of LEFT_OUT, and credentials only when
    asked. A model added to any app is archived without changing this module."""
    for model in apps.get_models(include_auto_created=True):
        label = model._meta.label_lower
        if model._meta.proxy or not model._meta.managed or label in LEFT_OUT:
            continue
        if label in CREDENTIALS and not with_credentials:
            continue
        yield model


def file_fields(model):
    return [f for f in model._meta.local_fields if isinstance(f, models.FileField)]


# Export


class RowWriter(python_serializer.Serializer):
    """Django's serialiser, writing one JSON line per row to `output` as it goes.

    Foreign keys stay ids, never followed (a dangling one is written as it is), except to
    content types and permissions, which `migrate` numbers anew in every database: those
    become natural keys. Many-to-many fields are left out: their tables are archived as
    models of their own. Without `keep_password_hashes`, users get an unusable password.
    """

    def __init__(self, output, natural_keys, *, keep_password_hashes):
        super().__init__()
        # Not `stream`: Serializer.serialize() sets that to a buffer of its own.
        self.output = output
        self.natural_keys = natural_keys
        self.keep_password_hashes = keep_password_hashes
        self.count = 0
        self.file_names = set()

    def handle_fk_field(self, obj, field):
        keys = self.natural_keys.get(field.related_model)
        if keys is None:
            super().handle_fk_field(obj, field)
            return
        value = getattr(obj, field.attname)
        if value is not None and value not in keys:
            raise ArchiveError(
                f"{obj._meta.label} {obj.pk} refers to {field.related_model._meta.label} "
                f"{value}, which does not exist."
            )
        self._current[field.name] = None if value is None else keys[value]

    def handle_m2m_field(self, obj, field):
        """Left out: the many-to-many table is archived as a model of its own."""

    def end_object(self, obj):
        row = self.get_dump_object(obj)
        if isinstance(obj, get_user_model()) and not self.keep_password_hashes:
            row["fields"]["password"] = make_password(None)
        for file_field in file_fields(type(obj)):
            if name := row["fields"].get(file_field.name):
                self.file_names.add(name)
        self.output.write(json.dumps(row, cls=DjangoJSONEncoder, ensure_ascii=False) + "\n")
        self.count += 1
        self._current = None


def export_site(path, *, with_password_hashes=False, progress=quiet):
    """Write an archive of the whole site to the new folder `path`; return a Summary."""
    started = time.monotonic()
    path = Path(path)
    if path.exists():
        raise ArchiveError(
            f"{path} exists already: name a new folder (an archive is never written over another)."
        )
    if not path.parent.is_dir():
        raise ArchiveError(f"{path.parent} is not a folder.")
    for model in apps.get_models():
        for file_field in file_fields(model):
            if file_field.storage is not default_storage:
                raise ArchiveError(
                    f"{model._meta.label}.{file_field.name} stores its files outside the "
                    "default storage, which this archive format does not copy."
                )
    # Written into a private folder beside it, renamed to `path` once complete.
    partial = Path(tempfile.mkdtemp(prefix=f".{path.name}.partial-", dir=path.parent))
    try:
        summary = Summary()
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "django_version": django.__version__,
            "wagtail_version": wagtail.__version__,
            "database_vendor": connection.vendor,
            "password_hashes": with_password_hashes,
            "migrations": applied_migrations(),
        }
        manifest["models"], file_names = write_rows(
            partial, with_password_hashes, progress, summary
        )
        manifest["files"], manifest["missing_files"] = copy_files_out(
            partial, sorted(file_names), progress, summary
        )
        write_json(partial / MANIFEST, manifest)
        os.replace(partial, path)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    summary.size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    summary.seconds = time.monotonic() - started
    if manifest["missing_files"]:
        summary.notes.append(
            f"{len(manifest['missing_files'])} file(s) the database refers to were missing "
            "from the storage and are not in the archive (listed in manifest.json under "
            "missing_files)."
        )
    if with_password_hashes:
        summary.notes.append(
            "The archive holds password hashes and API token digests: keep it as safe as "
            "the database."
        )
    return summary


def write_rows(folder, with_password_hashes, progress, summary):
    """Write every archived table, as one consistent snapshot of the database; return the
    manifest's `models` entries and the names of the media files the rows refer to."""
    (folder / DATA).mkdir()
    natural_keys = {
        ContentType: {ct.pk: list(ct.natural_key()) for ct in ContentType.objects.all()},
        Permission: {
            p.pk: list(p.natural_key()) for p in Permission.objects.select_related("content_type")
        },
    }
    entries = []
    file_names = set()
    snapshot = connection.vendor == "postgresql" and not connection.in_atomic_block
    with transaction.atomic():
        if snapshot:
            # Every table as of one moment, even while editors keep working.
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        for model in archived_models(with_credentials=with_password_hashes):
            label = model._meta.label_lower
            relative = f"{DATA}/{label}.jsonl"
            with (folder / relative).open("w", encoding="utf-8") as stream:
                writer = RowWriter(stream, natural_keys, keep_password_hashes=with_password_hashes)
                rows = model._base_manager.order_by("pk").iterator(chunk_size=2000)
                writer.serialize(rows)
            entries.append(
                {
                    "model": label,
                    "file": relative,
                    "count": writer.count,
                    "sha256": sha256_of(folder / relative),
                }
            )
            file_names |= writer.file_names
            summary.rows += writer.count
            summary.tables += 1
            if writer.count:
                progress(f"{label}: {writer.count}")
    progress(f"Rows: {summary.rows} in {summary.tables} tables")
    return entries, file_names


def copy_files_out(folder, names, progress, summary):
    """Copy the named files from the storage into `files/`; return the manifest's `files`
    entries and the names the storage did not have."""
    entries, missing = [], []
    step = max(1, len(names) // 10)
    for done, name in enumerate(names, 1):
        if not default_storage.exists(name):
            missing.append(name)
            progress(f"Missing from the storage, left out: {name}")
            continue
        target = folder / FILES / safe_name(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        with default_storage.open(name, "rb") as source, target.open("wb") as copy:
            while chunk := source.read(CHUNK):
                digest.update(chunk)
                copy.write(chunk)
        entries.append({"name": name, "size": target.stat().st_size, "sha256": digest.hexdigest()})
        summary.files += 1
        if done % step == 0 or done == len(names):
            progress(f"Files: {done}/{len(names)}")
    return entries, missing


# Import


def import_site(path, *, progress=quiet, verbosity=1, stdout=None):
    """Import the archive at `path` into this empty database, then rebuild the indexes;
    return a Summary. See "Rules of the import" in the module docstring."""
    started = time.monotonic()
    path = Path(path)
    manifest = read_manifest(path)
    check_migrations(manifest["migrations"])
    check_database_is_empty()
    check_archive(path, manifest, progress)

    summary = Summary()
    renamed = copy_files_in(path, manifest["files"], progress, summary)
    nothing_imported = (
        "Nothing was imported (the media files copied stay in the storage; another import "
        "reuses them)."
    )
    try:
        with transaction.atomic(), locale_sync_signal_off():
            load_rows(path, manifest, renamed, progress, summary)
    except ArchiveError as error:
        raise ArchiveError(f"{error} {nothing_imported}") from error
    except (DatabaseError, serializer_base.DeserializationError, ValueError) as error:
        raise ArchiveError(
            f"The archive's rows could not be loaded: {error}. {nothing_imported}"
        ) from error
    rebuild_indexes(progress, verbosity=verbosity, stdout=stdout)

    summary.seconds = time.monotonic() - started
    if not manifest["password_hashes"]:
        users = next((e["count"] for e in manifest["models"] if e["model"] == user_label()), 0)
        if users:
            summary.notes.append(
                f"The archive holds no password hashes: the {users} user(s) have unusable "
                "passwords and cannot sign in (nor ask for a reset e-mail) until an "
                "administrator sets one: manage.py changepassword NAME."
            )
    if manifest["missing_files"]:
        summary.notes.append(
            f"{len(manifest['missing_files'])} file(s) were already missing when the archive "
            "was made (manifest.json, missing_files): their images or documents have no file."
        )
    return summary


def read_manifest(path):
    """The archive's manifest, checked for its format and version."""
    manifest_path = path / MANIFEST
    if not path.is_dir():
        raise ArchiveError(
            f"{path} is not a folder: an archive is the folder export_site "
            "wrote (unpack a .tar.gz first)."
        )
    if not manifest_path.is_file():
        raise ArchiveError(
            f"{path} is not a site archive: it has no {MANIFEST} (an export "
            "that did not finish leaves none)."
        )
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as error:
        raise ArchiveError(f"{manifest_path} is not valid JSON: {error}") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ArchiveError(
            f"{path} is not an archive of this site ({MANIFEST} does not say "
            f'"format": "{FORMAT}").'
        )
    version = manifest.get("format_version")
    if type(version) is not int or version < 1:
        raise ArchiveError(f"{MANIFEST} has no valid format_version ({version!r}).")
    if version > FORMAT_VERSION:
        raise ArchiveError(
            f"The archive is in format_version {version}, made by a newer version of the "
            f"site; this one reads format_version {FORMAT_VERSION}. Import it with the code "
            "that made it."
        )
    expected = {
        "password_hashes": bool,
        "migrations": dict,
        "models": list,
        "files": list,
        "missing_files": list,
    }
    for key, kind in expected.items():
        if not isinstance(manifest.get(key), kind):
            raise ArchiveError(f"{MANIFEST} is incomplete: {key!r} is missing or malformed.")
    return manifest


def check_archive(path, manifest, progress):
    """Every listed file is there, unchanged, and named safely; every model exists here."""
    try:
        for entry in manifest["models"]:
            try:
                apps.get_model(entry["model"])
            except (LookupError, ValueError) as error:
                raise ArchiveError(
                    f"The archive holds rows of {entry['model']}, which this site does not have."
                ) from error
            if entry["file"] != f"{DATA}/{entry['model']}.jsonl":
                raise ArchiveError(f"{MANIFEST} names an unexpected data file {entry['file']!r}.")
            if type(entry["count"]) is not int:
                raise TypeError(f"the count of {entry['model']}")
            check_file(path / entry["file"], entry["sha256"], None)
        for entry in manifest["files"]:
            check_file(path / FILES / safe_name(entry["name"]), entry["sha256"], entry["size"])
    except (KeyError, TypeError) as error:
        raise ArchiveError(f"{MANIFEST} has a malformed entry ({error}).") from error
    rows = sum(entry["count"] for entry in manifest["models"])
    progress(
        f"Archive of {manifest.get('created', 'an unknown date')} checked: {rows} rows in "
        f"{len(manifest['models'])} tables, {len(manifest['files'])} files"
    )


def check_file(file_path, expected_sha256, expected_size):
    if not file_path.is_file():
        raise ArchiveError(f"The archive lacks {file_path}.")
    if expected_size is not None and file_path.stat().st_size != expected_size:
        raise ArchiveError(f"{file_path} does not have the size the manifest gives.")
    if sha256_of(file_path) != expected_sha256:
        raise ArchiveError(f"{file_path} has changed since the archive was made (checksum).")


def check_migrations(archived):
    """The database has applied exactly the migrations the archive was made at."""
    here = applied_migrations()
    if archived == here:
        return
    archived_set = {(app, name) for app, names in archived.items() for name in names}
    here_set = {(app, name) for app, names in here.items() for name in names}

    def listed(pairs):
        names = [f"{app}.{name}" for app, name in sorted(pairs)]
        return ", ".join(names[:8]) + (f" and {len(names) - 8} more" if len(names) > 8 else "")

    differences = []
    if archived_set - here_set:
        differences.append(f"only in the archive: {listed(archived_set - here_set)}")
    if here_set - archived_set:
        differences.append(f"only in this database: {listed(here_set - archived_set)}")
    raise ArchiveError(
        "The archive was made at other migrations than this database's ("
        + "; ".join(differences)
        + "). Import it with the code it was made with, migrated as far as the archive "
        "says, then deploy the current code and run migrate."
    )


def check_database_is_empty():
    """Refuse a database holding anything but what `migrate` makes (see the docstring)."""
    # Named first in the message: what an operator recognises as a site's content.
    headline = {Page, get_user_model(), get_image_model(), get_document_model()}
    found = []
    for model in archived_models(with_credentials=True):
        label = model._meta.label_lower
        if label in INITIAL_CONFIGURATION or issubclass(
            model, BaseGenericSetting | BaseSiteSetting
        ):
            continue
        rows = model._base_manager.all()
        if model is Page:
            count = sum(
                1
                for page in rows.filter(depth__gt=1).iterator()
                if not is_untouched_welcome_page(page)
            )
        elif model is Collection:
            count = rows.filter(depth__gt=1).count()
        else:
            count = rows.count()
        if count:
            found.append((model not in headline, f"{count} {model._meta.label}"))
    if found:
        found = [text for _, text in sorted(found, key=lambda item: item[0])]
        raise ArchiveError(
            "This database holds content already ("
            + ", ".join(found[:10])
            + (", …" if len(found) > 10 else "")
            + "). import_site only imports into an empty database, as migrate leaves it, so "
            "it never mixes an archive with a site nor deletes one. Create a new database, "
            "run migrate, import there, check the site, then switch to it."
        )


def copy_files_in(path, entries, progress, summary):
    """Put the archive's media files into the storage; return {archived name: new name}
    for the files that had to be saved under another name."""
    renamed = {}
    reused = 0
    step = max(1, len(entries) // 10)
    for done, entry in enumerate(entries, 1):
        name = entry["name"]
        source = path / FILES / safe_name(name)
        if default_storage.exists(name):
            with default_storage.open(name, "rb") as existing:
                if sha256_of_stream(existing) == entry["sha256"]:
                    reused += 1
                    continue
            name = free_name(name)
        with source.open("rb") as stream:
            saved = default_storage.save(name, File(stream, name=name))
        if saved != entry["name"]:
            renamed[entry["name"]] = saved
        summary.files += 1
        summary.size += entry["size"]
        if done % step == 0 or done == len(entries):
            progress(f"Files: {done}/{len(entries)}")
    progress(
        f"Files: {summary.files} copied, {reused} already in the storage, "
        f"{len(renamed)} saved under a new name"
    )
    return renamed


def free_name(name):
    """A name beside `name` that the storage does not hold yet."""
    root, extension = os.path.splitext(name)
    while True:
        candidate = default_storage.get_alternative_name(root, extension)
        if not default_storage.exists(candidate):
            return candidate


@contextmanager
def locale_sync_signal_off():
    """wagtail-localize syncs the page trees whenever a language's "sync from English" row
    is saved, even a row loaded as it is (raw): during an import that would copy pages
    before the archive's own aliases and locales are in. The archive holds the trees
    already in step."""
    post_save.disconnect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)
    try:
        yield
    finally:
        post_save.connect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)


def load_rows(path, manifest, renamed, progress, summary):
    """Replace Wagtail's initial configuration with the archive's rows (in the caller's
    transaction), check every foreign key, and move the id sequences past the rows."""
    loaded = [apps.get_model(entry["model"]) for entry in manifest["models"]]
    # Deleted without signals or cascades: besides the initial rows they are empty.
    # Foreign keys are checked at the end of the transaction, so the order does not matter.
    for model in set(loaded) | set(archived_models(with_credentials=True)):
        model._base_manager.all()._raw_delete(connection.alias)
    for model, entry in zip(loaded, manifest["models"], strict=True):
        count = load_table(path / entry["file"], model, entry["model"], renamed)
        if count != entry["count"]:
            raise ArchiveError(
                f"{entry['file']} holds {count} rows; the manifest says {entry['count']}."
            )
        summary.rows += count
        summary.tables += 1
        if count:
            progress(f"{entry['model']}: {count}")
    # Names the row and the key at fault, rather than failing at the commit.
    connection.check_constraints(table_names=[model._meta.db_table for model in loaded])
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), loaded):
            cursor.execute(statement)
    progress(f"Rows: {summary.rows} in {summary.tables} tables")


def load_table(file_path, model, label, renamed):
    """Insert the rows of one data file; return how many."""
    count = 0
    names_to_rename = file_fields(model) if renamed else []
    with file_path.open(encoding="utf-8") as stream:
        while lines := list(islice(stream, BATCH_SIZE)):
            rows = [json.loads(line) for line in lines]
            for row in rows:
                if row.get("model") != label:
                    raise ArchiveError(f"{file_path} holds a row of {row.get('model')!r}.")
                for file_field in names_to_rename:
                    value = row["fields"].get(file_field.name)
                    row["fields"][file_field.name] = renamed.get(value, value)
            for obj in python_serializer.Deserializer(rows, using=connection.alias):
                # Only this table's row (raw): a page's base row is in wagtailcore.page.
                obj.save(using=connection.alias, force_insert=True)
                count += 1
    return count


def rebuild_indexes(progress, *, verbosity, stdout):
    """Rebuild the site's search index, Wagtail's search index and the reference index."""
    options = {"verbosity": max(verbosity - 1, 0)}
    if stdout is not None:
        options["stdout"] = stdout
    for command, args, what in (
        ("search_index", ["rebuild"], "The site's search index"),
        ("update_index", [], "Wagtail's search index (the admin's search)"),
        ("rebuild_references_index", [], "The reference index"),
    ):
        started = time.monotonic()
        try:
            call_command(command, *args, **options)
        except Exception as error:
            raise ArchiveError(
                f"The archive is imported, but rebuilding {what.lower()} failed: {error}. "
                f"Run `manage.py {' '.join([command, *args])}` once the cause is fixed."
            ) from error
        progress(f"{what} rebuilt ({time.monotonic() - started:.1f} s)")


# Shared


def applied_migrations():
    """The migrations applied to this database, as {app: [name, ...]}, sorted."""
    recorder = MigrationRecorder(connection)
    applied = defaultdict(list)
    if recorder.has_table():
        for app, name in recorder.applied_migrations():
            applied[app].append(name)
    return {app: sorted(names) for app, names in sorted(applied.items())}


def safe_name(name):
    """A storage name as a relative path inside the archive's files/ folder, or an error
    for one that could leave it (absolute, '..', a drive)."""
    if not isinstance(name, str) or not name or "\\" in name or ":" in name:
        raise ArchiveError(f"The archive names a file unsafely: {name!r}.")
    posix = PurePosixPath(name)
    if posix.is_absolute() or any(part in ("..", ".", "") for part in name.split("/")):
        raise ArchiveError(f"The archive names a file unsafely: {name!r}.")
    return Path(*posix.parts)


def sha256_of(file_path):
    with Path(file_path).open("rb") as stream:
        return sha256_of_stream(stream)


def sha256_of_stream(stream):
    digest = hashlib.sha256()
    while chunk := stream.read(CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


def write_json(file_path, data):
    file_path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def user_label():
    return get_user_model()._meta.label_lower
