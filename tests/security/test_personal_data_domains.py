"""Issue 16, point 9: experiences, forums, frameworks, projects and networks each export what
they hold about a person and, when the account is deleted, forget the person while keeping the
institutional record (its country, agency, meeting) valid."""

import json

from django.core.serializers.json import DjangoJSONEncoder

import pytest

from cms.accounts import personal_data
from experiences.models import ExperiencePage
from forums.models import Delegate, Delegation
from frameworks.models import CountryStatusChange, NationalReportTransition
from networks.models import ContactConsent, Membership
from projects.enums import Modality
from projects.models import Proposal
from tests.factories import NetworkFactory, focal_point_for
from tests.factories.experiences import ExperiencePageFactory
from tests.factories.forums import (
    DelegationFactory,
    ForumIndexPageFactory,
    ForumPageFactory,
    MeetingPageFactory,
)
from tests.factories.frameworks import CountryStatusFactory, NationalReportFactory
from tests.factories.networks import requested

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(agency):
    return focal_point_for(agency, first_name="Rosalind", last_name="Private",
                           email="rosalind.private@example.org")


def exported(person, section):
    data = personal_data.personal_data_export(user=person)
    json.dumps(data, cls=DjangoJSONEncoder)  # the download must serialise
    return data["sections"][section]


def test_every_domain_registers_from_its_app_config():
    assert {"experiences", "forums", "frameworks", "projects", "networks"} <= set(
        personal_data.registered()
    )


def test_experiences(person, agency, home_page):
    page = ExperiencePageFactory(parent=home_page, agency=agency, owner=person,
                                 title="One-stop service points")
    assert exported(person, "experiences")["experiences_owned"][0]["title"] == page.title
    personal_data.account_erase(user=person)
    page = ExperiencePage.objects.get(pk=page.pk)
    assert page.owner_id is None
    assert (page.agency, page.country) == (agency, agency.country)


def test_forums(person, agency, home_page):
    forum = ForumPageFactory(parent=ForumIndexPageFactory(parent=home_page))
    meeting = MeetingPageFactory(parent=forum)
    delegation = DelegationFactory(meeting=meeting, country=agency.country, registered_by=person)
    seat = Delegate.objects.create(
        delegation=delegation, role=Delegate.Role.HEAD, name="Rosalind Private",
        title="Vice-minister", agency=agency.name, email="Rosalind.Private@example.org",
    )
    data = exported(person, "forums")
    assert data["delegate_of"][0]["name"] == "Rosalind Private"
    assert data["delegations_registered"][0]["pk"] == delegation.pk
    personal_data.account_erase(user=person)
    seat.refresh_from_db()
    assert "Rosalind" not in seat.name + seat.title + seat.email
    assert (seat.role, seat.agency, seat.delegation_id) == ("head", agency.name, delegation.pk)
    delegation = Delegation.objects.get(pk=delegation.pk)
    assert delegation.registered_by_id is None and delegation.country == agency.country


def test_frameworks(person, agency):
    report = NationalReportFactory(country=agency.country)
    transition = NationalReportTransition.objects.create(
        report=report, action="submit", from_state="due", to_state="submitted", by=person,
        comment="Sent by the ministry",
    )
    status = CountryStatusFactory(country=agency.country)
    change = CountryStatusChange.objects.create(status=status, changed_by=person, via="admin",
                                                changes={"signed": ["", "2020-01-01"]})
    data = exported(person, "frameworks")
    assert data["national_report_transitions"][0]["comment"] == "Sent by the ministry"
    assert data["country_status_changes"][0]["pk"] == change.pk
    personal_data.account_erase(user=person)
    transition.refresh_from_db()
    change.refresh_from_db()
    assert transition.by_id is None and change.changed_by_id is None
    assert transition.report.country == agency.country and change.status.country == agency.country


def test_projects(person, agency):
    proposal = Proposal.objects.create(
        agency=agency, created_by=person, title="Labour inspection for rural workers",
        modality=Modality.BILATERAL_FACILITATED, problem="Few inspections reach farms.",
        objectives="Risk-based planning.", estimated_budget_minor=1000, currency="USD",
        duration_months=12,
    )
    assert exported(person, "projects")["concept_notes"][0]["title"] == proposal.title
    personal_data.account_erase(user=person)
    proposal.refresh_from_db()
    assert proposal.created_by_id is None and proposal.agency == agency


def test_networks(person, agency):
    network = NetworkFactory()
    membership = requested(network, agency, focal_point=person)
    ContactConsent.objects.create(user=person, show_name=True)
    data = exported(person, "networks")
    assert data["focal_point_consent"]["show_name"] is True
    assert data["membership_requests"][0]["pk"] == membership.pk
    personal_data.account_erase(user=person)
    membership = Membership.objects.get(pk=membership.pk)
    assert membership.requested_by_id is None and membership.agency == agency
    assert not ContactConsent.objects.filter(user=person).exists()
    assert all(t.by_id is None for t in membership.transitions.all())
