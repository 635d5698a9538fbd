"""Settings driven by the environment, the production profile, and the translation catalogues."""

import gettext
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
# Variables of this test process that must not leak into the settings under test.
PROCESS_ONLY = {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def run_python(code: str, **env) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in PROCESS_ONLY}
    environment.update(env)
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


SHOW = (
    "import django, os; django.setup(); from django.conf import settings as s; "
    "print(s.DATABASES['default']['ENGINE'], s.CHANNEL_LAYERS['default']['BACKEND'], "
    "s.CACHES['default']['BACKEND'], s.EMAIL_BACKEND, s.DEBUG)"
)


def test_defaults_need_no_service():
    result = run_python(SHOW, DJANGO_SETTINGS_MODULE="cms.settings.dev")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.sqlite3",
        "channels.layers.InMemoryChannelLayer",
        "django.core.cache.backends.locmem.LocMemCache",
        "django.core.mail.backends.console.EmailBackend",
        "True",
    ]


def test_each_service_is_one_variable():
    result = run_python(
        SHOW,
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        DATABASE_URL="postgres://u:p@db.internal:5432/puente",
        REDIS_URL="redis://cache.internal:6379/0",
        EMAIL_URL="smtp://mailer:secret@smtp.internal:587/?tls=True",
        DEBUG="false",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "channels_redis.pubsub.RedisPubSubChannelLayer",
        "cms.cache.ResilientRedisCache",
        "django.core.mail.backends.smtp.EmailBackend",
        "False",
    ]


def test_the_list_based_redis_layer_is_one_variable_away():
    result = run_python(
        SHOW,
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        REDIS_URL="redis://cache.internal:6379/0",
        REDIS_CHANNEL_LAYER="core",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[1] == "channels_redis.core.RedisChannelLayer"


def test_production_refuses_to_start_without_a_real_secret_key():
    result = run_python(SHOW, DJANGO_SETTINGS_MODULE="cms.settings.production", SECRET_KEY="")
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_production_passes_the_deployment_checklist():
    environment = {k: v for k, v in os.environ.items() if k not in PROCESS_ONLY}
    environment.update(
        DJANGO_ENV="production",
        SECRET_KEY="q7!vN2#rT9@pL4$wZ8^mK1&xB6*cH3(jD5)sF0_gY" * 2,
        ALLOWED_HOSTS="puente.example.org",
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.django_db
def test_public_pages_send_security_headers(client):
    response = client.get("/healthz")
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def catalogues():
    for po in sorted(ROOT.glob("*/locale/*/LC_MESSAGES/django.po")) + sorted(
        ROOT.glob("cms/*/locale/*/LC_MESSAGES/django.po")
    ):
        yield pytest.param(po, id=str(po.relative_to(ROOT)))


@pytest.mark.parametrize("po_path", list(catalogues()))
def test_catalogue_is_complete_and_compiled(po_path):
    """Every string has a translation, none is fuzzy, and the .mo says the same as the .po."""
    catalogue = read_po(po_path.open("rb"))
    compiled = gettext.GNUTranslations(po_path.with_suffix(".mo").open("rb"))
    untranslated, stale = [], []
    for message in catalogue:
        if not message.id:
            continue
        if message.fuzzy or not (
            message.string if isinstance(message.string, str) else all(message.string)
        ):
            untranslated.append(message.id)
            continue
        if isinstance(message.id, str):
            got = (
                compiled.pgettext(message.context, message.id)
                if message.context
                else (compiled.gettext(message.id))
            )
            if got != message.string:
                stale.append(message.id)
    assert not untranslated, f"untranslated in {po_path}: {untranslated[:5]}"
    assert not stale, f"{po_path.with_suffix('.mo')} is out of date: {stale[:5]}"


def test_every_site_language_has_catalogues():
    for code, _name in settings.LANGUAGES[1:]:
        assert (ROOT / "cms" / "locale" / code / "LC_MESSAGES" / "django.mo").exists()
