from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

import pytest

from courses import services
from courses.models import Certificate, Enrolment, ImportJob
from courses.webinars import services as webinar_services
from tests.factories import UserFactory
from tests.factories.courses import CohortFactory, WebinarPageFactory

ADMIN_URLS = [
    ("courses_approvals", False),
    ("courses_reports", False),
    ("courses_bulk_enrol", True),
]


def csv(text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("people.csv", text.encode(), content_type="text/csv")


@pytest.mark.parametrize("who", ["learner", "instructor", "editor", "focal_point"])
@pytest.mark.parametrize("name, needs_cohort", ADMIN_URLS)
def test_secretariat_screens_are_refused_to_other_roles(client, cohort, who, name, needs_cohort,
                                                        request):
    client.force_login(request.getfixturevalue(who))
    url = reverse(name, args=[cohort.pk] if needs_cohort else [])
    response = client.get(url)
    assert response.status_code in (302, 403)


def test_reports_for_the_secretariat_with_csv_and_chart(client, cohort, secretariat, learner):
    services.enrolment_create(user=learner, cohort=cohort)
    done = UserFactory()
    enrolment = services.enrolment_create(user=done, cohort=cohort)
    Enrolment.objects.filter(pk=enrolment.pk).update(completed_at=timezone.now(), score=80)
    client.force_login(secretariat)
    for grouping in ("cohort", "country", "agency"):
        response = client.get(reverse("courses_reports"), {"by": grouping})
        assert response.status_code == 200
    html = client.get(reverse("courses_reports"), {"by": "cohort"}).content.decode()
    assert cohort.title in html and "50% completed" in html and "<svg" in html
    response = client.get(reverse("courses_reports"), {"by": "cohort", "format": "csv"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith("\ufeff".encode())  # Excel reads UTF-8 only with a BOM
    lines = response.content.decode().lstrip("\ufeff").strip().splitlines()
    assert lines[0].startswith("Cohort,Enrolled,Completed")
    assert lines[1].endswith(",2,1,50,80")


def test_bulk_enrolment_enrols_valid_rows_and_reports_bad_ones(
    client, course, secretariat, django_capture_on_commit_callbacks
):
    cohort = CohortFactory(course=course, capacity=1,
                           enrolment_closes_at=timezone.now() - timedelta(days=1))
    first, second = UserFactory(), UserFactory()
    client.force_login(secretariat)
    body = f"Email\n{first.email}\nnobody@example.org\n \n{second.email}\n{first.email}\n"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("courses_bulk_enrol", args=[cohort.pk]),
                               {"file": csv(body)})
    response = client.get(response["Location"])
    html = response.content.decode()
    assert response.status_code == 200
    assert "Done" in html and "5 of 5 rows (100%)" in html
    assert "No account uses this email address." in html
    job = ImportJob.objects.get()
    assert (job.created_count, job.skipped_count, job.error_count) == (2, 1, 2)
    statuses = dict(cohort.enrolments.values_list("user_id", "status"))
    assert statuses == {first.pk: "active", second.pk: "waitlisted"}


def test_bulk_enrolment_refuses_a_file_without_header(client, cohort, secretariat):
    client.force_login(secretariat)
    response = client.post(reverse("courses_bulk_enrol", args=[cohort.pk]),
                           {"file": csv("someone@example.org\n")})
    assert "must name the columns" in response.content.decode()
    assert not cohort.enrolments.exists()


def test_approval_queue(client, course, secretariat, learner):
    cohort = CohortFactory(course=course, requires_approval=True)
    enrolment = services.enrolment_create(user=learner, cohort=cohort)
    client.force_login(secretariat)
    assert learner.email in client.get(reverse("courses_approvals")).content.decode()
    client.post(reverse("courses_approvals"), {"enrolment": enrolment.pk, "decision": "approve"})
    assert Enrolment.objects.get(pk=enrolment.pk).status == "active"
    client.post(reverse("courses_approvals"), {"enrolment": enrolment.pk, "decision": "reject"})
    assert Enrolment.objects.get(pk=enrolment.pk).status == "active"


def test_attendance_manual_and_csv(
    client, webinar_index, secretariat, django_capture_on_commit_callbacks
):
    webinar = WebinarPageFactory(parent=webinar_index, duration_minutes=60, slug="att")
    people = [UserFactory() for _ in range(3)]
    registrations = [webinar_services.registration_create(user=p, webinar=webinar) for p in people]
    client.force_login(secretariat)
    url = reverse("courses_attendance", args=[webinar.pk])
    client.post(url, {"registration": registrations[0].pk, "minutes": "55"})
    assert Certificate.objects.filter(user=people[0], webinar=webinar).exists()
    body = (f"email,minutes\n{people[1].email},50\n{people[2].email},abc\n"
            "stranger@example.org,60\n")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"file": csv(body)})
    job = ImportJob.objects.get()
    assert (job.status, job.created_count, job.error_count) == ("done", 1, 2)
    assert Certificate.objects.filter(webinar=webinar).count() == 2
    assert "Recent imports" in client.get(url).content.decode()


def test_attendance_csv_needs_a_minutes_column(client, webinar_index, secretariat):
    webinar = WebinarPageFactory(parent=webinar_index, duration_minutes=60, slug="cols")
    client.force_login(secretariat)
    response = client.post(reverse("courses_attendance", args=[webinar.pk]),
                           {"file": csv("email\nsomeone@example.org\n")})
    assert "“minutes”" in str(response.context["form"].errors)
    assert not ImportJob.objects.exists()


def test_revoke_through_the_admin(client, course, learner, secretariat, editor):
    from decimal import Decimal

    certificate = services.certificate_issue(
        user=learner, kind=Certificate.Kind.COMPLETION, course=course, hours=Decimal(3)
    )
    url = reverse("courses_certificate_revoke", args=[certificate.pk])
    client.force_login(editor)
    client.post(url, {"reason": "Mistake"})
    certificate.refresh_from_db()
    assert certificate.revoked_at is None
    client.force_login(secretariat)
    client.post(url, {"reason": "Mistake"})
    certificate.refresh_from_db()
    assert certificate.revoked_at is not None and certificate.revoked_by == secretariat


def test_learning_snippets_list_for_the_secretariat(client, cohort, secretariat, learner):
    services.enrolment_create(user=learner, cohort=cohort)
    client.force_login(secretariat)
    for name in ("cohort", "enrolment", "certificate", "registration"):
        response = client.get(reverse(f"wagtailsnippets_courses_{name}:list"))
        assert response.status_code == 200, name
    response = client.get(reverse("wagtailsnippets_courses_enrolment:add"))
    assert response.status_code in (302, 403)


def test_refused_attendance_is_explained_and_changes_nothing(client, webinar_index, secretariat):
    webinar = WebinarPageFactory(parent=webinar_index, duration_minutes=60, slug="refused")
    person = UserFactory()
    registration = webinar_services.registration_create(user=person, webinar=webinar)
    client.force_login(secretariat)
    url = reverse("courses_attendance", args=[webinar.pk])
    response = client.post(url, {"registration": registration.pk, "minutes": "999"},
                           follow=True)
    assert response.redirect_chain[-1][0] == url
    assert "between 0 and 60" in response.content.decode()
    registration.refresh_from_db()
    assert registration.attended_minutes is None
    assert not Certificate.objects.filter(webinar=webinar).exists()
