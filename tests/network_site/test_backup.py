"""Site archives: the demo site goes out with export_site and comes back whole with
import_site into a new, empty database; archives that cannot be imported, and databases
that must not take one, are refused with a message that says why."""

import html
import importlib
import io
import json
import re

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group
from django.contrib.contenttypes.management import create_contenttypes
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import Client

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import (
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    PageLogEntry,
    WorkflowState,
)

import pytest
from wagtail_factories import ImageFactory

from casestudies.models import CaseStudyPage, UpdatePage
from network_site.backup import FORMAT
from search.query import SearchQuery
from search.service import get_search_service
from tests.database import create_wagtail_initial_data

pytestmark = pytest.mark.django_db

QUESTIONS = ["virtual meetings", "complaints routed to the right office", "tourist app"]


def site_as_seen():
    """What readers and editors would notice of the site: every page with its place, type,
    state and revisions; searches through the service and the /search/ page; the bytes of
    every image and document; who may do what; moderation and the audit log."""
    pages = [
        (
            page.url_path,
            page.title,
            page.specific_class.__name__,
            page.live,
            page.url,
            page.revisions.count(),
        )
        for page in Page.objects.order_by("path")
    ]
    return {
        "pages": pages,
        "searches": {question: search(question) for question in QUESTIONS},
        "files": {
            **{image.title: file_bytes(image) for image in Image.objects.all()},
            **{document.title: file_bytes(document) for document in Document.objects.all()},
        },
        "group permissions": sorted(
            Group.objects.values_list("name", "permissions__codename").exclude(permissions=None)
        ),
        "page permissions": sorted(
            GroupPagePermission.objects.values_list(
                "group__name", "page__url_path", "permission__codename"
            )
        ),
        "collection permissions": sorted(
            GroupCollectionPermission.objects.values_list(
                "group__name", "collection__name", "permission__codename"
            )
        ),
        "moderation": sorted(
            WorkflowState.objects.values_list("workflow__name", "object_id", "status")
        ),
        "log entries": PageLogEntry.objects.count(),
        "users": sorted(get_user_model().objects.values_list("username", "email")),
    }


def search(question):
    """The hits of the search service, and the results as the /search/ page shows them."""
    hits = get_search_service().search(SearchQuery(text=question)).hits
    page = Client().get("/en/search/", {"q": question}).text
    results = re.search(r'<section class="listing__results".*?</section>', page, re.DOTALL)
    shown = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", results.group())).split())
    return [(hit.title, hit.url) for hit in hits], shown


def file_bytes(obj):
    with obj.file.open("rb") as stream:
        return stream.read()


def wipe_to_a_new_database():
    """Make the test database what `migrate` makes of a new one: every row and media file
    gone, the content types and permissions made again (under new ids, as in another
    database) and Wagtail's initial rows (root, welcome page, default site and groups)."""
    for image in Image.objects.all():
        default_storage.delete(image.file.name)
    for document in Document.objects.all():
        default_storage.delete(document.file.name)
    tables = set(connection.introspection.table_names())
    for model in apps.get_models(include_auto_created=True):
        if model._meta.managed and not model._meta.proxy and model._meta.db_table in tables:
            model._base_manager.all()._raw_delete(connection.alias)
    ContentType.objects.clear_cache()
    for app_config in apps.get_app_configs():
        create_contenttypes(app_config, verbosity=0)
        create_permissions(app_config, verbosity=0)
    create_wagtail_initial_data()
    # wagtail-localize's migration gives the groups "Can submit translations".
    importlib.import_module(
        "wagtail_localize.migrations.0006_create_submit_translation_permission"
    ).create_submit_translation_permission(apps, None)


@pytest.fixture
def content_types_cache():
    """The round trip gives content types new ids, which the rollback then undoes: forget
    the ids cached meanwhile."""
    yield
    ContentType.objects.clear_cache()


@pytest.fixture
def demo_site_in_use(demo, django_user_model):
    """The demo content as a site in use: the roles, a partner's update waiting for review,
    a photo on a case study, and a deleted update whose audit log entries remain."""
    call_command("setup_roles", verbosity=0)
    partner = django_user_model.objects.create_user(
        "partner-tartu", "partner@tartu.example", password="tartu-secret"
    )
    partner.groups.add(Group.objects.get(name="Partner – Tartu"))
    update = UpdatePage.objects.filter(city__slug="tartu", locale__language_code="en").first()
    update.title += " (revised)"
    update.save_revision(user=partner)
    update.get_workflow().start(update, partner)
    case_study = CaseStudyPage.objects.get(
        city__slug="tartu", slug__contains="virtual", locale__language_code="en"
    )
    case_study.image = ImageFactory(title="Town hall meeting")
    case_study.save_revision().publish()
    UpdatePage.objects.filter(city__slug="ghent", locale__language_code="en").first().delete()
    call_command("search_index", "rebuild", verbosity=0)
    return case_study


