"""System checks of the site-wide settings, run by `manage.py check` and at start-up."""

from django.conf import settings
from django.core.checks import Error

from .ratelimit import parse_rate


def check_rate_limits(app_configs, **kwargs):
    """Every setting named *_RATE_LIMIT must be a rate such as "60/minute", or empty."""
    errors = []
    for name in sorted(name for name in dir(settings) if name.endswith("_RATE_LIMIT")):
        try:
            parse_rate(getattr(settings, name))
        except (TypeError, ValueError) as error:
            errors.append(
                Error(
                    f"{name}: {error}",
                    hint="Leave it empty for no limit.",
                    id="network_site.E001",
                )
            )
    return errors
