"""Issue 17.20: `/` sends a signed-in person to their preferred language, not the browser's."""

import pytest

from tests.factories import UserFactory


@pytest.mark.django_db
def test_root_redirects_by_preferred_language(client, home_pages):
    client.force_login(UserFactory(preferred_language="pt"))
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.status_code == 302 and response["Location"] == "/pt/"


@pytest.mark.django_db
def test_root_redirects_a_visitor_by_the_browser(client, home_pages):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fr-CA,fr;q=0.9")
    assert response.status_code == 302 and response["Location"] == "/fr/"
