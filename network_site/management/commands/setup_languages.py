from django.core.management.base import BaseCommand

from network_site.languages import language_codes, setup_languages


class Command(BaseCommand):
    """Create the site's ten languages and fill their page trees with aliases of the English
    pages not yet translated. Safe on any database and to run again (`make setup` does)."""

    help = "Create the ten languages and sync every language's page tree from English."

    def handle(self, *args, **options):
        created = setup_languages()
        if created:
            codes = ", ".join(locale.language_code for locale in created)
            self.stdout.write(f"Languages: created {codes}.")
        self.stdout.write(
            f"Languages: {', '.join(language_codes())}; every page tree is in step with English."
        )
