"""ASGI entry point: HTTP through Django, WebSockets through Channels consumers."""

import os

import django
from django.core.handlers.asgi import ASGIHandler

from asgiref.sync import sync_to_async

os.environ.setdefault(
    "DJANGO_SETTINGS_MODULE", f"cms.settings.{os.environ.get('DJANGO_ENV', 'dev')}"
)
django.setup(set_prefix=False)


class SharedThreadASGIHandler(ASGIHandler):
    """Django's ASGI handler, with every request's sync code on one shared worker thread.

    The stock handler gives each request a new thread (``ThreadSensitiveContext``), so every
    request opened a new database connection: on SQLite that is about 10 ms of schema parsing
    and set-up, more than rendering a page. On the shared thread the connection persists
    (``DB_CONN_MAX_AGE``). One process then runs one request's Python at a time — which the
    GIL did anyway; run more processes to use more cores.

    It also runs the middleware chain and the view in their sync form, in a single hop to that
    thread per request (see ``get_response_async``).
    """

    def __init__(self):
        super().__init__()
        # The middleware chain in its sync form: the stock async chain hops from the worker
        # thread back to the event loop (async_to_sync) around the sync-only middleware, and
        # to the thread again for the view and for rendering — four thread switches a request.
        self.load_middleware(is_async=False)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            raise ValueError(f"Django can only handle ASGI/HTTP connections, not {scope['type']}.")
        await self.handle(scope, receive, send)

    async def get_response_async(self, request):
        """The whole middleware chain and the view in one hop to the shared thread (async
        views, such as the health check, run through async_to_sync from there)."""
        return await sync_to_async(self.get_response, thread_sensitive=True)(request)


django_asgi_app = SharedThreadASGIHandler()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402

from cms.origins import SameOriginValidator  # noqa: E402
from cms.routing import unrouted, websocket_urlpatterns  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": SameOriginValidator(AuthMiddlewareStack(
            URLRouter([*websocket_urlpatterns, *unrouted])
        )),
    }
)
