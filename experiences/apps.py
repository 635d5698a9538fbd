from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExperiencesConfig(AppConfig):
    name = "experiences"
    label = "experiences"
    verbose_name = _("Experiences")

    def ready(self):
        from search import registry

        from .indexing import INDEXED
        from .versions import EXPERIENCES

        registry.register(INDEXED)
        EXPERIENCES.follow_apps(self.label)

        from . import profiles

        profiles.register()
