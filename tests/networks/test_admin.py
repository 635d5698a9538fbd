"""Network governance in the Wagtail admin: the secretariat only (deny by default)."""

import pytest

from tests.factories.networks import NetworkProfileFactory

pytestmark = pytest.mark.django_db

LIST = "/admin/snippets/networks/networkprofile/"


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("learner", False), ("focal_point", False), ("editor", False), ("secretariat", True)],
)
def test_governance_snippet_for_the_secretariat_only(client, request, home_page, role, allowed):
    profile = NetworkProfileFactory()
    client.force_login(request.getfixturevalue(role))
    listing = client.get(LIST)
    edit = client.get(f"{LIST}edit/{profile.pk}/")
    if allowed:
        assert listing.status_code == 200 and edit.status_code == 200
        assert profile.network.name_en in listing.content.decode()
    else:
        assert listing.status_code in (302, 403) and edit.status_code in (302, 403)


def test_anonymous_is_sent_to_login(client, home_page):
    assert client.get(LIST).status_code == 302
