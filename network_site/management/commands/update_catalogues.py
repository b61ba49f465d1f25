from django.core.management.base import BaseCommand

from network_site.catalogues import catalogue_languages, mo_path, update_catalogues


class Command(BaseCommand):
    """Re-extract the interface text into the translation catalogues and compile them (`make
    messages`, after changing a template's or the code's text). Needs GNU gettext."""

    help = "Re-extract the interface text into every catalogue and compile the catalogues."

    def handle(self, *args, **options):
        update_catalogues()
        for language in catalogue_languages():
            self.stdout.write(f"Catalogue: {mo_path(language).parent.parent.parent}/{language}")
