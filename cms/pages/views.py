import asyncio
import contextlib
import logging
import sys
import uuid

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from wagtail.views import serve as wagtail_serve

from asgiref.sync import sync_to_async
from channels.layers import get_channel_layer

from . import shell

logger = logging.getLogger(__name__)


def _check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


async def _check_channel_layer() -> None:
    layer = get_channel_layer()
    channel = await layer.new_channel("healthz.")
    probe = uuid.uuid4().hex
    await layer.send(channel, {"type": "healthz.ping", "probe": probe})
    try:
        message = await asyncio.wait_for(layer.receive(channel), timeout=2)
    finally:
        # End the channel as a consumer does, by cancelling a receive: the pub/sub layer only
        # unsubscribes then (each probe would otherwise leave a subscription behind).
        closing = asyncio.ensure_future(layer.receive(channel))
        await asyncio.sleep(0)
        closing.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await closing
    if message.get("probe") != probe:
        raise RuntimeError("channel layer returned another message")


@never_cache
async def healthz(request):
    """State of the database and the channel layer; HTTP 503 when either is down."""
    checks = {}
    for name, check in (
        ("database", sync_to_async(_check_database, thread_sensitive=True)),
        ("channel_layer", _check_channel_layer),
    ):
        try:
            await check()
        except Exception as error:  # any failure means "down"; the reason goes to the log
            logger.warning("healthz: %s is down: %s", name, error)
            checks[name] = "down"
        else:
            checks[name] = "ok"
    healthy = all(state == "ok" for state in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "down", **checks}, status=200 if healthy else 503
    )


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    """A bare template: the error may come from the database or a context processor. When the
    database is unreachable the answer is 503 "temporarily unavailable" with Retry-After, so
    proxies and people know to come back rather than report a bug."""
    error = sys.exc_info()[1]
    if isinstance(error, DatabaseError):
        response = render(request, "503.html", status=503, context={})
        response["Retry-After"] = "30"
        return response
    return render(request, "500.html", status=500, context={})


def serve(request, path):
    """Wagtail's page serving, with the site and route looked up in the shared cache."""
    shell.prime_wagtail_routing(request, path)
    return wagtail_serve(request, path)


def admin_login(request):
    """``/admin/login/``: the admin has no login form of its own. Everyone signs in through the
    site's login, which allauth throttles per account and per address (a POST here does
    nothing but send the person there)."""
    from django.conf import settings
    from django.contrib.auth.views import redirect_to_login
    from django.utils.http import url_has_allowed_host_and_scheme

    target = request.GET.get("next") or "/admin/"
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/admin/"
    return redirect_to_login(target, login_url=settings.LOGIN_URL)
