"""Membership: request, approve, decline (with a reason), leave; Network.members in step; the
audit trail; notifications in each person's language; refusals leave everything as it was."""

from django.core import mail

import pytest

from cms.accounts import roles
from cms.refusals import Refusal
from networks import services
from networks.models import Announcement, Membership, MembershipState, MembershipTransition
from tests.factories import AgencyFactory, NetworkFactory, UserFactory, focal_point_for
from tests.factories.networks import member_of, requested

pytestmark = pytest.mark.django_db


@pytest.fixture
def network():
    return NetworkFactory(slug="iaspn", name_en="Social Protection Network",
                          name_es="Red de Protección Social")


def test_request_then_approve_makes_a_member(
    network, secretariat, django_capture_on_commit_callbacks
):
    agency = AgencyFactory()
    person = focal_point_for(agency, preferred_language="es")
    with django_capture_on_commit_callbacks(execute=True):
        membership = services.membership_request(
            network=network, agency=agency, by=person, statement="We run a social registry."
        )
    assert membership.state == MembershipState.REQUESTED
    assert not network.members.exists()
    with django_capture_on_commit_callbacks(execute=True):
        approved = services.membership_transition(
            membership=membership, action="approve", by=secretariat,
            expected_version=membership.version,
        )
    assert approved.state == MembershipState.MEMBER
    assert approved.joined_on is not None
    assert list(network.members.all()) == [agency]
    actions = list(MembershipTransition.objects.filter(membership=membership)
                   .values_list("action", flat=True))
    assert actions == ["request", "approve"]
    spanish = [m for m in mail.outbox if m.to == [person.email]]
    assert any("Red de Protección Social" in m.subject for m in spanish)


def test_decline_needs_a_reason_and_changes_nothing_without(network, secretariat):
    membership = requested(network, AgencyFactory())
    with pytest.raises(Refusal):
        services.membership_transition(membership=membership, action="decline", by=secretariat)
    membership.refresh_from_db()
    assert membership.state == MembershipState.REQUESTED
    declined = services.membership_transition(
        membership=membership, action="decline", by=secretariat, comment="Not a social ministry."
    )
    assert declined.state == MembershipState.DECLINED
    assert declined.reason == "Not a social ministry."
    assert not network.members.exists()


def test_leaving_keeps_the_history_and_a_new_request_is_a_new_row(network, secretariat):
    agency = AgencyFactory()
    person = focal_point_for(agency)
    membership = member_of(network, agency, secretariat=secretariat, focal_point=person)
    left = services.membership_transition(
        membership=membership, action="leave", by=person, comment="Restructuring."
    )
    assert left.state == MembershipState.LEFT and left.left_on is not None
    assert not network.members.exists()
    again = services.membership_request(network=network, agency=agency, by=person)
    assert again.pk != membership.pk
    assert Membership.objects.filter(network=network, agency=agency).count() == 2


def test_only_the_agency_focal_point_may_ask(network, learner):
    agency = AgencyFactory()
    other = focal_point_for(AgencyFactory())
    for person in (learner, other):
        with pytest.raises(Refusal):
            services.membership_request(network=network, agency=agency, by=person)
    assert not Membership.objects.exists()


def test_a_second_open_request_is_refused(network):
    agency = AgencyFactory()
    person = focal_point_for(agency)
    services.membership_request(network=network, agency=agency, by=person)
    with pytest.raises(Refusal) as refused:
        services.membership_request(network=network, agency=agency, by=person)
    assert refused.value.code == "already_open"
    assert Membership.objects.count() == 1


def test_only_the_secretariat_decides(network, editor):
    agency = AgencyFactory()
    person = focal_point_for(agency)
    membership = requested(network, agency, focal_point=person)
    for someone in (person, editor):
        with pytest.raises(Refusal):
            services.membership_transition(membership=membership, action="approve", by=someone)
    membership.refresh_from_db()
    assert membership.state == MembershipState.REQUESTED


def test_a_stale_form_is_refused(network, secretariat):
    membership = requested(network, AgencyFactory())
    with pytest.raises(Refusal) as refused:
        services.membership_transition(
            membership=membership, action="approve", by=secretariat, expected_version=7
        )
    assert refused.value.code == "stale"


def test_unknown_action_and_long_reason_are_refused(network, secretariat):
    membership = requested(network, AgencyFactory())
    with pytest.raises(Refusal):
        services.membership_transition(membership=membership, action="explode", by=secretariat)
    with pytest.raises(Refusal):
        services.membership_transition(
            membership=membership, action="decline", by=secretariat, comment="x" * 2001
        )


def test_announcements_reach_member_people_in_their_language(
    network, secretariat, django_capture_on_commit_callbacks
):
    agency = AgencyFactory()
    member_of(network, agency, secretariat=secretariat)
    staff = UserFactory(agency=agency, preferred_language="es")
    outsider = UserFactory()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.announcement_post(
            network=network, by=secretariat, title="Annual meeting", body="In Lima, in May.",
            language="en",
        )
    recipients = {m.to[0] for m in mail.outbox}
    assert staff.email in recipients
    assert outsider.email not in recipients
    spanish = next(m for m in mail.outbox if m.to == [staff.email])
    assert "Red de Protección Social" in spanish.subject
    assert "anuncio" in spanish.body.lower()


def test_only_the_secretariat_announces(network, learner):
    with pytest.raises(Refusal):
        services.announcement_post(network=network, by=learner, title="t", body="b",
                                   language="en")
    assert not Announcement.objects.exists()


def test_sync_is_the_only_writer(network, secretariat):
    a, b = AgencyFactory(), AgencyFactory()
    member_of(network, a, secretariat=secretariat)
    network.members.add(b)  # a stray write outside the service…
    services.sync_network_members(network=network)  # …is undone by the next sync
    assert list(network.members.all()) == [a]


def test_consent_is_the_persons_choice():
    person = UserFactory(roles=[roles.LEARNER])
    assert services.consent_set(user=person, show_name=True).show_name is True
    assert services.consent_set(user=person, show_name=False).show_name is False
