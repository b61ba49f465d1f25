from django.core.management.base import BaseCommand

from search.documents import documents_of, searchable_pages
from search.indexer import rebuild
from search.service import get_search_service


class Command(BaseCommand):
    """Rebuild the search index, or check it against the live site.

    `rebuild` reloads every backend from the published pages (Elasticsearch: into a new
    index, then an alias swap, so searches never see a missing index). `check` lists the
    pages missing from, stale in or extra in each backend's index and exits with status 1
    if there are any.
    """

    help = "search_index rebuild | check"

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "check"])

    def handle(self, *args, action, verbosity, **options):
        self.verbosity = verbosity
        getattr(self, f"{action}_index")()

    def rebuild_index(self):
        total = searchable_pages().count()
        step = max(1, total // 10)

        def progress(done):
            if self.verbosity and (done % step == 0 or done == total):
                self.stdout.write(f"Indexing: {done}/{total} pages ({100 * done // total}%)")

        rebuild(progress)
        if self.verbosity:
            self.stdout.write(self.style.SUCCESS(f"Search index rebuilt: {total} pages."))

    def check_index(self):
        expected = {
            document["id"]: document["digest"]
            for document in documents_of(searchable_pages().specific().iterator())
        }
        problems = 0
        for backend in get_search_service().backends:
            indexed = backend.digests()
            missing = sorted(set(expected) - set(indexed))
            extra = sorted(set(indexed) - set(expected))
            stale = sorted(i for i in set(expected) & set(indexed) if expected[i] != indexed[i])
            problems += len(missing) + len(extra) + len(stale)
            self.stdout.write(
                f"{backend.name}: {len(indexed)} indexed, {len(missing)} missing, "
                f"{len(stale)} stale, {len(extra)} not on the site"
            )
            for label, ids in (("missing", missing), ("stale", stale), ("extra", extra)):
                if ids:
                    self.stdout.write(f"  {label}: page ids {', '.join(map(str, ids[:20]))}")
        if problems:
            raise SystemExit(1)
