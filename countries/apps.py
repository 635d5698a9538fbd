from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CountriesConfig(AppConfig):
    name = "countries"
    label = "countries"
    verbose_name = _("Country profiles")

    def ready(self):
        from . import agencies

        agencies.register()
