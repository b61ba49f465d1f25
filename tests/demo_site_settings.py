"""The settings the demo site of the browser tests is served with (see tests/demo_site.py).

The development settings with DEBUG off, as readers meet the site: an address that names no
page answers with the site's own 404 page, which the accessibility tests check, rather than
Django's debug page. `runserver --insecure` still serves the static files.
"""

from network_site.settings.dev import *  # noqa: F403

DEBUG = False
