import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from casestudies.roles import EDITORS, PARTNER_GROUP_PREFIX

DEFAULT_PASSWORD = "interactive-cities"  # noqa: S105 - a documented, development-only default


class Command(BaseCommand):
    """Create the development accounts: an administrator, an editor and one partner per city.

    `admin` is a superuser, `editor` is in the Editors group and `partner-<city>` (e.g.
    `partner-tartu`) is in that city's partner group; run `setup_roles` first. They all get
    the password in DEV_ACCOUNTS_PASSWORD, by default 'interactive-cities'. An existing
    account is left exactly as it is. The command refuses to run unless DEBUG is on and the
    database is the development one (settings.DEVELOPMENT_DATABASE), so production settings
    and a production database never get these accounts.
    """

    help = "Create the development accounts (development settings only) and print how to log in."

    def handle(self, *args, **options):
        if not (settings.DEBUG and settings.DEVELOPMENT_DATABASE):
            raise CommandError(
                "ensure_dev_accounts only runs with DEBUG on and on the development database "
                "(the development settings)."
            )
        password = os.environ.get("DEV_ACCOUNTS_PASSWORD", DEFAULT_PASSWORD)
        # Hashed once for all the accounts: each hash takes a good part of a second.
        password_hash = make_password(password)
        self.ensure("admin", "Site administrator", password_hash, superuser=True)
        self.ensure(
            "editor",
            "Network editor",
            password_hash,
            group=Group.objects.filter(name=EDITORS).first(),
        )
        partner_groups = Group.objects.filter(name__startswith=PARTNER_GROUP_PREFIX)
        for group in partner_groups.order_by("name"):
            city = group.name.removeprefix(PARTNER_GROUP_PREFIX)
            username = f"partner-{city.lower().replace(' ', '-')}"
            self.ensure(username, f"{city} partner", password_hash, group=group)
        self.stdout.write(
            self.style.SUCCESS(
                f"Development logins: admin, editor, partner-<city> (e.g. partner-tartu); "
                f"password '{password}' for accounts created now."
            )
        )

    def ensure(self, username, full_name, password_hash, *, superuser=False, group=None):
        user_model = get_user_model()
        if user_model.objects.filter(username=username).exists():
            self.stdout.write(f"Account '{username}' exists already and was left as it is.")
            return
        create = (
            user_model.objects.create_superuser if superuser else user_model.objects.create_user
        )
        user = create(
            username=username,
            email=f"{username}@example.org",
            password=None,
            # The whole name goes in first_name: e-mails greet "Hello Tartu partner,".
            first_name=full_name,
        )
        user.password = password_hash
        user.save(update_fields=["password"])
        if group is not None:
            user.groups.add(group)
        self.stdout.write(f"Account '{username}' created ({full_name}).")
