"""The proposal, project and report state machines: states, people, versions, audit rows."""

import datetime

import pytest

from cms.refusals import Refusal
from projects import services
from projects.enums import ProposalState, ReportState, Status
from projects.models import Project, Transition
from projects.workflow import PROJECTS, PROPOSALS, REPORTS
from tests.factories import AgencyFactory, focal_point_for
from tests.factories.projects import ProjectFactory, proposal_in

pytestmark = pytest.mark.django_db


def test_submitting_a_concept_note_writes_an_audit_row():
    proposal = proposal_in("submitted")
    assert proposal.state == ProposalState.SUBMITTED
    row = Transition.objects.get(proposal=proposal)
    assert (row.action, row.from_state, row.to_state) == ("submit", "draft", "submitted")
    assert row.by == proposal.proposer


def test_approval_needs_the_rubric_and_creates_the_project_in_design(secretariat):
    proposal = proposal_in("under_review", secretariat=secretariat)
    with pytest.raises(Refusal, match="rubric"):
        PROPOSALS.transition(proposal, "approve", by=secretariat)
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.UNDER_REVIEW
    assert not Project.objects.exists()

    approved = proposal_in("approved")
    project = Project.objects.get(proposal=approved)
    assert project.status == Status.IN_DESIGN
    assert project.lead_agency_id == approved.agency_id
    assert set(project.countries.all()) == set(approved.countries.all())
    assert (project.planned_end - project.planned_start).days > 500  # 18 months
    assert Transition.objects.filter(project=project, to_state=Status.IN_DESIGN).exists()


def test_decline_needs_a_reason(secretariat):
    proposal = proposal_in("under_review", secretariat=secretariat)
    with pytest.raises(Refusal, match="reason"):
        PROPOSALS.transition(proposal, "decline", by=secretariat, comment="  ")
    done = PROPOSALS.transition(proposal, "decline", by=secretariat, comment="Out of scope.")
    assert done.state == ProposalState.DECLINED


def test_focal_point_of_another_agency_cannot_submit(secretariat):
    proposal = proposal_in("draft")
    other = focal_point_for(AgencyFactory())
    with pytest.raises(Refusal, match="not allowed"):
        PROPOSALS.transition(proposal, "submit", by=other)
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.DRAFT


def test_proposer_cannot_review_their_own_note():
    proposal = proposal_in("submitted")
    with pytest.raises(Refusal):
        PROPOSALS.transition(proposal, "start_review", by=proposal.proposer)


def test_stale_version_is_refused(secretariat):
    proposal = proposal_in("submitted")
    with pytest.raises(Refusal) as refused:
        PROPOSALS.transition(proposal, "start_review", by=secretariat,
                             expected_version=proposal.version - 1)
    assert refused.value.code == "stale"


def test_project_walks_its_statuses_and_records_reasons(secretariat):
    project = ProjectFactory()
    lead = focal_point_for(project.lead_agency)
    for action in ("start_design", "approve"):
        project = PROJECTS.transition(project, action, by=secretariat)
    with pytest.raises(Refusal):  # a learner-level person of another agency
        PROJECTS.transition(project, "start", by=focal_point_for(AgencyFactory()))
    project = PROJECTS.transition(project, "start", by=lead)
    assert project.status == Status.IN_IMPLEMENTATION and project.actual_start
    with pytest.raises(Refusal):
        PROJECTS.transition(project, "suspend", by=secretariat)
    project = PROJECTS.transition(project, "suspend", by=secretariat, comment="Elections.")
    assert project.status_reason == "Elections."
    project = PROJECTS.transition(project, "resume", by=secretariat)
    assert project.status_reason == ""
    project = PROJECTS.transition(project, "complete", by=lead)
    project = PROJECTS.transition(project, "evaluate", by=secretariat)
    assert project.status == Status.EVALUATED
    with pytest.raises(Refusal, match="not possible"):
        PROJECTS.transition(project, "cancel", by=secretariat, comment="Too late")
    assert Transition.objects.filter(project=project).count() == 7


def test_report_is_written_by_the_agency_and_accepted_by_the_secretariat(secretariat):
    project = ProjectFactory()
    lead = focal_point_for(project.lead_agency)
    report = services.report_save(
        project=project, by=lead, agency_id=project.lead_agency_id,
        period_start=datetime.date(2026, 1, 1), period_end=datetime.date(2026, 6, 30),
        narrative="Two workshops held.", submit=True,
    )
    assert report.state == ReportState.SUBMITTED
    with pytest.raises(Refusal):
        REPORTS.transition(report, "accept", by=lead)
    report = REPORTS.transition(report, "return", by=secretariat, comment="Add the figures.")
    report = REPORTS.transition(report, "submit", by=lead)
    report = REPORTS.transition(report, "accept", by=secretariat)
    assert report.state == ReportState.ACCEPTED


def test_people_concerned_are_emailed_after_commit_in_their_language(
    secretariat, django_capture_on_commit_callbacks, mailoutbox
):
    secretariat.preferred_language = "es"
    secretariat.save()
    with django_capture_on_commit_callbacks(execute=True):
        proposal = proposal_in("submitted", secretariat=secretariat)
    assert [m.to for m in mailoutbox] == [[secretariat.email]]
    assert "Enviada" in mailoutbox[0].subject
    assert f"/projects/proposals/{proposal.pk}/" in mailoutbox[0].body
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        PROPOSALS.transition(proposal, "start_review", by=secretariat)
    assert [m.to for m in mailoutbox] == [[proposal.proposer.email]]
    assert "Under review" in mailoutbox[0].subject
