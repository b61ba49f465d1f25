from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.loader import DemoLoader, DemoLoadError


class Command(BaseCommand):
    """Load the demo content; see `demo.loader.DemoLoader` for what it creates and keeps.

    Only into the development database (settings.DEVELOPMENT_DATABASE): demo content never
    goes into a database that holds real content."""

    help = (
        "Load the demo content: themes, channels, partner cities, case studies, updates, "
        "guides, the roadmap and a curated collection, into an empty site of the development "
        "database only; on a site with pages it loads nothing."
    )

    def handle(self, *args, verbosity, **options):
        if not settings.DEVELOPMENT_DATABASE:
            raise CommandError(
                "load_demo_content only loads into the development database (the development "
                "settings): this database may hold real content."
            )
        try:
            summary = DemoLoader(stdout=self.stdout, verbosity=verbosity).run()
        except DemoLoadError as error:
            raise CommandError(str(error)) from error
        if verbosity > 0:
            self.stdout.write(summary)
