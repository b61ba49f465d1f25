from django.core.management.base import BaseCommand, CommandError

from demo.loader import DemoLoader, DemoLoadError


class Command(BaseCommand):
    """Load the demo content; see `demo.loader.DemoLoader` for what it creates and keeps."""

    help = (
        "Load the demo content: themes, channels, partner cities, case studies, updates, "
        "guides, the roadmap and a curated collection. Creates only what is missing and "
        "never changes existing pages, snippets or documents."
    )

    def handle(self, *args, verbosity, **options):
        try:
            summary = DemoLoader(stdout=self.stdout, verbosity=verbosity).run()
        except DemoLoadError as error:
            raise CommandError(str(error)) from error
        if verbosity > 0:
            self.stdout.write(summary)
