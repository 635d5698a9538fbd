"""Forum and meeting pages, calendars, documents, reminders and demo data."""

from datetime import timedelta
from io import StringIO

from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest

from forums.models import MeetingPage, ReminderSent
from tests.factories.forums import ForumDocumentFactory


@pytest.mark.django_db
def test_meeting_ics_and_calendar(client, meeting):
    response = client.get(f"/en/forums/meetings/{meeting.pk}/calendar.ics")
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/calendar")
    assert "TZID=America/Bogota" in body and meeting.title in body
    assert meeting.title in client.get("/en/forums/calendar.ics").content.decode()


@pytest.mark.django_db
def test_meeting_bad_dates_are_refused(meeting):
    meeting.ends_at = meeting.starts_at - timedelta(hours=1)
    with pytest.raises(ValidationError):
        meeting.full_clean()
    meeting.refresh_from_db()
    meeting.registration_closes = meeting.starts_at + timedelta(days=1)
    with pytest.raises(ValidationError):
        meeting.full_clean()


@pytest.mark.django_db
def test_files_are_not_public_media(client, forum, meeting, private_root, settings):
    document = ForumDocumentFactory(forum=forum, meeting=meeting)
    path = document.files.get().file.path
    assert str(private_root) in path and not path.startswith(str(settings.MEDIA_ROOT))
    with pytest.raises(ValueError):
        document.files.get().file.url  # noqa: B018 - no public address exists
    response = client.get(meeting.url + "?kind=declaration")
    assert f"/en/forums/documents/{document.pk}/en/".encode() in response.content
    assert client.get(f"/en/forums/documents/{document.pk}/fr/").status_code == 404


@pytest.mark.django_db
def test_meeting_page_in_search_fields(meeting, commitment):
    names = {f.field_name for f in MeetingPage.search_fields}
    assert {"documents_text", "commitments_text"} <= names
    assert commitment.text_en in meeting.commitments_text()


@pytest.mark.django_db
def test_reminders_are_sent_once(cycle, countries, peru_fp, secretariat, mailoutbox,
                                 commitment, django_capture_on_commit_callbacks):
    from forums import services
    from forums.reminders import send_reminders
    from forums.workflow import REPORTS

    cycle.closes_on = timezone.localdate() + timedelta(days=10)
    cycle.save()
    report = services.report_open(cycle=cycle, country=countries[0], by=peru_fp)
    REPORTS.transition(report, "submit", by=peru_fp)
    REPORTS.transition(report, "return", by=secretariat, comment="Please add evidence.")
    with django_capture_on_commit_callbacks(execute=True):
        first = send_reminders()
    # Peru's focal point: the cycle opened, it closes within 14 days with the report not in
    # (returned), and the report was returned.
    assert first == ReminderSent.objects.count() == 3
    subjects = [m.subject for m in mailoutbox]
    assert any("returned" in s.lower() for s in subjects)
    sent = len(mailoutbox)
    with django_capture_on_commit_callbacks(execute=True):
        assert send_reminders() == 0
    assert len(mailoutbox) == sent


@pytest.mark.django_db
def test_demo_is_idempotent():
    from cms.accounts import demo as accounts_demo
    from cms.directory import demo as directory_demo
    from cms.pages import demo as pages_demo
    from forums import demo
    from forums.models import Commitment, CountryReport, Delegation, ForumPage

    for module in (directory_demo, accounts_demo, pages_demo, demo):
        module.seed(StringIO())
    counts = (ForumPage.objects.count(), MeetingPage.objects.count(),
              Commitment.objects.count(), CountryReport.objects.count(),
              Delegation.objects.count())
    assert counts[0] == 8 and counts[1] == 20 and counts[2] >= 10
    now = timezone.now()
    assert any(m.registration_is_open(now) for m in MeetingPage.objects.filter(
        locale__language_code="es"))
    assert CountryReport.objects.values("country").distinct().count() >= 5
    assert CountryReport.objects.values("cycle").distinct().count() >= 4
    assert set(ForumPage.objects.values_list("locale__language_code", flat=True)) == {
        "en", "es", "fr", "pt"}
    es = ForumPage.objects.get(locale__language_code="es", slug="iacml")
    assert es.title == "Conferencia Interamericana de Ministros de Trabajo"
    demo.seed(StringIO())
    assert counts == (ForumPage.objects.count(), MeetingPage.objects.count(),
                      Commitment.objects.count(), CountryReport.objects.count(),
                      Delegation.objects.count())
