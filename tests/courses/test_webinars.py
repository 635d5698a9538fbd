from datetime import UTC, datetime, timedelta

from django.core import mail
from django.core.management import call_command
from django.urls import reverse

import pytest
import time_machine
from icalendar import Calendar

from courses import services
from courses.models import CalendarFeed, Certificate, Registration
from courses.webinars import services as webinar_services
from tests.factories import UserFactory
from tests.factories.courses import WebinarPageFactory

START = datetime(2026, 6, 10, 15, 0, tzinfo=UTC)


@pytest.fixture
def timed(webinar_index):
    return WebinarPageFactory(parent=webinar_index, starts_at=START, capacity=1,
                              slug="timed", duration_minutes=90)


def test_registration_waitlist_and_promotion(timed, django_capture_on_commit_callbacks):
    first, second = UserFactory(), UserFactory()
    with time_machine.travel(START - timedelta(days=2)), django_capture_on_commit_callbacks(
        execute=True
    ):
        r1 = webinar_services.registration_create(user=first, webinar=timed)
        r2 = webinar_services.registration_create(user=second, webinar=timed)
        assert (r1.status, r2.status) == ("registered", "waitlisted")
        with pytest.raises(Exception, match="already registered"):
            webinar_services.registration_create(user=first, webinar=timed)
        webinar_services.registration_cancel(registration=r1, by=first)
    assert Registration.objects.get(pk=r2.pk).status == "registered"
    assert "now registered" in mail.outbox[-1].body


def test_registration_after_the_event_is_refused(timed, learner):
    with time_machine.travel(START + timedelta(hours=3)):
        with pytest.raises(Exception, match="already taken place"):
            webinar_services.registration_create(user=learner, webinar=timed)


class TestJoinLink:
    @pytest.fixture
    def registered(self, timed, learner):
        with time_machine.travel(START - timedelta(days=1)):
            webinar_services.registration_create(user=learner, webinar=timed)
        return learner

    def test_hidden_until_15_minutes_before(self, client, timed, registered):
        client.force_login(registered)
        join = reverse("courses:webinar_join", args=[timed.pk])
        with time_machine.travel(START - timedelta(minutes=16), tick=False):
            html = client.get(timed.url).content.decode()
            assert timed.join_url not in html and join not in html
            assert client.get(join).status_code == 403
        with time_machine.travel(START - timedelta(minutes=15), tick=False):
            assert join in client.get(timed.url).content.decode()
            response = client.get(join)
            assert response.status_code == 302 and response["Location"] == timed.join_url
        with time_machine.travel(START + timedelta(minutes=91), tick=False):
            assert client.get(join).status_code == 403

    @pytest.mark.parametrize("who", ["anonymous", "unregistered", "waitlisted"])
    def test_refused_to_everyone_else(self, client, timed, registered, who):
        if who == "unregistered":
            client.force_login(UserFactory())
        elif who == "waitlisted":
            other = UserFactory()
            with time_machine.travel(START - timedelta(days=1)):
                assert webinar_services.registration_create(user=other, webinar=timed).status == (
                    "waitlisted")
            client.force_login(other)
        with time_machine.travel(START, tick=False):
            response = client.get(reverse("courses:webinar_join", args=[timed.pk]))
            assert response.status_code in (302, 403)
            assert response.get("Location", "") != timed.join_url
            assert timed.join_url not in client.get(timed.url).content.decode()


def test_ics_has_tzid_alarm_and_is_linked(client, timed):
    page = client.get(timed.url).content.decode()
    ics_url = reverse("courses:webinar_ics", args=[timed.pk])
    assert f'rel="alternate" type="text/calendar" title="Add to calendar" href="{ics_url}"' in page
    response = client.get(ics_url)
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert "DTSTART;TZID=America/Lima:20260610T100000" in body
    assert "BEGIN:VTIMEZONE" in body and "TZID:America/Lima" in body
    calendar = Calendar.from_ical(response.content)
    event = calendar.walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == timed.title
    alarm = event.walk("VALARM")[0]
    assert alarm["TRIGGER"].dt == -timedelta(minutes=30)


def test_personal_feed_lists_webinars_and_cohorts_behind_a_secret(client, timed, cohort,
                                                                   learner):
    with time_machine.travel(START - timedelta(days=1)):
        webinar_services.registration_create(user=learner, webinar=timed)
    services.enrolment_create(user=learner, cohort=cohort)
    client.force_login(learner)
    client.post(reverse("courses:calendar_feed_reset"))
    token = CalendarFeed.objects.get(user=learner).token
    client.logout()
    body = client.get(reverse("courses:calendar_feed", args=[token])).content.decode()
    assert timed.title in body and cohort.title in body
    assert client.get(reverse("courses:calendar_feed", args=["guess"])).status_code == 404
    client.force_login(learner)
    client.post(reverse("courses:calendar_feed_reset"))
    client.logout()
    assert client.get(reverse("courses:calendar_feed", args=[token])).status_code == 404


