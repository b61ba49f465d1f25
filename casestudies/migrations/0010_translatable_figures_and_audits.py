"""A case study's figures and a city's audit lines become translatable with their page:
each gets a locale (its page's language, English for every existing one) and a translation
key."""

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
        BootstrapTranslatableModel(f"casestudies.{model_name}"),
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
        migrations.AlterUniqueTogether(
            name=model_name, unique_together={("translation_key", "locale")}
        ),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("casestudies", "0009_listing_order_indexes"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        *translatable_fields("casestudyfigure"),
        *translatable_fields("citytoolaudit"),
    ]
