from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Site

from casestudies.roles import REVIEW_WORKFLOW, setup_roles


class Command(BaseCommand):
    """Create or correct the Editors, the partner groups and the review workflow.

    Safe to run again at any time (`make setup` runs it): see `casestudies.roles`.
    """

    help = "Create or correct the Editors group, one partner group per city and the review."

    def handle(self, *args, **options):
        if not Site.objects.filter(is_default_site=True).exists():
            raise CommandError("There is no default site yet: run `make setup` first.")
        editors, partner_groups = setup_roles()
        self.stdout.write(f"Roles: '{editors.name}' may edit and publish everything.")
        for group in partner_groups:
            self.stdout.write(f"Roles: '{group.name}' may write under its city, for review.")
        if partner_groups:
            self.stdout.write(
                f"Roles: partners' work goes through the '{REVIEW_WORKFLOW}' workflow."
            )