def test_reminders_are_sent_once_each(timed, learner, django_capture_on_commit_callbacks):
    def run(job):
        # Each run commits on its own in production: its emails leave after that commit.
        with django_capture_on_commit_callbacks(execute=True):
            job()

    def command():
        call_command("send_webinar_reminders", stdout=open("/dev/null", "w"))

    with time_machine.travel(START - timedelta(days=3)):
        webinar_services.registration_create(user=learner, webinar=timed)
    mail.outbox.clear()
    with time_machine.travel(START - timedelta(hours=25), tick=False):
        run(command)
    assert mail.outbox == []
    with time_machine.travel(START - timedelta(hours=23, minutes=59), tick=False):
        run(command)
        run(command)
    assert len(mail.outbox) == 1 and timed.title in mail.outbox[0].subject
    for minute in range(0, 60 * 23, 7):  # run "every minute" until the start
        with time_machine.travel(START - timedelta(hours=23) + timedelta(minutes=minute),
                                 tick=False):
            run(webinar_services.reminders_send)
    with time_machine.travel(START - timedelta(minutes=1), tick=False):
        run(webinar_services.reminders_send)
    with time_machine.travel(START + timedelta(minutes=1), tick=False):
        run(webinar_services.reminders_send)
    assert len(mail.outbox) == 2


def test_cancelled_registrations_get_no_reminder(timed, learner):
    with time_machine.travel(START - timedelta(days=3)):
        registration = webinar_services.registration_create(user=learner, webinar=timed)
        webinar_services.registration_cancel(registration=registration, by=learner)
    mail.outbox.clear()
    with time_machine.travel(START - timedelta(minutes=30), tick=False):
        assert webinar_services.reminders_send() == 0


def test_attendance_threshold_issues_an_attendance_certificate(timed, learner, secretariat):
    with time_machine.travel(START - timedelta(days=1)):
        registration = webinar_services.registration_create(user=learner, webinar=timed)
    assert webinar_services.attendance_record(registration=registration, minutes=60,
                                      by=secretariat) is None  # 60/90 < 75%
    certificate = webinar_services.attendance_record(registration=registration, minutes=68,
                                             by=secretariat)
    assert certificate.kind == Certificate.Kind.ATTENDANCE
    assert certificate.hours == 1.5
    with pytest.raises(Exception, match="between 0 and 90"):
        webinar_services.attendance_record(registration=registration, minutes=91, by=secretariat)
    with pytest.raises(Exception, match="secretariat"):
        webinar_services.attendance_record(registration=registration, minutes=90, by=learner)


def test_webinar_page_shows_time_in_viewer_zone(client, timed):
    viewer = UserFactory(time_zone="Europe/Madrid")
    client.force_login(viewer)
    html = client.get(timed.url).content.decode()
    assert "(Europe/Madrid)" in html and "in America/Lima" in html
    # Issue 17.2: 15:00 UTC is 5 p.m. in Madrid and 10 a.m. in the webinar's own zone (Lima).
    assert "5 p.m. (Europe/Madrid)" in html
    assert "10 a.m. in America/Lima" in html


def test_webinar_page_shows_its_own_zone_to_a_viewer_in_new_york(client, timed):
    client.force_login(UserFactory(time_zone="America/New_York"))
    html = client.get(timed.url).content.decode()
    assert "11 a.m. (America/New_York)" in html and "10 a.m. in America/Lima" in html


def test_past_webinar_shows_recording(client, webinar_index):
    past = WebinarPageFactory(parent=webinar_index, starts_at=START, slug="past",
                              recording_url="https://video.example.org/rec")
    with time_machine.travel(START + timedelta(days=1)):
        html = client.get(past.url).content.decode()
    assert "https://video.example.org/rec" in html


def test_webinar_page_queries_stay_constant(client, webinar_index, learner,
                                            django_assert_max_num_queries):
    webinar = WebinarPageFactory(parent=webinar_index, capacity=50)
    webinar_services.registration_create(user=learner, webinar=webinar)
    client.force_login(learner)
    client.get(webinar.url)
    # Shell about 7; the webinar's own part is the person's registration.
    with django_assert_max_num_queries(15) as small:
        response = client.get(webinar.url)
    assert response.context["registration"].user == learner
    for _ in range(5):
        webinar_services.registration_create(user=UserFactory(), webinar=webinar)
    client.get(webinar.url)  # new users empty the shell's permission cache; measure warm
    with django_assert_max_num_queries(15) as large:
        client.get(webinar.url)
    assert len(large.captured_queries) == len(small.captured_queries)


def test_reminder_gives_the_start_in_the_recipients_zone_and_language(
    timed, django_capture_on_commit_callbacks
):
    person = UserFactory(time_zone="Europe/Madrid", preferred_language="es")
    with time_machine.travel(START - timedelta(days=3)):
        webinar_services.registration_create(user=person, webinar=timed)
    with time_machine.travel(START - timedelta(minutes=30), tick=False), \
            django_capture_on_commit_callbacks(execute=True):
        assert webinar_services.reminders_send() == 1
    message = mail.outbox[-1]
    assert message.to == [person.email] and timed.title in message.subject
    assert "2026-06-10 17:00 CEST" in message.body and "starts on" not in message.body
