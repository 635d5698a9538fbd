from io import StringIO

from django.core.management import call_command

from wagtail.models import Page, Revision

import pytest

from cms.accounts import roles
from cms.accounts.models import AgencyClaim, User
from cms.directory.models import Agency, Country, Network, PopulationGroup, Theme
from cms.pages.models import HomePage, StandardPage


def snapshot():
    return {
        model.__name__: model.objects.count()
        for model in (Country, Agency, Theme, PopulationGroup, Network, User, AgencyClaim, Page,
                      Revision)
    }


@pytest.mark.django_db
def test_seed_demo_loads_the_directory_people_and_pages_is_idempotent_and_people_log_in(client):
    out = StringIO()
    call_command("seed_demo", stdout=out)
    first = snapshot()
    assert first["Country"] == 35
    assert Country.objects.filter(participating=False).count() == 2
    assert first["Agency"] >= 40
    assert Agency.objects.values("country").distinct().count() >= 15
    assert 2 <= first["Network"] <= 3
    assert all(network.members.exists() for network in Network.objects.all())
    for role in roles.ALL_ROLES:
        assert User.objects.filter(groups__name=role).exists(), role
    assert HomePage.objects.live().count() == 4
    for code in ("en", "es", "fr", "pt"):
        # About and networks; /<lang>/legal-frameworks/ is the frameworks index page now.
        assert StandardPage.objects.live().filter(locale__language_code=code).count() >= 2
    assert "secretariat@puente.test" in out.getvalue()
    assert "Puente-secretariat-2026" in out.getvalue()

    call_command("seed_demo", stdout=StringIO())
    assert snapshot() == first

    # The people log in with the printed passwords (one seeding for both: it is the slow part).
    response = client.post(
        "/en/accounts/login/",
        {"login": "focal.pe@puente.test", "password": "Puente-focal-2026"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/es/"
    assert client.get("/es/").status_code == 200
