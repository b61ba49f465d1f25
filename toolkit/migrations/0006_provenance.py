"""Pages say where their content comes from: `provenance` (documented, mixed or sample)
replaces the `is_sample_content` flag, and `sample_content_note` becomes `provenance_note`.

Existing pages are converted: a page flagged as sample content becomes "sample", any other
"documented". So are their revisions, which the admin edits and publishes from: left alone,
a draft or the next edit would bring the default, "documented", back to a sample page. The
flag itself is removed by the next migration, after the conversion.
"""

from django.db import migrations, models

PAGE_MODELS = ("guidepage", "roadmappage",)
BATCH = 500


def page_revisions(apps):
    """The revisions of this app's pages that carry provenance, in batches."""
    content_type_model = apps.get_model("contenttypes", "ContentType")
    revision_model = apps.get_model("wagtailcore", "Revision")
    content_types = content_type_model.objects.filter(
        app_label="toolkit", model__in=PAGE_MODELS
    )
    revisions = revision_model.objects.filter(content_type__in=content_types).order_by("pk")
    batch = []
    for revision in revisions.iterator(chunk_size=BATCH):
        batch.append(revision)
        if len(batch) == BATCH:
            yield revision_model, batch
            batch = []
    if batch:
        yield revision_model, batch


def convert_revisions(apps, convert):
    for revision_model, batch in page_revisions(apps):
        for revision in batch:
            convert(revision.content)
        revision_model.objects.bulk_update(batch, ["content"])


def to_provenance(apps, schema_editor):
    for name in PAGE_MODELS:
        model = apps.get_model("toolkit", name)
        model.objects.filter(is_sample_content=True).update(provenance="sample")
        model.objects.filter(is_sample_content=False).update(provenance="documented")

    def convert(content):
        is_sample = content.pop("is_sample_content", False)
        content["provenance"] = "sample" if is_sample else "documented"
        content["provenance_note"] = content.pop("sample_content_note", "")

    convert_revisions(apps, convert)


def to_sample_flag(apps, schema_editor):
    """Back to the flag: anything not documented was at least partly illustrative."""
    for name in PAGE_MODELS:
        model = apps.get_model("toolkit", name)
        model.objects.filter(provenance="documented").update(is_sample_content=False)
        model.objects.exclude(provenance="documented").update(is_sample_content=True)

    def convert(content):
        provenance = content.pop("provenance", "documented")
        content["is_sample_content"] = provenance != "documented"
        content["sample_content_note"] = content.pop("provenance_note", "")

    convert_revisions(apps, convert)


class Migration(migrations.Migration):

    dependencies = [
        ('toolkit', '0005_featured_collections'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.AddField(
            model_name='guidepage',
            name='provenance',
            field=models.CharField(choices=[('documented', 'Documented'), ('mixed', 'Partly documented'), ('sample', 'Sample')], default='documented', help_text="Where the page's content comes from; readers see it as a badge and a notice. A new page starts as “Documented”: keep it when every statement reports work your city or the network documented, or is a public fact. Choose “Partly documented” when a documented result is set in illustrative detail, and quote the documented part in the note; choose “Sample” for illustrative content written for a demo.", max_length=10),
        ),
        migrations.AddField(
            model_name='roadmappage',
            name='provenance',
            field=models.CharField(choices=[('documented', 'Documented'), ('mixed', 'Partly documented'), ('sample', 'Sample')], default='documented', help_text="Where the page's content comes from; readers see it as a badge and a notice. A new page starts as “Documented”: keep it when every statement reports work your city or the network documented, or is a public fact. Choose “Partly documented” when a documented result is set in illustrative detail, and quote the documented part in the note; choose “Sample” for illustrative content written for a demo.", max_length=10),
        ),
        migrations.RenameField(
            model_name='guidepage',
            old_name='sample_content_note',
            new_name='provenance_note',
        ),
        migrations.RenameField(
            model_name='roadmappage',
            old_name='sample_content_note',
            new_name='provenance_note',
        ),
        migrations.AlterField(
            model_name='guidepage',
            name='provenance_note',
            field=models.CharField(blank=True, help_text="Shown in the page's notice. Required for “Partly documented”: quote the documented part. For a sample page, name any public facts it uses.", max_length=300, verbose_name='note on provenance'),
        ),
        migrations.AlterField(
            model_name='roadmappage',
            name='provenance_note',
            field=models.CharField(blank=True, help_text="Shown in the page's notice. Required for “Partly documented”: quote the documented part. For a sample page, name any public facts it uses.", max_length=300, verbose_name='note on provenance'),
        ),
        migrations.RunPython(to_provenance, to_sample_flag),
    ]

