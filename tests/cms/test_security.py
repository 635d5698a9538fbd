"""Issue #16, the ground floor's part: one throttled login, per-account and per-address limits,
API docs without a CDN, private documents never served from MEDIA_ROOT."""

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "Correct-horse-2026"
LOGIN = "/en/accounts/login/"


@pytest.fixture
def throttled(settings):
    """The production limits (the test settings switch them off)."""
    from cms.settings import base

    settings.ACCOUNT_RATE_LIMITS = base.ACCOUNT_RATE_LIMITS


def _fail(client, email, times):
    for _ in range(times):
        client.post(LOGIN, {"login": email, "password": "wrong-password-1"})


def test_admin_login_is_the_sites_login(client):
    """Editors and the secretariat sign in through one (throttled) login: the site's."""
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")
    assert "next=/admin/pages/" in response["Location"]
    # Posting a password to the admin's own form does nothing either.
    user = UserFactory(is_superuser=True, is_staff=True, roles=[])
    response = client.post("/admin/login/", {"username": user.email, "password": PASSWORD})
    assert response.status_code in (302, 405)
    assert "_auth_user_id" not in client.session


def test_django_admin_is_gone(client):
    response = client.get("/django-admin/login/", follow=True)
    assert response.status_code == 404


def test_admin_while_signed_out_goes_to_the_sites_login(client):
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/en/accounts/login/")
    assert response.status_code == 200


def test_wrong_guesses_for_one_account_do_not_lock_out_another(client, throttled):
    victim = UserFactory(email="real.user@agency.example")
    _fail(client, "someone.else@agency.example", 10)
    response = client.post(LOGIN, {"login": victim.email, "password": PASSWORD})
    assert response.status_code == 302
    assert client.session.get("_auth_user_id") == str(victim.pk)


def test_unknown_email_guesses_from_one_address_do_not_lock_out_a_real_user(client, throttled):
    victim = UserFactory(email="real.user@agency.example")
    for n in range(10):
        client.post(LOGIN, {"login": f"nobody{n}@agency.example", "password": "wrong-password-1"})
    response = client.post(LOGIN, {"login": victim.email, "password": PASSWORD})
    assert response.status_code == 302
    assert client.session.get("_auth_user_id") == str(victim.pk)


def test_an_account_is_locked_after_five_failures_even_with_the_right_password(client, throttled):
    victim = UserFactory(email="real.user@agency.example")
    _fail(client, victim.email, 5)
    response = client.post(LOGIN, {"login": victim.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 429)


def test_an_address_is_limited_across_accounts(client, throttled):
    victim = UserFactory(email="real.user@agency.example")
    for n in range(30):
        client.post(LOGIN, {"login": f"spray{n}@agency.example", "password": "wrong-password-1"})
    client.post(LOGIN, {"login": victim.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session


def test_api_docs_load_their_assets_from_our_static_files(client):
    response = client.get("/api/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "cdn." not in html and "unpkg" not in html
    assert "/static/ninja/swagger-ui-bundle.js" in html


def test_private_documents_are_not_served_from_media(client, settings):
    """Documents live under MEDIA_ROOT/documents but only Wagtail's view (which checks the
    collection's privacy) serves them; even in DEBUG, /media/documents/ answers 404."""
    from django.urls import resolve
    from django.urls.exceptions import Resolver404

    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    from cms import urls

    patterns = [str(p.pattern) for p in urls.media_urlpatterns(debug=True)]
    assert patterns, "DEBUG serves media (images)"
    with pytest.raises(Resolver404):
        resolve("/media/documents/secret.pdf", urlconf=_MediaConf(urls.media_urlpatterns(True)))
    assert resolve("/media/images/a.jpg", urlconf=_MediaConf(urls.media_urlpatterns(True)))


class _MediaConf:
    def __init__(self, patterns):
        self.urlpatterns = patterns


def test_deploy_checks_are_clean_under_the_documented_production_settings():
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    env = {
        **os.environ,
        "DJANGO_ENV": "production",
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "x" * 20 + "-production-only-secret-key-for-the-check-0123456789",
        "ALLOWED_HOSTS": "puente.example.org",
        "CSRF_TRUSTED_ORIGINS": "https://puente.example.org",
    }
    result = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, str(root / "manage.py"), "check", "--deploy", "--fail-level", "WARNING"],
        env=env, capture_output=True, text=True, timeout=120, cwd=root,
    )
    assert result.returncode == 0, result.stdout + result.stderr
