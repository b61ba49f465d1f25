import json

from django.core.management.base import BaseCommand, CommandError

from demo.translations import list_strings
from network_site.languages import SOURCE_LANGUAGE, language_codes


class Command(BaseCommand):
    """Print, as JSON, the English strings of the demo pages translated into a language,
    each with its translation from demo/data/translations/<language>.json or null: the
    file's new content after a change to the English demo content (see demo.translations).
    Reads the demo site (`make setup`); changes nothing."""

    help = "Print a language's demo translation strings as JSON (null where missing)."

    def add_arguments(self, parser):
        parser.add_argument("language", help="e.g. it, bg, ro")
        parser.add_argument(
            "--missing", action="store_true", help="only the strings with no translation"
        )

    def handle(self, *args, language, missing, **options):
        others = [code for code in language_codes() if code != SOURCE_LANGUAGE]
        if language not in others:
            raise CommandError(f"Unknown language {language!r}: one of {', '.join(others)}.")
        strings = list_strings(language)
        if missing:
            strings = {text: None for text, translated in strings.items() if translated is None}
        self.stdout.write(json.dumps(strings, ensure_ascii=False, indent=1))
