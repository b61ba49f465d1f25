"""Keeps the stored `city` of case studies and updates true when pages move."""

from .models import CaseStudyPage, UpdatePage


def update_city_after_move(sender, instance, **kwargs):
    """After a move, re-read the city of every case study and update in the moved subtree."""
    for model in (CaseStudyPage, UpdatePage):
        for page in model.objects.descendant_of(instance, inclusive=True):
            city = page.find_city()
            if page.city_id != (city.pk if city else None):
                model.objects.filter(pk=page.pk).update(city=city)
