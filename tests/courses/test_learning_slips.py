"""Issue 17.3 (and 17.12's "a.m.." double stop): the small learning slips."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from django.urls import reverse

import pytest
import time_machine

from courses import services
from courses.models import Certificate
from tests.factories import UserFactory
from tests.factories.courses import CohortFactory, WebinarPageFactory

pytestmark = pytest.mark.django_db


def test_full_cohort_says_so_before_the_click(client, course):
    cohort = CohortFactory(course=course, capacity=2, waitlist_enabled=True)
    services.enrolment_create(user=UserFactory(), cohort=cohort)
    html = client.get(course.url).content.decode()
    assert "1 seat left of 2" in html
    services.enrolment_create(user=UserFactory(), cohort=cohort)
    html = client.get(course.url).content.decode()
    assert "Full: you can join the waitlist" in html and "2 seats" not in html


def test_revoked_assertion_is_gone(client, course, learner, secretariat):
    certificate = services.certificate_issue(
        user=learner, kind=Certificate.Kind.COMPLETION, course=course, hours=Decimal(16)
    )
    url = f"/certificates/{certificate.code}/assertion.json"
    assert client.get(url).status_code == 200
    services.certificate_revoke(certificate=certificate, by=secretariat, reason="Copied")
    response = client.get(url)
    assert response.status_code == 410 and response.json()["revoked"] is True


def test_hours_have_no_useless_decimal(client, course, learner):
    whole = services.certificate_issue(
        user=learner, kind=Certificate.Kind.COMPLETION, course=course, hours=Decimal(16)
    )
    html = client.get(f"/certificates/{whole.code}/").content.decode()
    assert "16.0" not in html and "<dd>16</dd>" in html
    whole.hours = Decimal("1.5")
    assert whole.hours_display == "1.5"


def test_see_your_certificate_link_reaches_an_existing_anchor(client, course, cohort, learner):
    enrolment = services.enrolment_create(user=learner, cohort=cohort)
    type(enrolment).objects.filter(pk=enrolment.pk).update(completed_at=datetime.now(tz=UTC))
    services.certificate_issue(
        user=learner, kind=Certificate.Kind.COMPLETION, course=course, hours=Decimal(12)
    )
    client.force_login(learner)
    html = client.get(course.url).content.decode()
    link = f'{reverse("courses:my_certificates")}#certificate-{course.pk}'
    assert link in html
    assert f'id="certificate-{course.pk}"' in client.get(
        reverse("courses:my_certificates")).content.decode()


def test_join_time_sentence_has_no_double_full_stop(client, webinar_index):
    start = datetime(2026, 6, 10, 15, 0, tzinfo=UTC)  # the link opens 9:45 a.m. in Lima
    webinar = WebinarPageFactory(parent=webinar_index, starts_at=start, slug="nine-forty-five")
    viewer = UserFactory(time_zone="America/Lima")
    with time_machine.travel(start - timedelta(days=1)):
        from courses.webinars import services as webinar_services

        webinar_services.registration_create(user=viewer, webinar=webinar)
        client.force_login(viewer)
        html = client.get(webinar.url).content.decode()
    assert "9:45 a.m." in html and "a.m.." not in html


def test_webinar_registration_is_confirmed_by_email(webinar_index,
                                                    django_capture_on_commit_callbacks):
    from django.core import mail

    from courses.webinars import services as webinar_services

    webinar = WebinarPageFactory(parent=webinar_index, capacity=1, slug="confirmed")
    first, second = UserFactory(preferred_language="es"), UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        webinar_services.registration_create(user=first, webinar=webinar)
        webinar_services.registration_create(user=second, webinar=webinar)
    to_first = next(m for m in mail.outbox if first.email in m.to)
    assert "Inscripción confirmada" in to_first.subject and "Usted está inscrito" in to_first.body
    to_second = next(m for m in mail.outbox if second.email in m.to)
    assert "waitlist" in to_second.body


def test_my_learning_marks_foreign_language_titles(client, course, cohort, learner):
    services.enrolment_create(user=learner, cohort=cohort)  # an English course
    client.force_login(learner)
    spanish = client.get("/es/my/learning/").content.decode()
    assert f'<h3 lang="en"><a href="{course.url}">' in spanish
    english = client.get("/en/my/learning/").content.decode()
    assert '<h3 lang="en">' not in english


def test_quiz_named_quiz_is_not_tagged_twice(client, course, quiz):
    quiz.title = "Quiz of the foundations"
    quiz.save_revision().publish()
    html = client.get(course.url).content.decode()
    assert "Quiz of the foundations</a> <span" not in html
    quiz.title = "Check your understanding"
    quiz.save_revision().publish()
    assert "Check your understanding</a> <span class=\"meta\">(quiz)</span>" in client.get(
        course.url).content.decode()
