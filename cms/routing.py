"""WebSocket routes of every app, gathered for the ASGI router.

Each app with live features adds its own ``websocket_urlpatterns`` here.
"""

websocket_urlpatterns: list = []
