import re

from django.core import mail

import pytest
from allauth.account.models import EmailAddress

from cms.accounts import roles
from cms.accounts.models import AgencyClaim, User
from tests.factories import AgencyFactory, CountryFactory, UserFactory

pytestmark = pytest.mark.django_db
SIGNUP = "/en/accounts/signup/"
PASSWORD = "Bridges-across-2026"


@pytest.fixture
def peru(db):
    return CountryFactory(code="PE", name_en="Peru", name_es="Perú")


@pytest.fixture
def midis(peru):
    return AgencyFactory(name="Ministerio de Desarrollo e Inclusión Social", acronym="MIDIS",
                         country=peru)


def signup_data(country, agency=None, **overrides):
    data = {
        "email": "lucia@midis.example",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "first_name": "Lucía",
        "last_name": "Quispe",
        "country": country.pk,
        "agency": agency.pk if agency else "",
        "position": "Directora de cooperación",
        "preferred_language": "es",
        "time_zone": "America/Lima",
    }
    data.update(overrides)
    return data


def test_signup_creates_an_unverified_learner_and_sends_a_verification_email(client, peru, midis):
    response = client.post(SIGNUP, signup_data(peru, midis))
    assert response.status_code == 302
    user = User.objects.get(email="lucia@midis.example")
    assert (user.first_name, user.country, user.agency) == ("Lucía", peru, midis)
    assert (user.preferred_language, user.time_zone) == ("es", "America/Lima")
    assert list(user.groups.values_list("name", flat=True)) == [roles.LEARNER]
    assert not EmailAddress.objects.get(user=user).verified
    assert not user.agency_claims.exists()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["lucia@midis.example"]
    assert "/accounts/confirm-email/" in mail.outbox[0].body
    # Not logged in until the address is verified.
    assert "_auth_user_id" not in client.session


def test_following_the_verification_link_verifies_and_logs_in(client, peru):
    client.post(SIGNUP, signup_data(peru))
    link = re.search(r"https?://[^/\s]+(/\S+/confirm-email/\S+/)", mail.outbox[0].body).group(1)
    response = client.post(link)
    assert response.status_code == 302
    assert EmailAddress.objects.get(email="lucia@midis.example").verified
    assert client.session["_auth_user_id"]


def test_claiming_to_be_a_focal_point_files_a_pending_claim_only(client, peru, midis):
    client.post(SIGNUP, signup_data(peru, midis, claim_focal_point="on"))
    user = User.objects.get(email="lucia@midis.example")
    claim = AgencyClaim.objects.get(user=user)
    assert (claim.agency, claim.status) == (midis, AgencyClaim.Status.PENDING)
    assert not user.groups.filter(name=roles.FOCAL_POINT).exists()


def form_errors(response):
    return response.context["form"].errors


def test_duplicate_email_is_refused_whatever_its_case(client, peru):
    UserFactory(email="lucia@midis.example")
    response = client.post(SIGNUP, signup_data(peru, email="Lucia@MIDIS.example"))
    assert response.status_code == 200
    assert "email" in form_errors(response)
    assert User.objects.filter(email__iexact="lucia@midis.example").count() == 1


def test_weak_password_is_refused_with_the_reason(client, peru):
    response = client.post(SIGNUP, signup_data(peru, password1="12345678", password2="12345678"))
    assert response.status_code == 200
    message = " ".join(form_errors(response)["password1"])
    assert "too short" in message or "too common" in message
    assert not User.objects.exists()


def test_unknown_agency_is_refused_with_a_clear_message(client, peru):
    data = signup_data(peru)
    data["agency"] = "999999"
    response = client.post(SIGNUP, data)
    assert response.status_code == 200
    assert form_errors(response)["agency"] == [
        "Unknown agency. Choose one from the list, or leave the field empty."
    ]
    assert not User.objects.exists()


def test_agency_must_belong_to_the_chosen_country(client, peru):
    elsewhere = AgencyFactory()
    response = client.post(SIGNUP, signup_data(peru, elsewhere))
    assert "not of the country you chose" in form_errors(response)["agency"][0]
    assert not User.objects.exists()


