import logging
import time

from django.db import OperationalError

from django_tasks_db.management.commands import db_worker

logger = logging.getLogger(__name__)

# How long the worker waits for the database before it tries again.
RETRY_SECONDS = 5


class Command(db_worker.Command):
    """django-tasks-db's `db_worker`, which also lives through the loss of the database.

    The original exits at the first error reaching the database, such as a restart of
    PostgreSQL, and background work (search indexing, review e-mails) then waits in the
    queue until someone starts the worker again: the reliability run found it gone after
    PostgreSQL had been restarted for a few seconds (README, "Reliability"). This one logs
    the error, waits RETRY_SECONDS and starts the worker again, as often as needed; the
    queued tasks wait in the database meanwhile. SIGTERM and Ctrl+C stop it as before. A
    task that was running when the database went away may stay marked as running.

    It takes the name `db_worker`, because `network_site` comes before `django_tasks_db` in
    INSTALLED_APPS, so `manage.py db_worker` runs it everywhere (`make serve` included).
    """

    def handle(self, *args, **options):
        while True:
            try:
                return super().handle(*args, **options)
            except OperationalError:
                logger.warning(
                    "The task worker lost the database; starting again in %s s",
                    RETRY_SECONDS,
                    exc_info=True,
                )
                time.sleep(RETRY_SECONDS)
