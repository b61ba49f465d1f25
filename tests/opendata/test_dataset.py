"""The open dataset: a Frictionless Data Package of every readable case study and city,
written by `manage.py export_dataset` and after changes, served at /open-data/."""

import csv
import datetime
import hashlib
import io
import json

from django.core.files.storage import default_storage
from django.core.management import call_command
from django.utils import timezone

import pytest
from django_tasks import default_task_backend

from casestudies.factories import CaseStudyPageFactory
from casestudies.models import CaseStudyPage
from opendata import dataset
from tests.conftest import fresh
from toolkit.factories import GuidePageFactory

pytestmark = pytest.mark.django_db

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def case_studies(tartu, ghent, site_tree, themes):
    GuidePageFactory(
        parent=site_tree["toolkit"], title="Answer online", themes=[themes["governance"]]
    )
    CaseStudyPageFactory(parent=tartu.case_studies_section, title="Virtual planning meetings")
    CaseStudyPageFactory(parent=ghent.case_studies_section, title="Neighbourhood budgets")
    CaseStudyPageFactory(parent=ghent.case_studies_section, title="Not yet", live=False)


@pytest.fixture(autouse=True)
def _empty_storage():
    """The in-memory storage outlives each test: every test starts without a dataset."""
    for folder in dataset.folders():
        dataset.remove(folder)


def regenerations():
    """The dataset's tasks queued (the search's re-index tasks are queued beside them)."""
    return [r for r in default_task_backend.results if r.task.name == "regenerate_dataset"]


def stored(name):
    with default_storage.open(f"{dataset.current_folder()}/{name}", "rb") as file:
        return file.read()


def table(data):
    assert data.startswith(b"\xef\xbb\xbf")
    header, *rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    return header, [dict(zip(header, row, strict=True)) for row in rows]


