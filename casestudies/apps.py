from django.apps import AppConfig


class CaseStudiesConfig(AppConfig):
    """Partner cities and what they publish: case studies and updates."""

    name = "casestudies"
    verbose_name = "Partner cities"

    def ready(self):
        from wagtail.signals import page_published, post_page_move

        from .models import CityPage
        from .signals import create_sections_on_publish, update_city_after_move

        post_page_move.connect(update_city_after_move, dispatch_uid="casestudies-city-after-move")
        page_published.connect(
            create_sections_on_publish, sender=CityPage, dispatch_uid="casestudies-city-sections"
        )
