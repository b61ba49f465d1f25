"""The sample-content flag goes, now that `provenance` holds what it said (see 0006_provenance).

In a migration of its own, so the table changes do not follow the data conversion in one
transaction. Reversed, the flag comes back empty and 0006_provenance's reverse fills it in.
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('toolkit', '0006_provenance'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='guidepage',
            name='is_sample_content',
        ),
        migrations.RemoveField(
            model_name='roadmappage',
            name='is_sample_content',
        ),
    ]
