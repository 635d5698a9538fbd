"""The country report's state machine: who may do what, every change kept, public only once
accepted."""

import pytest

from cms.refusals import Refusal
from forums import selectors, services
from forums.models import CountryReport, ReportTransition, StatusChange
from forums.workflow import REPORTS


@pytest.fixture
def report(cycle, countries, commitment, peru_fp):
    return services.report_open(cycle=cycle, country=countries[0], by=peru_fp)


@pytest.mark.django_db
def test_report_rows_for_applicable_commitments(report, commitment):
    assert list(report.rows.values_list("commitment_id", flat=True)) == [commitment.pk]


@pytest.mark.django_db
def test_other_country_may_not_open_or_edit(cycle, countries, report, chile_fp, learner):
    with pytest.raises(Refusal):
        services.report_open(cycle=cycle, country=countries[0], by=chile_fp)
    row = report.rows.get()
    for person in (chile_fp, learner):
        with pytest.raises(Refusal):
            services.report_row_update(row=row, by=person, status="achieved")
    row.refresh_from_db()
    assert row.status == "not_started" and not StatusChange.objects.exists()


@pytest.mark.django_db
def test_full_cycle_submit_return_resubmit_accept(report, peru_fp, chile_fp, secretariat,
                                                  commitment, mailoutbox,
                                                  django_capture_on_commit_callbacks):
    row = report.rows.get()
    services.report_row_update(row=row, by=peru_fp, status="in_progress", narrative="Law drafted",
                               evidence_links="https://example.org/law")
    assert selectors.public_history(commitment) == {}
    with pytest.raises(Refusal):
        REPORTS.transition(report, "submit", by=chile_fp)
    REPORTS.transition(report, "submit", by=peru_fp)
    # Submitted: the focal point can no longer change it.
    with pytest.raises(Refusal):
        services.report_row_update(row=row, by=peru_fp, status="achieved")
    with pytest.raises(Refusal):  # a reason is required to return
        REPORTS.transition(report, "return", by=secretariat, comment=" ")
    with pytest.raises(Refusal):  # the focal point does not review
        REPORTS.transition(report, "accept", by=peru_fp)
    REPORTS.transition(report, "return", by=secretariat, comment="Add the decree number.")
    services.report_row_update(row=row, by=peru_fp, status="achieved", narrative="Decree 12")
    REPORTS.transition(report, "submit", by=peru_fp)
    with django_capture_on_commit_callbacks(execute=True):
        accepted = REPORTS.transition(report, "accept", by=secretariat)
    assert accepted.state == CountryReport.State.ACCEPTED
    trail = list(ReportTransition.objects.filter(report=report).values_list("action", "by"))
    assert trail == [("submit", peru_fp.pk), ("return", secretariat.pk), ("submit", peru_fp.pk),
                     ("accept", secretariat.pk)]
    assert StatusChange.objects.filter(row=row).count() == 2
    history = selectors.public_history(commitment)
    assert [r.status for r in history[report.country_id]] == ["achieved"]
    assert any("accepted" in m.subject.lower() for m in mailoutbox)


@pytest.mark.django_db
def test_stale_version_and_bad_input_change_nothing(report, peru_fp):
    row = report.rows.get()
    for bad in ({"status": "done"}, {"status": "achieved", "evidence_links": "not a url"},
                {"status": "achieved", "narrative": "x" * 4001},
                {"status": "achieved", "evidence_links": "\n".join(
                    f"https://e.org/{i}" for i in range(11))}):
        with pytest.raises(Refusal):
            services.report_row_update(row=row, by=peru_fp, **bad)
    with pytest.raises(Refusal):
        REPORTS.transition(report, "submit", by=peru_fp, expected_version=report.version + 5)
    report.refresh_from_db()
    row.refresh_from_db()
    assert (report.state, row.status) == ("draft", "not_started")


@pytest.mark.django_db
def test_report_page_saves_and_submits(client, report, peru_fp):
    row = report.rows.get()
    client.force_login(peru_fp)
    url = f"/en/forums/reports/{report.pk}/"
    response = client.post(url, {f"row{row.pk}-status": "bogus"})
    assert response.status_code == 400
    response = client.post(url, {f"row{row.pk}-status": "achieved",
                                 f"row{row.pk}-narrative": "Done"})
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.status == "achieved"
    report.refresh_from_db()
    response = client.post(f"{url}transition/", {"action": "submit", "comment": "",
                                                 "version": report.version})
    report.refresh_from_db()
    assert report.state == "submitted"


@pytest.mark.django_db
def test_the_report_page_stays_within_15_queries_as_rows_and_agencies_grow(
    client, forum, meeting, countries, peru_fp, django_assert_max_num_queries
):
    from tests.factories import AgencyFactory
    from tests.factories.forums import CommitmentFactory, ReportingCycleFactory

    client.force_login(peru_fp)
    for size in (2, 8):
        for _ in range(size):
            CommitmentFactory(meeting=meeting)
            AgencyFactory(country=countries[0])
        report = services.report_open(cycle=ReportingCycleFactory(forum=forum),
                                      country=countries[0], by=peru_fp)
        for row in report.rows.all():
            services.report_row_update(row=row, by=peru_fp, status="in_progress",
                                       agency=peru_fp.agency)
        url = f"/en/forums/reports/{report.pk}/"
        client.get(url)  # warm the shared caches
        with django_assert_max_num_queries(15):
            assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_the_report_page_saves_an_own_agency_and_refuses_another_countrys(
    client, report, peru_fp, chile_fp
):
    row = report.rows.get()
    url = f"/en/forums/reports/{report.pk}/"
    client.force_login(peru_fp)

    def post(agency):
        return client.post(url, {f"row{row.pk}-status": "in_progress",
                                 f"row{row.pk}-agency": agency.pk})

    response = post(chile_fp.agency)
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    row.refresh_from_db()
    assert (row.status, row.agency_id) == ("not_started", None)
    assert post(peru_fp.agency).status_code == 302
    row.refresh_from_db()
    assert (row.status, row.agency_id) == ("in_progress", peru_fp.agency.pk)


@pytest.mark.django_db
def test_the_report_page_shows_changes_and_transitions_whose_author_is_gone(
    client, report, peru_fp
):
    """Illustrative rows and erased people leave ``by`` empty (seen as a 500 on the demo)."""
    services.report_row_update(row=report.rows.get(), by=peru_fp, status="in_progress")
    REPORTS.transition(report, "submit", by=peru_fp)
    StatusChange.objects.update(by=None)
    ReportTransition.objects.update(by=None)
    client.force_login(peru_fp)
    response = client.get(f"/en/forums/reports/{report.pk}/")
    assert response.status_code == 200
    assert response.content.decode().count("— —:") == 2
