from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangesConfig(AppConfig):
    name = "exchanges"
    verbose_name = _("Peer exchanges")

    def ready(self):
        from cms.accounts import personal_data
        from cms.navigation import register_header_link
        from rooms import parents

        from .models import ExchangeRequest
        from .notifications import unread_count
        from .permissions import ExchangeRoomPolicy
        from .personal_data import exchanges_erase, exchanges_export

        parents.register(ExchangeRequest, ExchangeRoomPolicy())
        personal_data.register("exchanges", exporter=exchanges_export, eraser=exchanges_erase)
        register_header_link("exchanges", _("My exchanges"), "exchanges:mine", order=30)
        register_header_link(
            "completed_exchanges", _("Completed exchanges"), "exchanges:public_list",
            visible=lambda user: not user.is_authenticated, order=30,
        )
        register_header_link(
            "notifications",
            _("Notifications"),
            "exchanges:notifications",
            badge=unread_count,
            order=90,
        )
        from . import profiles
        from .versions import EXCHANGES

        profiles.register()
        EXCHANGES.follow_apps(self.label)
