"""WebSocket routes of every app, gathered for the ASGI router.

Each app with live features adds its own ``websocket_urlpatterns`` here. A handshake on any
other path is accepted and closed with 4404 (``unrouted``), not answered with a 500.
"""

from django.urls import re_path

from channels.generic.websocket import AsyncWebsocketConsumer

from rooms.routing import websocket_urlpatterns as rooms_websocket_urlpatterns

websocket_urlpatterns: list = [*rooms_websocket_urlpatterns]


CLOSE_NOT_FOUND = 4404


class UnroutedSocket(AsyncWebsocketConsumer):
    """The answer to a WebSocket on a path no app routes: close with 4404 (no such place)."""

    async def connect(self):
        await self.accept()
        await self.close(code=CLOSE_NOT_FOUND)


unrouted = [re_path(r"", UnroutedSocket.as_asgi())]