def test_claim_without_agency_is_refused(client, peru):
    response = client.post(SIGNUP, signup_data(peru, claim_focal_point="on"))
    assert form_errors(response)["agency"] == ["Choose the agency you want to act for."]


def test_error_messages_are_translated(client, peru):
    data = signup_data(peru)
    data["agency"] = "999999"
    response = client.post("/es/accounts/signup/", data)
    assert "Institución desconocida" in response.content.decode()


def test_unverified_email_cannot_log_in(client):
    UserFactory(email="new@example.org", verified=False)
    response = client.post(
        "/en/accounts/login/", {"login": "new@example.org", "password": "Correct-horse-2026"}
    )
    assert response.status_code == 302
    assert response["Location"].endswith("/accounts/confirm-email/")
    assert "_auth_user_id" not in client.session
    assert len(mail.outbox) == 1  # a fresh verification email


def test_verified_login_lands_on_the_home_page_in_the_preferred_language(client, home_page):
    UserFactory(email="joao@mds.example", preferred_language="pt")
    response = client.post(
        "/en/accounts/login/", {"login": "JOAO@mds.example", "password": "Correct-horse-2026"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/pt/"


def test_wrong_password_is_refused(client):
    UserFactory(email="joao@mds.example")
    response = client.post("/en/accounts/login/", {"login": "joao@mds.example", "password": "x"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_a_link(client):
    UserFactory(email="joao@mds.example")
    response = client.post("/fr/accounts/password/reset/", {"email": "joao@mds.example"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/fr/accounts/password/reset/key/" in mail.outbox[0].body


def test_profile_requires_login(client):
    response = client.get("/en/accounts/profile/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_profile_edit(client, learner, peru, midis):
    client.force_login(learner)
    response = client.post(
        "/en/accounts/profile/",
        {
            "profile-first_name": "Lucía", "profile-last_name": "Quispe",
            "profile-country": peru.pk, "profile-agency": midis.pk, "profile-position": "Analyst",
            "profile-preferred_language": "es", "profile-time_zone": "America/Lima",
        },
    )
    assert response.status_code == 302
    learner.refresh_from_db()
    assert (learner.agency, learner.time_zone) == (midis, "America/Lima")


def test_profile_refuses_an_unknown_time_zone_and_keeps_the_data(client, learner, peru):
    client.force_login(learner)
    response = client.post(
        "/en/accounts/profile/",
        {"profile-first_name": "X", "profile-last_name": "Y", "profile-country": peru.pk,
         "profile-preferred_language": "es", "profile-time_zone": "Mars/Olympus"},
    )
    assert response.status_code == 200
    assert "time_zone" in response.context["form"].errors
    first_name = learner.first_name
    learner.refresh_from_db()
    assert learner.first_name == first_name


def test_profile_claim_request_and_duplicate(client, learner, midis):
    client.force_login(learner)
    data = {"claim-agency": midis.pk, "claim-statement": "I coordinate cooperation."}
    assert client.post("/en/accounts/profile/", data).status_code == 302
    response = client.post("/en/accounts/profile/", data)
    assert response.status_code == 200
    assert "already asked" in response.context["claim_form"].errors["agency"][0]
    assert AgencyClaim.objects.filter(user=learner).count() == 1


def test_requests_use_the_persons_time_zone(rf, learner):
    from django.contrib.auth.models import AnonymousUser
    from django.utils import timezone

    from cms.accounts.middleware import UserTimezoneMiddleware

    seen = []
    middleware = UserTimezoneMiddleware(
        lambda request: seen.append(timezone.get_current_timezone_name())
    )
    learner.time_zone = "America/Lima"
    for user in (learner, AnonymousUser()):
        request = rf.get("/")
        request.user = user
        middleware(request)
    assert seen == ["America/Lima", "America/New_York"]
    assert timezone.get_current_timezone_name() == "America/New_York"