def test_the_demo_site_comes_back_whole_in_a_new_database(
    demo_site_in_use, content_types_cache, tmp_path, client
):
    archive = tmp_path / "archive"
    before = site_as_seen()
    page_type = ContentType.objects.get_for_model(CaseStudyPage).pk

    call_command("export_site", str(archive), stdout=io.StringIO())
    wipe_to_a_new_database()
    assert Page.objects.count() == 2
    assert ContentType.objects.get_for_model(CaseStudyPage).pk != page_type
    output = io.StringIO()
    call_command("import_site", str(archive), stdout=output, stderr=io.StringIO())

    after = site_as_seen()
    assert after["pages"] == before["pages"]
    assert after["searches"] == before["searches"]
    assert after["files"] == before["files"]
    assert after == before
    assert "The site's search index rebuilt" in output.getvalue()
    # A reader sees the photo, resized again from the original.
    response = client.get(demo_site_in_use.url)
    assert re.search(r'<img [^>]*src="/media/images/[^"]*\.width-480\.', response.text)
    # Without password hashes in the archive, nobody can sign in before getting a password.
    partner = get_user_model().objects.get(username="partner-tartu")
    assert not partner.has_usable_password()
    assert "tartu-secret" not in (archive / "data" / "auth.user.jsonl").read_text()


@pytest.fixture
def user(django_user_model):
    return django_user_model.objects.create_user("ana", "ana@example.org", password="secret")


@pytest.mark.parametrize("with_hashes", [False, True])
def test_passwords_come_back_only_with_their_hashes(user, tmp_path, with_hashes):
    archive = tmp_path / "archive"
    options = {"with_password_hashes": True} if with_hashes else {}
    call_command("export_site", str(archive), stdout=io.StringIO(), **options)
    user.delete()
    call_command(
        "import_site", str(archive), stdout=io.StringIO(), stderr=io.StringIO(), verbosity=0
    )
    restored = get_user_model().objects.get(username="ana")
    assert restored.check_password("secret") is with_hashes
    assert (user.password in (archive / "data" / "auth.user.jsonl").read_text()) is with_hashes


def test_a_site_with_content_is_refused_and_left_as_it_is(tmp_path):
    archive = tmp_path / "archive"
    call_command("export_site", str(archive), stdout=io.StringIO())
    Page.get_first_root_node().add_child(instance=Page(title="About us", slug="about"))
    pages = Page.objects.count()
    with pytest.raises(CommandError, match=r"holds content already \(.*wagtailcore.Page"):
        call_command("import_site", str(archive), stdout=io.StringIO())
    assert Page.objects.count() == pages


def test_a_file_already_in_the_storage_is_never_written_over(tmp_path):
    """Same name and bytes: the file is used as it is. Same name, other bytes (another
    site's file, say): the archive's copy is saved beside it and the document points there."""
    for title in ("Agenda", "Minutes"):
        Document.objects.create(
            title=title, file=ContentFile(f"{title} as archived".encode(), name=f"{title}.txt")
        )
    names = dict(Document.objects.values_list("title", "file"))
    archive = tmp_path / "archive"
    call_command("export_site", str(archive), stdout=io.StringIO())
    Document.objects.all().delete()
    for title, content in (("Agenda", "Agenda as archived"), ("Minutes", "Someone else's")):
        default_storage.delete(names[title])
        default_storage.save(names[title], ContentFile(content.encode()))

    output = io.StringIO()
    call_command("import_site", str(archive), stdout=output, stderr=io.StringIO())

    agenda, minutes = Document.objects.order_by("title")
    assert agenda.file.name == names["Agenda"]
    assert minutes.file.name != names["Minutes"]
    assert file_bytes(minutes) == b"Minutes as archived"
    with default_storage.open(names["Minutes"]) as stream:
        assert stream.read() == b"Someone else's"
    assert "1 copied, 1 already in the storage, 1 saved under a new name" in output.getvalue()


@pytest.fixture
def archive(tmp_path):
    """An archive of the empty test database."""
    path = tmp_path / "archive"
    call_command("export_site", str(path), stdout=io.StringIO())
    return path


def edit_manifest(archive, **changes):
    manifest = json.loads((archive / "manifest.json").read_text())
    manifest.update(changes)
    (archive / "manifest.json").write_text(json.dumps(manifest))


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (
            lambda archive: edit_manifest(archive, format_version=2),
            r"format_version 2, made by a newer version of the site; this one reads "
            r"format_version 1",
        ),
        (lambda archive: edit_manifest(archive, format_version="one"), r"no valid format_"),
        (lambda archive: edit_manifest(archive, format="something"), "not an archive of this"),
        (lambda archive: (archive / "manifest.json").unlink(), "no manifest.json"),
        (
            lambda archive: (archive / "data" / "wagtailcore.page.jsonl").write_text("{}\n"),
            r"wagtailcore.page.jsonl has changed since the archive was made",
        ),
        (
            lambda archive: edit_manifest(archive, migrations={"toolkit": ["0099_future"]}),
            r"other migrations than this database's \(only in the archive: toolkit.0099_fut",
        ),
    ],
)
def test_an_archive_that_cannot_be_imported_is_refused_with_the_reason(archive, spoil, message):
    spoil(archive)
    with pytest.raises(CommandError, match=message):
        call_command("import_site", str(archive), stdout=io.StringIO())
    assert Page.objects.count() == 2


def test_an_archive_names_its_format_and_what_it_holds(archive):
    manifest = json.loads((archive / "manifest.json").read_text())
    assert (manifest["format"], manifest["format_version"]) == (FORMAT, 1)
    counts = {entry["model"]: entry["count"] for entry in manifest["models"]}
    assert counts["wagtailcore.page"] == 2
    assert "wagtailcore.referenceindex" not in counts


def test_an_archive_is_never_written_over(archive):
    with pytest.raises(CommandError, match="exists already"):
        call_command("export_site", str(archive), stdout=io.StringIO())
