"""An index on Wagtail's page table for the reader rule (`SitePageQuerySet.readable`).

The rule asks, for every page it reads, whether an unpublished page with children lies
above it. Without an index that question scans the whole page table once per page read: a
listing of 10,000 case studies made 10,000 scans. With `(live, numchild)` indexed, it looks
only at the unpublished pages that have children, which are a handful.

The table is Wagtail's, so the index is made here in SQL rather than declared on a model.
"""

from django.db import migrations

INDEX = "network_site_page_unpublished_parents"


class Migration(migrations.Migration):
    dependencies = [
        ("network_site", "0004_site_text"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            f'CREATE INDEX "{INDEX}" ON "wagtailcore_page" ("live", "numchild")',
            f'DROP INDEX "{INDEX}"',
        )
    ]
