"""Query budget of the exchange pages: at most 15 queries with the site's shell, and the same
number whether the lists on them (audit trail, offers, attachments, reviews, notifications,
requests, open calls, suggestions) hold a few items or many."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from cms.accounts import roles
from exchanges.models import Attachment, Notification, Offer, Review, State, Transition
from tests.exchanges import documents
from tests.factories import AgencyFactory, CountryFactory, UserFactory, focal_point_for
from tests.factories.exchanges import request_in

pytestmark = pytest.mark.django_db

BUDGET = 15


def _get(client, user, url) -> int:
    client.logout()
    if user is not None:
        client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries)


def _counts(client, pages) -> dict:
    return {(str(user), url): _get(client, user, url) for user, url in pages}


def test_exchange_pages_are_small_and_constant(client, django_assert_max_num_queries):
    requester = focal_point_for(AgencyFactory(country=CountryFactory()))
    provider = focal_point_for(AgencyFactory(country=CountryFactory()))
    other = focal_point_for(AgencyFactory(country=CountryFactory()))
    secretariat = UserFactory(roles=[roles.SECRETARIAT])
    people = {"requester": requester, "secretariat": secretariat}
    closed = request_in(
        State.CLOSED,
        publish_summary=True,
        requesting_agency=requester.agency,
        provider=provider.agency,
        **people,
    )
    approved = request_in(State.APPROVED, requesting_agency=requester.agency, **people)
    withdrawn = request_in(
        State.WITHDRAWN, requesting_agency=requester.agency, provider=provider.agency, **people
    )

    def grow(n):
        for req in (closed, approved, withdrawn):
            for _ in range(n):
                Attachment.objects.create(
                    request=req,
                    file=documents.upload("plan.pdf", documents.PDF),
                    original_name="plan.pdf",
                    content_type="application/pdf",
                    size=10,
                )
                Transition.objects.create(
                    request=req,
                    action="start",
                    from_state=req.state,
                    to_state=req.state,
                    by=secretariat,
                    comment="A note",
                )
                Review.objects.create(
                    request=req,
                    reviewer=secretariat,
                    relevance=4,
                    clarity=4,
                    commitment=4,
                    feasibility=4,
                )
        for _ in range(n):
            agency = AgencyFactory(country=CountryFactory())
            Offer.objects.create(request=approved, agency=agency, message="We can help")
            Offer.objects.create(request=closed, agency=agency, message="Too late")
            for user in (requester, secretariat, other):
                Notification.objects.create(user=user, request=approved, text="News")
            request_in(State.CLOSED, publish_summary=True, secretariat=secretariat)  # public
            request_in(State.APPROVED, secretariat=secretariat)  # open calls, lists of others
            request_in(State.SUBMITTED, requesting_agency=requester.agency, **people)  # mine

    grow(1)
    pages = [
        (None, reverse("exchanges:public_list")),
        (requester, reverse("exchanges:public_list")),
        (requester, reverse("exchanges:mine")),
        (requester, reverse("exchanges:open_calls")),
        (requester, reverse("exchanges:notifications")),
        (requester, closed.get_absolute_url()),
        (requester, approved.get_absolute_url()),
        (requester, withdrawn.get_absolute_url()),
        (provider, closed.get_absolute_url()),
        (provider, withdrawn.get_absolute_url()),
        (other, approved.get_absolute_url()),
        (other, reverse("exchanges:mine")),
        (other, reverse("exchanges:open_calls")),
        (other, reverse("exchanges:notifications")),
        (secretariat, reverse("exchanges:mine")),
        (secretariat, closed.get_absolute_url()),
        (secretariat, approved.get_absolute_url()),
        (secretariat, withdrawn.get_absolute_url()),
        (secretariat, reverse("exchanges:notifications")),
    ]
    # Warm the caches first each time: the site shell caches its page tree and a signed-in
    # person's permissions under a version that changes with the data, so its first page
    # after a change costs two more queries (auth_permission), whatever the page.
    _counts(client, pages)
    few = _counts(client, pages)
    grow(4)
    _counts(client, pages)
    many = _counts(client, pages)
    assert few == many
    for user, url in pages:
        client.logout()
        if user is not None:
            client.force_login(user)
        with django_assert_max_num_queries(BUDGET):
            assert client.get(url).status_code == 200
