from django.apps import AppConfig


class ToolkitConfig(AppConfig):
    """The network's toolkit: best-practice guides and the implementation roadmap."""

    name = "toolkit"
