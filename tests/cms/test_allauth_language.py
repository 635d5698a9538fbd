"""Issue 17.11: allauth in Brazilian Portuguese ("senha") and Spanish with "usted"; its emails
greet with the site's name, not the host the request came in on."""

from django.core import mail
from django.utils import translation
from django.utils.translation import gettext

import pytest

from tests.cms.test_accounts import PASSWORD
from tests.factories import CountryFactory


@pytest.mark.django_db
def test_portuguese_sign_up_says_senha(client, home_pages):
    html = client.get("/pt/accounts/signup/").content.decode()
    assert "Senha" in html and "palavra-passe" not in html.lower()
    assert "alavra-passe" not in client.get("/pt/accounts/login/").content.decode()


def test_allauth_spanish_uses_usted():
    with translation.override("es"):
        assert gettext("Are you sure you want to remove this security key?").startswith(
            "¿Está seguro")
        assert gettext("Be patient, you are sending too many requests.").startswith("Tenga")
    with translation.override("pt"):
        assert gettext("Forgot your password?") .lower().count("senha") == 1


@pytest.mark.django_db
def test_account_emails_greet_with_the_site_name(client, home_pages):
    country = CountryFactory(code="PE", name_en="Peru")
    client.post("/en/accounts/signup/", {
        "email": "lucia@midis.example", "password1": PASSWORD, "password2": PASSWORD,
        "first_name": "Lucía", "last_name": "Quispe", "country": country.pk,
        "preferred_language": "en", "time_zone": "America/Lima",
    }, HTTP_HOST="127.0.0.1")
    message = mail.outbox[-1]
    assert "Hello from Puente!" in message.body and "127.0.0.1!" not in message.body
    assert message.subject.startswith("[Puente] ")
