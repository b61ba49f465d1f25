"""The home and about pages move from `network_site` (the foundation) to this app.

Their rows stay as they are: the models join this app's state under their old tables, the
content types are relabelled so every existing page keeps its type, and the tables are then
renamed to this app's names. `network_site.0003_move_home_pages` drops them from that app's
state. On a new database the same steps run on empty tables.
"""

import django.db.models.deletion
import modelcluster.fields
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


MOVED_MODELS = ['aboutpage', 'homepage', 'homepagefeaturedcollection', 'homepagefeaturedpage']


def relabel_content_types(from_app, to_app):
    def relabel(apps, schema_editor):
        content_types = apps.get_model("contenttypes", "ContentType")
        content_types.objects.filter(app_label=from_app, model__in=MOVED_MODELS).update(
            app_label=to_app
        )

    return relabel


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('network_site', '0002_home_page_featured_collections'),
        ('toolkit', '0005_featured_collections'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.RunPython(
            relabel_content_types("network_site", "home"),
            relabel_content_types("home", "network_site"),
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='AboutPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('introduction', models.TextField(help_text='A short lead paragraph.')),
                        ('programme', models.CharField(default='URBACT III', max_length=80)),
                        ('programming_period', models.CharField(default='2014–2020', max_length=20)),
                        ('total_budget_eur', models.DecimalField(blank=True, decimal_places=2, max_digits=12, null=True, verbose_name='total budget (EUR)')),
                        ('erdf_contribution_eur', models.DecimalField(blank=True, decimal_places=2, help_text='The part of the budget paid by the European Regional Development Fund.', max_digits=12, null=True, verbose_name='ERDF contribution (EUR)')),
                        ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('figure', 7), ('quote', 9), ('document', 12)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'max_length': 120}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Section (h2)'), ('h3', 'Subsection (h3)')]}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul']}), 4: ('wagtail.images.blocks.ImageBlock', [], {}), 5: ('wagtail.blocks.CharBlock', (), {'max_length': 250, 'required': False}), 6: ('wagtail.blocks.CharBlock', (), {'max_length': 120, 'required': False}), 7: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5), ('credit', 6)]], {}), 8: ('wagtail.blocks.TextBlock', (), {}), 9: ('wagtail.blocks.StructBlock', [[('quote', 8), ('attribution', 6)]], {}), 10: ('wagtail.documents.blocks.DocumentChooserBlock', (), {}), 11: ('wagtail.blocks.CharBlock', (), {'help_text': "Leave blank to use the document's title.", 'max_length': 120, 'required': False}), 12: ('wagtail.blocks.StructBlock', [[('document', 10), ('title', 11), ('description', 5)]], {})})),
                    ],
                    options={
                        'db_table': 'network_site_aboutpage',
                        'abstract': False,
                    },
                    bases=('wagtailcore.page',),
                ),
                migrations.CreateModel(
                    name='HomePage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('introduction', wagtail.fields.RichTextField(help_text='What the network is, in a few lines.')),
                    ],
                    options={
                        'db_table': 'network_site_homepage',
                        'abstract': False,
                    },
                    bases=('wagtailcore.page',),
                ),
                migrations.CreateModel(
                    name='HomePageFeaturedCollection',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('collection', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='toolkit.curatedcollection')),
                        ('home_page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='featured_collections', to='home.homepage')),
                    ],
                    options={
                        'db_table': 'network_site_homepagefeaturedcollection',
                        'verbose_name': 'featured curated collection',
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='HomePageFeaturedPage',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('home_page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='featured_pages', to='home.homepage')),
                        ('page', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.WAGTAIL_PAGE_MODEL)),
                    ],
                    options={
                        'db_table': 'network_site_homepagefeaturedpage',
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
            ],
        ),
        migrations.AlterModelTable(name='aboutpage', table=None),
        migrations.AlterModelTable(name='homepage', table=None),
        migrations.AlterModelTable(name='homepagefeaturedcollection', table=None),
        migrations.AlterModelTable(name='homepagefeaturedpage', table=None),
    ]
