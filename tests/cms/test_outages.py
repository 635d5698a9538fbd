"""Issue #16.10: losing Redis or the database degrades the site; it never turns every page
into a 500. The Redis test starts a Redis of its own on a free port and stops it."""

import shutil
import socket
import subprocess
import time

from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper

import pytest

from cms.cache import RETRY_SECONDS

pytestmark = pytest.mark.django_db
REDIS_SERVER = shutil.which("redis-server")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_redis(port: int) -> subprocess.Popen:
    process = subprocess.Popen(  # noqa: S603 - a fixed binary and arguments
        [REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    for _ in range(100):
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return process
        time.sleep(0.05)
    process.kill()
    raise RuntimeError("redis-server did not start")


@pytest.fixture
def own_redis(settings):
    if REDIS_SERVER is None:
        if shutil.which("redis-cli") or __import__("os").environ.get("CI"):
            pytest.fail("redis-server is missing on a machine that should have it")
        pytest.skip("redis-server is not installed")
    port = _free_port()
    url = f"redis://127.0.0.1:{port}/0"
    process = _start_redis(port)
    settings.CACHES = {
        "default": {"BACKEND": "cms.cache.ResilientRedisCache", "LOCATION": url}
    }
    settings.CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
            "CONFIG": {"hosts": [url]},
        }
    }
    state = {"process": process, "port": port}
    yield state
    state["process"].kill()
    state["process"].wait()


def _stop(state):
    state["process"].kill()
    state["process"].wait()


def test_pages_and_health_survive_a_redis_outage_and_recover(client, home_page, own_redis):
    assert client.get("/en/").status_code == 200
    assert client.get("/healthz").status_code == 200

    _stop(own_redis)
    assert client.get("/en/").status_code == 200
    health = client.get("/healthz")
    assert health.status_code == 503
    assert health.json()["channel_layer"] == "down"
    assert health.json()["database"] == "ok"

    own_redis["process"] = _start_redis(own_redis["port"])
    time.sleep(RETRY_SECONDS + 0.2)
    assert client.get("/en/").status_code == 200
    assert client.get("/healthz").status_code == 200


def test_signing_in_works_without_redis(client, learner, own_redis):
    _stop(own_redis)
    response = client.post(
        "/en/accounts/login/", {"login": learner.email, "password": "Correct-horse-2026"}
    )
    assert response.status_code == 302
    assert client.get("/en/").status_code == 200


@pytest.fixture
def database_down(monkeypatch):
    def refuse(self):
        raise OperationalError("connection refused (simulated outage)")

    def go_down():
        monkeypatch.setattr(BaseDatabaseWrapper, "ensure_connection", refuse)

    return go_down


def test_health_answers_json_when_the_database_is_down(client, home_page, database_down):
    client.raise_request_exception = False
    database_down()
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "down"


def test_a_page_says_unavailable_when_the_database_is_down(client, home_page, database_down):
    from django.core.cache import cache

    cache.clear()
    client.raise_request_exception = False
    database_down()
    response = client.get("/en/")
    assert response.status_code == 503
    assert response["Retry-After"]
    assert b"temporarily unavailable" in response.content.lower()
