"""Signal handlers that keep partner-city content consistent with the page tree."""

from .models import CaseStudyPage, UpdatePage


def update_city_after_move(sender, instance, **kwargs):
    """After a move, re-read the city of every case study and update in the moved subtree."""
    for model in (CaseStudyPage, UpdatePage):
        for page in model.objects.descendant_of(instance, inclusive=True):
            city = page.find_city()
            if page.city_id != (city.pk if city else None):
                model.objects.filter(pk=page.pk).update(city=city)


def create_sections_on_publish(sender, instance, **kwargs):
    """A city, once published, gets its published 'Case studies' and 'Updates' sections."""
    instance.ensure_sections()
