from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.text import slugify

from casestudies.models import CityIndexPage, CityPage
from casestudies.roles import partner_group_name, setup_roles


def decimal(value):
    try:
        return Decimal(value)
    except InvalidOperation as error:
        raise ValueError(value) from error


class Command(BaseCommand):
    """Add a partner city: its page, its media collection and its partner group.

    The page is saved as a draft unless --publish is given, so an editor can complete it in
    the admin and publish it; the city's 'Case studies' and 'Updates' sections appear when
    it is first published. Running it again for an existing city changes no content and
    only puts the city's roles in place.
    """

    help = "Add a partner city with its partner group and media collection."

    def add_arguments(self, parser):
        parser.add_argument("name", help="The city's name, e.g. 'Bilbao'.")
        parser.add_argument("--country", required=True, help="ISO 3166 code, e.g. ES.")
        parser.add_argument("--latitude", required=True, type=decimal)
        parser.add_argument("--longitude", required=True, type=decimal)
        parser.add_argument("--summary", required=True, help="Who the city is and what it brings.")
        parser.add_argument("--population", type=int)
        parser.add_argument("--population-year", type=int)
        parser.add_argument("--website", default="")
        parser.add_argument(
            "--publish", action="store_true", help="Publish the city page at once."
        )

    @transaction.atomic
    def handle(self, *args, name, **options):
        cities_index = CityIndexPage.objects.first()
        if cities_index is None:
            raise CommandError("There is no cities page yet: run `make setup` first.")
        city = CityPage.objects.child_of(cities_index).filter(slug=slugify(name)).first()
        if city is not None:
            self.stdout.write(f"{city.title} exists already; its page was left as it is.")
        else:
            city = self.add_city(cities_index, name, options)
        setup_roles()
        self.stdout.write(
            self.style.SUCCESS(
                f"Group '{partner_group_name(city)}' may now write under {city.title}, "
                f"for review; add the city's staff to it under Settings > Users."
            )
        )

    def add_city(self, cities_index, name, options):
        city = CityPage(
            title=name,
            slug=slugify(name),
            country=options["country"].upper(),
            latitude=options["latitude"],
            longitude=options["longitude"],
            summary=options["summary"],
            population=options["population"],
            population_year=options["population_year"],
            website=options["website"],
            live=False,
        )
        try:
            cities_index.add_child(instance=city)
            revision = city.save_revision()
        except ValidationError as error:
            problems = "; ".join(
                f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()
            )
            raise CommandError(f"{name} was not added: {problems}") from error
        if options["publish"]:
            revision.publish()
            self.stdout.write(f"{name} is published at {city.get_url()}.")
        else:
            self.stdout.write(
                f"{name} is saved as a draft: an editor completes and publishes it in the admin."
            )
        return city
