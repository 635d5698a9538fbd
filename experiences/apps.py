from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExperiencesConfig(AppConfig):
    name = "experiences"
    label = "experiences"
    verbose_name = _("Experiences")

    def ready(self):
        from cms.accounts import personal_data

        from .personal_data import experiences_erase, experiences_export

        personal_data.register("experiences", exporter=experiences_export, eraser=experiences_erase)
        from cms.pages.highlights import newest_pages_of, register_highlight
        from search import registry

        from .indexing import INDEXED
        from .versions import EXPERIENCES

        registry.register(INDEXED)
        EXPERIENCES.follow_apps(self.label)

        from . import profiles

        profiles.register()
        register_highlight(
            "experiences", _("New experiences"), newest_pages_of("experiencepage"), order=30
        )
