"""Which browser origins may open a WebSocket: the site's own (scheme, host and port, as the
handshake's Host header and scheme say) or one listed in CSRF_TRUSTED_ORIGINS, and only for a
host in ALLOWED_HOSTS. A handshake without an Origin is refused (browsers always send one)."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.http.request import split_domain_port, validate_host

from channels.security.websocket import WebsocketDenier

DEFAULT_PORTS = {"http": "80", "https": "443"}


def _normalise(scheme: str, netloc: str) -> str | None:
    host, port = split_domain_port(netloc)
    if not host:
        return None
    return f"{scheme}://{host}:{port or DEFAULT_PORTS.get(scheme, '')}"


def origin_allowed(origin: str, host: str, *, secure: bool) -> bool:
    """True when ``origin`` is the site's own origin for a request to ``host`` over http(s)."""
    if not origin or not host:
        return False
    parts = urlsplit(origin)
    if parts.scheme not in DEFAULT_PORTS:
        return False
    given = _normalise(parts.scheme, parts.netloc)
    if given is None:
        return False
    domain, _port = split_domain_port(host)
    if not domain or not validate_host(domain, settings.ALLOWED_HOSTS):
        return False
    trusted = {
        _normalise(urlsplit(o).scheme, urlsplit(o).netloc) for o in settings.CSRF_TRUSTED_ORIGINS
    }
    own = _normalise("https" if secure else "http", host)
    return given == own or given in trusted


def _secure(scope) -> bool:
    if scope.get("scheme") == "wss":
        return True
    proxy = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
    if proxy:
        name = proxy[0].removeprefix("HTTP_").replace("_", "-").lower().encode()
        headers = dict(scope.get("headers", []))
        return headers.get(name, b"").decode("latin1") == proxy[1]
    return False


class SameOriginValidator:
    """ASGI middleware: refuse a WebSocket handshake from any other origin."""

    def __init__(self, application):
        self.application = application

    async def __call__(self, scope, receive, send):
        if scope["type"] == "websocket":
            headers = dict(scope.get("headers", []))
            origin = headers.get(b"origin", b"").decode("latin1")
            host = headers.get(b"host", b"").decode("latin1")
            if not origin_allowed(origin, host, secure=_secure(scope)):
                return await WebsocketDenier()(scope, receive, send)
        return await self.application(scope, receive, send)
