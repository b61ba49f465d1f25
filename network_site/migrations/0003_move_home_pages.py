"""The home and about pages now live in the `home` app (see `home.0001_move_home_pages`):
they leave this app's state only; their tables and rows stay."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0001_move_home_pages'),
        ('network_site', '0002_home_page_featured_collections'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='homepage',
                    name='page_ptr',
                ),
                migrations.RemoveField(
                    model_name='homepagefeaturedcollection',
                    name='home_page',
                ),
                migrations.RemoveField(
                    model_name='homepagefeaturedpage',
                    name='home_page',
                ),
                migrations.RemoveField(
                    model_name='homepagefeaturedcollection',
                    name='collection',
                ),
                migrations.RemoveField(
                    model_name='homepagefeaturedpage',
                    name='page',
                ),
                migrations.DeleteModel(
                    name='AboutPage',
                ),
                migrations.DeleteModel(
                    name='HomePage',
                ),
                migrations.DeleteModel(
                    name='HomePageFeaturedCollection',
                ),
                migrations.DeleteModel(
                    name='HomePageFeaturedPage',
                ),
            ],
        ),
    ]
