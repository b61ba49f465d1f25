import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

DEFAULT_USERNAME = "admin"
DEFAULT_PASSWORD = "interactive-cities"  # noqa: S105 - a documented, development-only default


class Command(BaseCommand):
    """Create the development-only admin account, unless it exists already.

    The username and password come from DEV_ADMIN_USERNAME and DEV_ADMIN_PASSWORD, with
    documented defaults. An existing account is left exactly as it is. The command refuses
    to run unless DEBUG is on, so production settings can never create the account.
    """

    help = "Create the development admin account (DEBUG only); print how to log in."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_dev_admin only runs with DEBUG on (development settings).")
        username = os.environ.get("DEV_ADMIN_USERNAME", DEFAULT_USERNAME)
        password = os.environ.get("DEV_ADMIN_PASSWORD", DEFAULT_PASSWORD)
        user_model = get_user_model()
        if user_model.objects.filter(username=username).exists():
            self.stdout.write(
                f"Admin login: user '{username}' exists already and was left as it is "
                f"(its password is what DEV_ADMIN_PASSWORD was when it was created, "
                f"by default '{DEFAULT_PASSWORD}')."
            )
            return
        user_model.objects.create_superuser(
            username=username, email=f"{username}@example.org", password=password
        )
        self.stdout.write(
            self.style.SUCCESS(f"Admin login: user '{username}', password '{password}'.")
        )
