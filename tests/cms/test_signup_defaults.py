"""Issues 17.9 and 17.12: sign-up defaults its language to the page's and its time zone to the
country's; a short translated list of the Americas' zones; country lists sorted by the name in
the visitor's language, the same 35 in sign-up and profile."""

import pytest

from cms.accounts.models import User
from cms.directory.models import Country
from tests.cms.test_accounts import PASSWORD
from tests.factories import CountryFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def countries(db):
    return {
        "BR": CountryFactory(code="BR", name_en="Brazil", name_es="Brasil", name_fr="Brésil",
                             name_pt="Brasil"),
        "US": CountryFactory(code="US", name_en="United States", name_es="Estados Unidos",
                             name_fr="États-Unis", name_pt="Estados Unidos"),
        "HT": CountryFactory(code="HT", name_en="Haiti", name_es="Haití", name_fr="Haïti",
                             name_pt="Haiti"),
        "NI": CountryFactory(code="NI", name_en="Nicaragua", name_es="Nicaragua",
                             name_fr="Nicaragua", name_pt="Nicarágua", participating=False),
    }


def option_order(html, names):
    return sorted(names, key=html.index)


@pytest.mark.parametrize("code", ["es", "fr", "pt"])
def test_signup_page_defaults_to_its_language(client, home_pages, countries, code):
    form = client.get(f"/{code}/accounts/signup/").context["form"]
    assert form["preferred_language"].value() == code


def test_signup_time_zone_defaults_from_the_country(client, home_pages, countries):
    client.post("/pt/accounts/signup/", {
        "email": "ana@mds.example", "password1": PASSWORD, "password2": PASSWORD,
        "first_name": "Ana", "last_name": "Souza", "country": countries["BR"].pk,
        "preferred_language": "pt", "time_zone": "",
    })
    user = User.objects.get(email="ana@mds.example")
    assert (user.preferred_language, user.time_zone) == ("pt", "America/Sao_Paulo")


def test_time_zones_are_a_short_translated_list(client, home_pages, countries):
    html = client.get("/es/accounts/signup/").content.decode()
    assert "Brazil/East" not in html and "Europe/Paris" not in html
    assert html.count("<option value=\"America/") < 40
    assert "Brasilia, São Paulo" in html and "La hora habitual de mi país" in html


def test_country_lists_are_sorted_by_the_visitors_language(client, home_pages, countries):
    html = client.get("/es/accounts/signup/").content.decode()
    assert option_order(html, ["Brasil", "Estados Unidos", "Haití", "Nicaragua"]) == [
        "Brasil", "Estados Unidos", "Haití", "Nicaragua"]
    html = client.get("/fr/accounts/signup/").content.decode()
    assert option_order(html, ["Brésil", "États-Unis", "Haïti", "Nicaragua"]) == [
        "Brésil", "États-Unis", "Haïti", "Nicaragua"]


def test_signup_and_profile_offer_the_same_countries(client, home_pages, countries):
    signup = client.get("/en/accounts/signup/").context["form"]
    client.force_login(UserFactory())
    profile = client.get("/en/accounts/profile/").context["form"]
    ids = [value for value, _label in signup.fields["country"].choices if value]
    assert len(ids) == Country.objects.count()
    assert [str(v) for v, _ in signup.fields["country"].choices] == [
        str(v) for v, _ in profile.fields["country"].choices]
