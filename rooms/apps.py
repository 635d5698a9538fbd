from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoomsConfig(AppConfig):
    name = "rooms"
    verbose_name = _("Discussion rooms")

    def ready(self):
        from cms.accounts import personal_data
        from cms.directory.models import Network
        from cms.navigation import register_header_link

        from . import parents, signals
        from .permissions import unseen_mentions_badge
        from .personal_data import rooms_erase, rooms_export

        parents.register(Network, parents.NetworkRoomPolicy())
        signals.connect()
        personal_data.register("rooms", exporter=rooms_export, eraser=rooms_erase)
        register_header_link(
            "rooms", _("Rooms"), "rooms:index", badge=unseen_mentions_badge, order=40
        )
