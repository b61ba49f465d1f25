"""manage.py export_dataset: write the open dataset now (see opendata.dataset)."""

from django.core.management.base import BaseCommand

from opendata.dataset import write


class Command(BaseCommand):
    help = (
        "Write the dataset of every readable case study and partner city (a Frictionless "
        "Data Package served at /open-data/datapackage.json). Only reads the site."
    )

    def handle(self, *args, **options):
        def progress(file, rows, done):
            self.stdout.write(f"{file}: {rows} rows" + (", written" if done else "..."))

        folder = write(progress)
        self.stdout.write(self.style.SUCCESS(f"Dataset written to {folder} in the media storage."))
