"""Editor panels of the partner cities' pages."""

from wagtail.admin.panels import Panel


class CityPanel(Panel):
    """Shows, read-only, the partner city a case study or update belongs to.

    The city is the one the page sits under in the tree (see `CityContentMixin`), so a
    partner who starts from their dashboard finds it already set and cannot get it wrong.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "casestudies/admin/city_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            place = self.form.parent_page or self.instance
            cities = self.instance.city_model().objects
            context["city"] = (
                cities.ancestor_of(place, inclusive=True).first() if place.path else None
            )
            return context
