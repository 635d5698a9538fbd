from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworksConfig(AppConfig):
    name = "networks"
    label = "networks"
    verbose_name = _("Networks")

    def ready(self):
        from cms.accounts import personal_data

        from .personal_data import networks_erase, networks_export

        personal_data.register("networks", exporter=networks_export, eraser=networks_erase)
        from . import profiles
        from .versions import NETWORKS

        profiles.register()
        NETWORKS.follow_apps(self.label)
