from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "puente_search"
    verbose_name = _("Search")

    def ready(self):
        from cms.navigation import register_header_link

        from . import signal_handlers

        signal_handlers.register()
        register_header_link(
            "search", _("Search"), "site_search", visible=lambda user: True, order=10
        )
