"""HTTP through the ASGI application daphne serves (cms/asgi.py), without a socket."""

import asyncio
import json

import pytest
from asgiref.sync import async_to_sync

from cms.asgi import django_asgi_app

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """As Django's test client does: the handler's request signals would close the connection
    that holds the test's transaction (on PostgreSQL)."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def call(path, method="GET", body=b"", headers=()):
    """One request through the ASGI handler: (status, headers, body)."""
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method,
        "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": b"",
        "root_path": "", "headers": [(b"host", b"localhost"), *headers],
        "client": ("127.0.0.1", 40000), "server": ("127.0.0.1", 8000),
    }
    sent, delivered = [], []

    async def receive():
        if not delivered:
            delivered.append(True)
            return {"type": "http.request", "body": body, "more_body": False}
        await asyncio.Event().wait()  # no disconnect while the response is made

    async def send(message):
        sent.append(message)

    async def run():
        await django_asgi_app(scope, receive, send)

    async_to_sync(run)()
    start = sent[0]
    content = b"".join(m.get("body", b"") for m in sent[1:])
    return start["status"], dict(start["headers"]), content


def test_the_middleware_chain_is_sync_and_runs_in_one_hop():
    assert not asyncio.iscoroutinefunction(django_asgi_app._middleware_chain)


def test_pages_sync_and_async_views_and_posts_go_through(home_page):
    status, headers, content = call("/en/")
    assert status == 200 and b'<html lang="en">' in content
    assert headers[b"Content-Type"].startswith(b"text/html")
    status, _, content = call("/healthz")  # an async view, run from the sync chain
    assert status == 200 and json.loads(content)["database"] == "ok"
    status, _, content = call("/en/no-such-page/")
    assert status == 404
    status, _, _ = call(  # a body is read, and CSRF protection still applies
        "/en/accounts/login/", method="POST", body=b"login=a&password=b",
        headers=[(b"content-type", b"application/x-www-form-urlencoded")],
    )
    assert status == 403
