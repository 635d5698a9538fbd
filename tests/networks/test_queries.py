"""Query budget of the network pages: at most 15 queries with the site's shell, and the same
number whether the network has a few members, a long history and little activity, or many."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from exchanges.models import State
from networks import services
from networks.models import Announcement, Membership, MembershipState
from tests.factories import AgencyFactory, CountryFactory
from tests.factories.exchanges import ExchangeRequestFactory

pytestmark = pytest.mark.django_db

BUDGET = 15


def _count(client, user, url) -> int:
    client.logout()
    if user is not None:
        client.force_login(user)
    client.get(url)  # warm the shell (tree, permissions), as any visit after the first
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries)


def _grow(network, secretariat, n):
    countries = [CountryFactory() for _ in range(3)]
    agencies = [AgencyFactory(country=countries[i % 3]) for i in range(n)]
    today = datetime.date(2025, 1, 1)
    Membership.objects.bulk_create(
        [Membership(network=network, agency=a, state=MembershipState.MEMBER, joined_on=today)
         for a in agencies]
        + [Membership(network=network, agency=a, state=MembershipState.LEFT, joined_on=today,
                      left_on=today) for a in agencies]
        + [Membership(network=network, agency=AgencyFactory(), state=MembershipState.REQUESTED)
           for _ in range(n)]
    )
    services.sync_network_members(network=network)
    for i in range(n):
        ExchangeRequestFactory(
            requesting_agency=agencies[i], provider_agency=agencies[-1 - i],
            state=State.CLOSED, publish_summary=True, submitted_at=timezone.now(),
            completed_at=timezone.now(),
        )
        Announcement.objects.create(network=network, title=f"News {i}", body="…",
                                    created_by=secretariat)


def test_network_pages_are_small_and_constant(client, network, people, settings):
    # The activity is never served from the cache here: every source is asked each time.
    settings.NETWORKS_ACTIVITY_SECONDS = 0
    secretariat = people["secretariat"]
    member = people["member_focal_point"]
    pages = [
        (None, "/en/networks/"),
        (None, "/en/networks/iaspn/"),
        (member, "/es/networks/iaspn/"),
        (secretariat, "/en/networks/iaspn/"),
        (secretariat, "/en/networks/iaspn/members/"),
        (member, "/en/networks/iaspn/members/"),
        (member, "/en/networks/iaspn/announcements/"),
    ]
    Announcement.objects.create(network=network, title="Welcome", body="…", created_by=secretariat)
    small = {(str(u), url): _count(client, u, url) for u, url in pages}
    _grow(network, secretariat, 40)
    large = {(str(u), url): _count(client, u, url) for u, url in pages}
    assert large == small, (small, large)
    assert max(large.values()) <= BUDGET, large
