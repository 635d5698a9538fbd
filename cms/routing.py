"""WebSocket routes of every app, gathered for the ASGI router.

Each app with live features adds its own ``websocket_urlpatterns`` here.
"""

from rooms.routing import websocket_urlpatterns as rooms_websocket_urlpatterns

websocket_urlpatterns: list = [*rooms_websocket_urlpatterns]
