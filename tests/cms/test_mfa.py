"""Issue #16.2: superusers, the secretariat and editors reach the admin only with a second
factor; they enrol on their first admin visit; focal points and instructors are not asked."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    SECRET_SESSION_KEY,
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)

from cms.accounts import roles
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "Correct-horse-2026"
LOGIN = "/en/accounts/login/"
ACTIVATE = "/en/accounts/2fa/totp/activate/"


def _code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def _sign_in(client, user):
    response = client.post(LOGIN, {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302


def _open_activation(client):
    """allauth asks for the password again before an authenticator is added."""
    response = client.get(ACTIVATE)
    if response.status_code == 302 and "/reauthenticate/" in response["Location"]:
        again = client.post(response["Location"], {"password": PASSWORD})
        assert again.status_code == 302
        response = client.get(ACTIVATE)
    assert response.status_code == 200
    return client.session[SECRET_SESSION_KEY]


@pytest.mark.parametrize("kind", ["editor", "secretariat", "superuser"])
def test_staff_enrol_on_first_admin_visit_then_reach_the_admin(client, kind):
    user = (
        UserFactory(is_superuser=True, is_staff=True, roles=[], second_factor=False)
        if kind == "superuser"
        else UserFactory(
            roles=[roles.EDITOR if kind == "editor" else roles.SECRETARIAT], second_factor=False
        )
    )
    _sign_in(client, user)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(ACTIVATE)
    assert "next=/admin/" in response["Location"]

    secret = _open_activation(client)
    wrong = client.post(ACTIVATE, {"code": "000000"})
    assert wrong.status_code == 200 and not Authenticator.objects.filter(user=user).exists()
    done = client.post(ACTIVATE, {"code": _code(secret)})
    assert done.status_code == 302
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    assert Authenticator.objects.filter(
        user=user, type=Authenticator.Type.RECOVERY_CODES
    ).exists()
    assert client.get("/admin/").status_code == 200


def test_next_sign_in_asks_for_the_second_factor(client):
    user = UserFactory(roles=[roles.EDITOR], second_factor=False)
    _sign_in(client, user)
    secret = _open_activation(client)
    client.post(ACTIVATE, {"code": _code(secret)})
    client.post("/en/accounts/logout/")

    response = client.post(LOGIN, {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert "/accounts/2fa/authenticate/" in response["Location"]
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302  # not signed in yet
    client.get(response["Location"])
    finished = client.post(response["Location"], {"code": _code(secret)})
    assert finished.status_code == 302
    assert client.session.get("_auth_user_id") == str(user.pk)


@pytest.mark.parametrize("role", [roles.FOCAL_POINT, roles.INSTRUCTOR, roles.LEARNER])
def test_people_without_staff_roles_are_not_asked(client, role):
    user = UserFactory(roles=[role])
    _sign_in(client, user)
    response = client.get("/admin/")
    assert not response.get("Location", "").startswith(ACTIVATE)
