"""Themes and channels become translatable snippets: each gets a locale (English for the
existing ones) and a translation key, and its name and slug are unique per language."""

import uuid

import django.db.models.deletion
from django.db import migrations, models

from wagtail.models import BootstrapTranslatableModel


def translatable_fields(model_name):
    return [
        migrations.AddField(
            model_name=model_name,
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.AddField(
            model_name=model_name,
            name="locale",
            field=models.ForeignKey(
                null=True,
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        BootstrapTranslatableModel(f"network_site.{model_name}"),
        migrations.AlterField(
            model_name=model_name,
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name=model_name,
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name=model_name, name="name", field=models.CharField(max_length=80)
        ),
        migrations.AlterField(
            model_name=model_name, name="slug", field=models.SlugField(max_length=80)
        ),
        migrations.AlterUniqueTogether(
            name=model_name,
            unique_together={("translation_key", "locale"), ("slug", "locale"), ("name", "locale")},
        ),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("network_site", "0005_page_reader_rule_index"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [*translatable_fields("theme"), *translatable_fields("channel")]
