"""National reports: due → submitted → reviewed; due → late → submitted; refusals change
nothing."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from cms.workflow import TransitionRefused
from frameworks import services
from frameworks.models import NationalReport
from frameworks.workflow import WORKFLOW
from tests.factories.frameworks import NationalReportFactory, ReportingCycleFactory

pytestmark = pytest.mark.django_db
State = NationalReport.State


@pytest.fixture
def report(framework, countries, settings, tmp_path):
    settings.FRAMEWORKS_REPORT_ROOT = tmp_path
    cycle = ReportingCycleFactory(framework=framework, due_date=datetime.date(2030, 1, 1))
    return NationalReportFactory(cycle=cycle, country=countries["PE"])


def test_submit_needs_a_file_then_review_needs_observations(report, people,
                                                            django_capture_on_commit_callbacks):
    with pytest.raises(TransitionRefused):
        WORKFLOW.transition(report, "submit", by=people["own_focal"])
    services.report_file_add(report=report, language="es", by=people["own_focal"],
                             upload=SimpleUploadedFile("informe.pdf", b"%PDF-1.4"))
    report = WORKFLOW.transition(report, "submit", by=people["own_focal"])
    assert report.state == State.SUBMITTED and report.submitted_at
    with pytest.raises(TransitionRefused):
        WORKFLOW.transition(report, "review", by=people["own_focal"], observations="x")
    with pytest.raises(TransitionRefused):
        WORKFLOW.transition(report, "review", by=people["secretariat"], observations=" ")
    with django_capture_on_commit_callbacks(execute=True):
        report = WORKFLOW.transition(report, "review", by=people["secretariat"],
                                     observations="Progress on article 12.")
    assert report.state == State.REVIEWED
    assert [t.to_state for t in report.transitions.all()] == ["submitted", "reviewed"]
    with pytest.raises(services.Refusal):
        services.report_file_add(report=report, language="en", by=people["own_focal"],
                                 upload=SimpleUploadedFile("late.pdf", b"%PDF-1.4"))


def test_a_focal_point_of_another_country_may_not_submit(report, people):
    with pytest.raises(TransitionRefused):
        WORKFLOW.transition(report, "submit", by=people["other_focal"])
    report.refresh_from_db()
    assert report.state == State.DUE


def test_mark_late_is_internal(report, people):
    assert WORKFLOW.button_action("mark_late") is None
    report = WORKFLOW.transition(report, "mark_late", by=None)
    assert report.state == State.LATE
    assert "submit" in [a.name for a in WORKFLOW.available_actions(report, people["own_focal"])]
