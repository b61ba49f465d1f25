"""Production's background work: e-mails and search indexing wait in the database for the
task worker (`manage.py db_worker`), so an editor's request never waits for them, and the
worker outlives a restart of the database."""

from django.core import mail
from django.core.mail import send_mail
from django.core.management import call_command
from django.db import OperationalError
from django.test import override_settings

import pytest
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from casestudies.factories import CaseStudyPageFactory
from search.query import SearchQuery
from search.service import get_search_service

pytestmark = pytest.mark.django_db

WORKER_QUEUE = override_settings(
    TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
    EMAIL_BACKEND="network_site.mail.BackgroundEmailBackend",
    EMAIL_DELIVERY_BACKEND="django.core.mail.backends.locmem.EmailBackend",
)


@pytest.fixture
def run_worker(monkeypatch):
    """`manage.py db_worker --batch`: run what is queued, then stop. The worker closes
    database connections it thinks stale, which inside a test's transaction means the
    test's own connection: that part is left out."""
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    return lambda: call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


@WORKER_QUEUE
def test_an_email_waits_for_the_worker_and_then_arrives(run_worker):
    send_mail("Review requested", "Please review Tartu's case study.", None, ["ed@example.org"])
    assert mail.outbox == []
    assert DBTaskResult.objects.count() == 1
    run_worker()
    assert [(message.subject, message.to) for message in mail.outbox] == [
        ("Review requested", ["ed@example.org"])
    ]


@WORKER_QUEUE
def test_a_published_page_is_found_once_the_worker_has_indexed_it(
    tartu, django_capture_on_commit_callbacks, run_worker
):
    page = CaseStudyPageFactory(parent=tartu.case_studies_section, title="Participatory budgeting")
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    def titles():
        results = get_search_service().search(SearchQuery(text="participatory"))
        return [hit.title for hit in results.hits]

    assert titles() == []
    run_worker()
    assert titles() == ["Participatory budgeting"]


@WORKER_QUEUE
def test_the_worker_carries_on_when_the_database_comes_back(run_worker, monkeypatch, caplog):
    """A PostgreSQL restart fails the worker's next look at the queue; the worker waits,
    tries again and sends what was queued, rather than exiting and leaving it there."""
    fetch_batch = db_worker.exclusive_transaction
    failures = ["the database system is shutting down"]

    def database_restarting(using):
        if failures:
            raise OperationalError(failures.pop())
        return fetch_batch(using)

    monkeypatch.setattr(db_worker, "exclusive_transaction", database_restarting)
    monkeypatch.setattr("network_site.management.commands.db_worker.RETRY_SECONDS", 0)
    send_mail("Review requested", "Please review Ghent's update.", None, ["ed@example.org"])
    run_worker()
    assert [message.subject for message in mail.outbox] == ["Review requested"]
    assert "The task worker lost the database" in caplog.text
