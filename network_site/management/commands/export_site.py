from django.core.management.base import BaseCommand, CommandError

from network_site.backup import ArchiveError, export_site, quiet


class Command(BaseCommand):
    """Write an archive of the whole site; see `network_site.backup` for what it holds."""

    help = (
        "Write an archive of the whole site (pages with their revisions, snippets, images "
        "and documents with their files, users, groups, workflows, redirects, sites) to the "
        "new folder PATH. Users' password hashes only with --with-password-hashes."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", metavar="PATH", help="A folder that does not exist yet.")
        parser.add_argument(
            "--with-password-hashes",
            action="store_true",
            help="Keep users' password hashes and API token digests, so they can sign in "
            "after an import. The archive is then as sensitive as the database.",
        )

    def handle(self, *args, path, with_password_hashes, verbosity, **options):
        progress = self.stdout.write if verbosity > 0 else quiet
        try:
            summary = export_site(
                path,
                with_password_hashes=with_password_hashes,
                progress=progress,
            )
        except ArchiveError as error:
            raise CommandError(str(error)) from error
        for note in summary.notes:
            self.stderr.write(note)
        if verbosity > 0:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Archive written to {path}: {summary.rows} rows in {summary.tables} "
                    f"tables, {summary.files} files, {summary.size / 1e6:.1f} MB, in "
                    f"{summary.seconds:.1f} s."
                )
            )
