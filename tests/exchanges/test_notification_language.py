"""Issue 17.10: in-app notifications are rendered in the reader's language of the moment, not
frozen in the one they had when it was sent; a single new item is "nouvelle", not "nouveaux"."""

import pytest

from exchanges import workflow
from exchanges.models import Notification, State
from tests.factories import AgencyFactory, CountryFactory, focal_point_for
from tests.factories.exchanges import request_in

pytestmark = pytest.mark.django_db


def test_notification_follows_the_readers_language(client, home_pages):
    provider_agency = AgencyFactory(country=CountryFactory())
    provider = focal_point_for(provider_agency, preferred_language="es")
    req = request_in(State.APPROVED)
    from cms.accounts import roles
    from tests.factories import UserFactory

    workflow.transition(req, "match", by=UserFactory(roles=[roles.SECRETARIAT]),
                        provider=provider_agency)
    note = Notification.objects.get(user=provider)
    assert "ahora está" in note.text  # stored as sent, for the record
    client.force_login(provider)
    french = client.get("/fr/exchanges/notifications/").content.decode()
    assert f"«\u202f{req.title}\u202f» est maintenant\u202f:" in french
    assert "ahora está" not in french
    assert "<strong>nouvelle</strong>" in french and "nouveaux" not in french
    english = client.get("/en/exchanges/notifications/").content.decode()
    assert "is now: Provider matched." in english
