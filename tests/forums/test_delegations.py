"""Delegations: registration window, seats, review by the secretariat; seats hold under
concurrency on PostgreSQL."""

import threading
from datetime import timedelta

from django.db import connection
from django.utils import timezone

import pytest

from cms.refusals import Refusal
from forums import services
from forums.models import Delegate, Delegation
from forums.workflow import DELEGATIONS


def _add(delegation, by, n, role="member"):
    return services.delegate_add(delegation=delegation, by=by, role=role, name=f"Person {n}",
                                 email=f"p{n}@example.org", title="Adviser", agency="Ministry")


@pytest.mark.django_db
def test_register_submit_confirm(meeting, countries, peru_fp, chile_fp, secretariat):
    delegation = services.delegation_open(meeting=meeting, country=countries[0], by=peru_fp)
    with pytest.raises(Refusal):
        services.delegation_open(meeting=meeting, country=countries[0], by=chile_fp)
    with pytest.raises(Refusal):  # no head yet
        DELEGATIONS.transition(delegation, "submit", by=peru_fp)
    _add(delegation, peru_fp, 1, role="head")
    _add(delegation, peru_fp, 2)
    _add(delegation, peru_fp, 3)
    with pytest.raises(Refusal) as full:
        _add(delegation, peru_fp, 4)
    assert full.value.code == "full"
    _add(delegation, peru_fp, 5, role="alternate")
    _add(delegation, peru_fp, 6, role="alternate")
    with pytest.raises(Refusal):
        _add(delegation, peru_fp, 7, role="alternate")
    with pytest.raises(Refusal):  # the same person twice
        _add(delegation, peru_fp, 2, role="alternate")
    assert delegation.delegates.count() == 5
    DELEGATIONS.transition(delegation, "submit", by=peru_fp)
    with pytest.raises(Refusal):  # submitted: only the secretariat changes it now
        services.delegate_remove(delegate=delegation.delegates.first(), by=peru_fp)
    with pytest.raises(Refusal):
        DELEGATIONS.transition(delegation, "confirm", by=peru_fp)
    confirmed = DELEGATIONS.transition(delegation, "confirm", by=secretariat)
    assert confirmed.state == Delegation.State.CONFIRMED


@pytest.mark.django_db
def test_after_the_deadline_only_the_secretariat(meeting, countries, peru_fp, secretariat):
    delegation = services.delegation_open(meeting=meeting, country=countries[0], by=peru_fp)
    meeting.registration_closes = timezone.now() - timedelta(minutes=1)
    meeting.save()
    delegation.refresh_from_db()
    with pytest.raises(Refusal) as late:
        _add(delegation, peru_fp, 1, role="head")
    assert late.value.code == "registration_closed"
    assert not Delegate.objects.exists()
    _add(delegation, secretariat, 1, role="head")
    assert delegation.delegates.count() == 1


@pytest.mark.django_db
def test_delegation_page_bad_input(client, meeting, countries, peru_fp):
    delegation = services.delegation_open(meeting=meeting, country=countries[0], by=peru_fp)
    client.force_login(peru_fp)
    url = f"/en/forums/delegations/{delegation.pk}/"
    response = client.post(url, {"role": "head", "name": "", "email": "not-an-email"})
    assert response.status_code == 400
    assert not Delegate.objects.exists()
    response = client.post(url, {"role": "head", "name": "Ana", "email": "ana@example.org"})
    assert response.status_code == 302 and delegation.delegates.count() == 1


@pytest.mark.django_db
def test_participants_csv_and_pdf(client, meeting, countries, peru_fp, secretariat):
    delegation = services.delegation_open(meeting=meeting, country=countries[0], by=peru_fp)
    _add(delegation, peru_fp, 1, role="head")
    DELEGATIONS.transition(delegation, "submit", by=peru_fp)
    DELEGATIONS.transition(delegation, "confirm", by=secretariat)
    client.force_login(secretariat)
    csv = client.get(f"/en/forums/meetings/{meeting.pk}/participants.csv")
    assert csv["Content-Type"] == "text/csv; charset=utf-8"
    assert csv.content.startswith("\ufeff".encode()) and b"Person 1" in csv.content
    pdf = client.get(f"/en/forums/meetings/{meeting.pk}/participants.pdf")
    assert pdf.content.startswith(b"%PDF")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks")
@pytest.mark.django_db(transaction=True)
def test_seats_hold_under_parallel_registrations(home_page, countries):
    from tests.factories import AgencyFactory, focal_point_for
    from tests.factories.forums import (
        ForumIndexPageFactory,
        ForumPageFactory,
        MeetingPageFactory,
    )

    forum = ForumPageFactory(parent=ForumIndexPageFactory(parent=home_page),
                             members=list(countries))
    meeting = MeetingPageFactory(parent=forum, seats_per_delegation=3)
    person = focal_point_for(AgencyFactory(country=countries[0]))
    delegation = services.delegation_open(meeting=meeting, country=countries[0], by=person)
    barrier = threading.Barrier(10)
    errors = []

    def add(n):
        try:
            barrier.wait()
            _add(Delegation.objects.get(pk=delegation.pk), person, n)
        except Refusal as refusal:
            errors.append(refusal.code)
        except Exception as error:  # noqa: BLE001
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=add, args=(n,)) for n in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert delegation.delegates.count() == 3
    assert errors == ["full"] * 7
