"""A WebSocket handshake is accepted only from the site's own origin: scheme, host and port
(issue #16.6: ``http://127.0.0.1:9999`` was accepted by a host-only check)."""

import pytest

from cms.origins import origin_allowed


@pytest.mark.parametrize(
    ("origin", "host", "secure", "allowed"),
    [
        ("http://localhost", "localhost", False, True),
        ("http://127.0.0.1:8000", "127.0.0.1:8000", False, True),
        ("http://127.0.0.1:9999", "127.0.0.1:8000", False, False),
        ("https://127.0.0.1:8000", "127.0.0.1:8000", False, False),
        ("http://puente.example", "puente.example", True, False),
        ("https://puente.example", "puente.example", True, True),
        ("https://puente.example:443", "puente.example", True, True),
        ("http://evil.example", "localhost", False, False),
        ("null", "localhost", False, False),
        ("", "localhost", False, False),
        ("http://localhost", "evil.example", False, False),
    ],
)
def test_origin_must_match_scheme_host_and_port(settings, origin, host, secure, allowed):
    settings.ALLOWED_HOSTS = ["localhost", "127.0.0.1", "puente.example"]
    settings.CSRF_TRUSTED_ORIGINS = []
    assert origin_allowed(origin, host, secure=secure) is allowed


def test_a_trusted_origin_is_allowed(settings):
    settings.ALLOWED_HOSTS = ["puente.example"]
    settings.CSRF_TRUSTED_ORIGINS = ["https://www.puente.example"]
    assert origin_allowed("https://www.puente.example", "puente.example", secure=True)
    assert not origin_allowed("http://www.puente.example", "puente.example", secure=True)


async def _accepting_app(scope, receive, send):
    await receive()
    await send({"type": "websocket.accept"})


@pytest.mark.parametrize(
    ("origin", "connected"),
    [(b"http://127.0.0.1:8000", True), (b"http://127.0.0.1:9999", False), (None, False)],
)
@pytest.mark.django_db  # a refused handshake goes through Channels' denier (closes old connections)
async def test_the_validator_refuses_another_port_at_the_handshake(origin, connected):
    from channels.testing import WebsocketCommunicator

    from cms.origins import SameOriginValidator

    headers = [(b"host", b"127.0.0.1:8000")] + ([(b"origin", origin)] if origin else [])
    communicator = WebsocketCommunicator(SameOriginValidator(_accepting_app), "/ws/x/", headers)
    result, _code = await communicator.connect(timeout=5)
    assert result is connected
    await communicator.disconnect()


def test_the_site_checks_websocket_origins_with_it():
    from cms.asgi import application
    from cms.origins import SameOriginValidator

    assert isinstance(application.application_mapping["websocket"], SameOriginValidator)
