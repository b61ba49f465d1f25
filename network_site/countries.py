"""ISO 3166-1 alpha-2 codes of the countries that can take part in URBACT.

URBACT covers the EU member states plus Norway and Switzerland; the list also holds the
other European countries so that a future partner from a candidate country fits.
"""

from django.utils.translation import gettext_lazy

EUROPEAN_COUNTRIES = [
    ("AL", gettext_lazy("Albania")),
    ("AT", gettext_lazy("Austria")),
    ("BA", gettext_lazy("Bosnia and Herzegovina")),
    ("BE", gettext_lazy("Belgium")),
    ("BG", gettext_lazy("Bulgaria")),
    ("CH", gettext_lazy("Switzerland")),
    ("CY", gettext_lazy("Cyprus")),
    ("CZ", gettext_lazy("Czechia")),
    ("DE", gettext_lazy("Germany")),
    ("DK", gettext_lazy("Denmark")),
    ("EE", gettext_lazy("Estonia")),
    ("ES", gettext_lazy("Spain")),
    ("FI", gettext_lazy("Finland")),
    ("FR", gettext_lazy("France")),
    ("GR", gettext_lazy("Greece")),
    ("HR", gettext_lazy("Croatia")),
    ("HU", gettext_lazy("Hungary")),
    ("IE", gettext_lazy("Ireland")),
    ("IS", gettext_lazy("Iceland")),
    ("IT", gettext_lazy("Italy")),
    ("LI", gettext_lazy("Liechtenstein")),
    ("LT", gettext_lazy("Lithuania")),
    ("LU", gettext_lazy("Luxembourg")),
    ("LV", gettext_lazy("Latvia")),
    ("MD", gettext_lazy("Moldova")),
    ("ME", gettext_lazy("Montenegro")),
    ("MK", gettext_lazy("North Macedonia")),
    ("MT", gettext_lazy("Malta")),
    ("NL", gettext_lazy("Netherlands")),
    ("NO", gettext_lazy("Norway")),
    ("PL", gettext_lazy("Poland")),
    ("PT", gettext_lazy("Portugal")),
    ("RO", gettext_lazy("Romania")),
    ("RS", gettext_lazy("Serbia")),
    ("SE", gettext_lazy("Sweden")),
    ("SI", gettext_lazy("Slovenia")),
    ("SK", gettext_lazy("Slovakia")),
    ("UA", gettext_lazy("Ukraine")),
]
