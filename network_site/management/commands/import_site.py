from django.core.management.base import BaseCommand, CommandError

from network_site.backup import ArchiveError, import_site, quiet


class Command(BaseCommand):
    """Import an archive of export_site into an empty database; see `network_site.backup`
    for the rules it follows."""

    help = (
        "Import the archive export_site wrote at PATH into this database, which must be "
        "empty (as migrate leaves it) and at the archive's migrations; then rebuild the "
        "search and reference indexes."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", metavar="PATH", help="The archive's folder.")

    def handle(self, *args, path, verbosity, **options):
        progress = self.stdout.write if verbosity > 0 else quiet
        try:
            summary = import_site(
                path,
                verbosity=verbosity,
                stdout=self.stdout,
                progress=progress,
            )
        except ArchiveError as error:
            raise CommandError(str(error)) from error
        for note in summary.notes:
            self.stderr.write(note)
        if verbosity > 0:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Imported {summary.rows} rows in {summary.tables} tables and "
                    f"{summary.files} files from {path}, in {summary.seconds:.1f} s."
                )
            )
