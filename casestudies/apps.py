from django.apps import AppConfig


class CaseStudiesConfig(AppConfig):
    """Partner cities and what they publish: case studies and updates."""

    name = "casestudies"
    verbose_name = "Partner cities"

    def ready(self):
        from wagtail.signals import post_page_move

        from .signals import update_city_after_move

        post_page_move.connect(update_city_after_move, dispatch_uid="casestudies-city-after-move")