def test_the_command_writes_a_valid_data_package(client, case_studies):
    output = io.StringIO()
    call_command("export_dataset", stdout=output)
    assert "case-studies.csv: 2 rows, written" in output.getvalue()
    assert "cities.csv: 2 rows, written" in output.getvalue()
    assert "guides.csv: 1 rows, written" in output.getvalue()

    package = json.loads(stored("datapackage.json"))
    assert package["profile"] == "tabular-data-package"
    assert package["licenses"] == [
        {"title": "CC BY 4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}
    ]
    resources = {resource["name"]: resource for resource in package["resources"]}
    assert set(resources) == {"case-studies", "cities", "guides"}
    for resource in resources.values():
        data = stored(resource["path"])
        assert resource["bytes"] == len(data)
        assert resource["hash"] == f"sha256:{hashlib.sha256(data).hexdigest()}"
        header, _ = table(data)
        assert [field["name"] for field in resource["schema"]["fields"]] == header

    export = client.get("/en/case-studies/export.csv").streaming_content
    export_header, _ = table(b"".join(export))
    case_study_fields = resources["case-studies"]["schema"]["fields"]
    assert [field["name"] for field in case_study_fields] == export_header

    _, rows = table(stored("case-studies.csv"))
    assert sorted(row["title"] for row in rows) == [
        "Neighbourhood budgets",
        "Virtual planning meetings",
    ]
    assert {row["licence"] for row in rows} == {"CC BY 4.0"}
    # On the site's public address (WAGTAILADMIN_BASE_URL), not the Site record's.
    assert {row["url"][:23] for row in rows} == {"http://testserver/en/ci"}
    _, (guide,) = table(stored("guides.csv"))
    assert (guide["title"], guide["themes"], guide["steps"]) == (
        "Answer online",
        "Governance",
        "List your channels",
    )


def test_the_site_serves_the_package_and_its_files(client, case_studies):
    descriptor = client.get("/open-data/datapackage.json")  # written on first request
    assert descriptor.status_code == 200
    package = json.loads(b"".join(descriptor.streaming_content))
    assert descriptor["Link"] == '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'
    for resource in package["resources"]:
        response = client.get(f"/open-data/{resource['path']}")
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert b"".join(response.streaming_content) == stored(resource["path"])
    for missing in ("/open-data/secrets.json", "/open-data/../settings.py", "/open-data/x.txt"):
        assert client.get(missing).status_code == 404  # not a redirect to a language
    assert "Accept-Language" not in descriptor.get("Vary", "")


def test_a_publish_marks_it_stale_where_tasks_run_at_once(
    client, case_studies, tartu, django_capture_on_commit_callbacks
):
    call_command("export_dataset", stdout=io.StringIO())
    page = CaseStudyPageFactory(parent=tartu.case_studies_section, title="Later", live=False)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    response = client.get("/open-data/case-studies.csv")
    _, rows = table(b"".join(response.streaming_content))
    assert "Later" in [row["title"] for row in rows]


def test_publishes_queue_one_regeneration_a_minute_later(
    client, case_studies, tartu, settings, django_capture_on_commit_callbacks
):
    """Where tasks wait for a worker (production), a bulk publish writes the dataset once."""
    settings.TASKS = DUMMY_TASKS
    call_command("export_dataset", stdout=io.StringIO())
    before = dataset.current_folder()
    pages = [
        CaseStudyPageFactory(parent=tartu.case_studies_section, title=f"Bulk {n}", live=False)
        for n in range(3)
    ]
    with django_capture_on_commit_callbacks(execute=True):
        for page in pages:
            page.save_revision().publish()
    (queued,) = regenerations()
    wait = queued.task.run_after - timezone.now()
    assert datetime.timedelta(seconds=50) < wait <= datetime.timedelta(seconds=60)
    assert dataset.current_folder() == before  # nothing written by the publishes themselves

    queued.task.call()
    _, rows = table(stored("case-studies.csv"))
    assert {"Bulk 0", "Bulk 1", "Bulk 2"} <= {row["title"] for row in rows}
    # The folder before is kept for readers downloading it; older ones go.
    assert dataset.folders() == [before, dataset.current_folder()]

    with django_capture_on_commit_callbacks(execute=True):
        fresh(pages[0].pk).unpublish()
    assert len(regenerations()) == 2  # a change after the run queues again


def test_a_cache_that_is_down_still_queues_the_regeneration(
    case_studies, tartu, settings, django_capture_on_commit_callbacks, monkeypatch
):
    """The production cache answers `add` with False while Redis is down, as if the mark
    were there; the regeneration must be queued all the same."""
    settings.TASKS = DUMMY_TASKS
    monkeypatch.setattr(dataset.cache, "add", lambda *args, **kwargs: False)
    monkeypatch.setattr(dataset.cache, "get", lambda *args, **kwargs: None)
    page = CaseStudyPageFactory(parent=tartu.case_studies_section, title="Later", live=False)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert len(regenerations()) == 1


def test_an_unpublished_page_leaves_the_files_at_once_while_the_worker_waits(
    client, case_studies, settings, django_capture_on_commit_callbacks
):
    """Where a task worker would rewrite the dataset a minute later (or never, if it is
    down), a page taken away must not stay in the files readers get meanwhile."""
    settings.TASKS = DUMMY_TASKS
    call_command("export_dataset", stdout=io.StringIO())
    gone = CaseStudyPage.objects.get(title="Neighbourhood budgets")
    with django_capture_on_commit_callbacks(execute=True):
        gone.unpublish()
    assert len(regenerations()) == 1  # queued, not run

    _, rows = table(b"".join(client.get("/open-data/case-studies.csv").streaming_content))
    assert [row["title"] for row in rows] == ["Virtual planning meetings"]


def test_while_another_request_writes_it_a_reader_is_asked_to_come_back(
    client, case_studies, django_capture_on_commit_callbacks
):
    call_command("export_dataset", stdout=io.StringIO())
    with django_capture_on_commit_callbacks(execute=True):
        CaseStudyPage.objects.get(title="Neighbourhood budgets").unpublish()
    dataset.cache.add(dataset.WRITING_KEY, True)

    response = client.get("/open-data/case-studies.csv")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "being updated" in response.text
