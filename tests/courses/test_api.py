"""/api/courses/: catalogue, course detail, my enrolments, enrol and withdraw, webinars."""

import json
from datetime import timedelta

from django.test import Client
from django.utils import timezone

from courses import services
from courses.models import Enrolment, Registration
from courses.webinars import services as webinar_services
from tests.factories import ThemeFactory, UserFactory
from tests.factories.courses import CohortFactory, CoursePageFactory

API = "/api/courses"


def post(client, url, body=None, **extra):
    return client.post(url, json.dumps(body or {}), content_type="application/json", **extra)


def not_found(response) -> bool:
    """The API's own 404 (cms.pages.middleware keeps LocaleMiddleware from redirecting it)."""
    return response.status_code == 404


class TestCatalogue:
    def test_lists_live_public_courses_with_filters(self, client, catalogue, course, cohort):
        theme = ThemeFactory()
        spanish = CoursePageFactory(parent=catalogue, title="Sistemas de cuidado", language="es")
        spanish.themes.add(theme)
        spanish.save_revision().publish()
        CoursePageFactory(parent=catalogue, title="Draft course", live=False)
        data = client.get(f"{API}/").json()
        assert data["total"] == 2
        assert sorted(c["title"] for c in data["results"]) == [
            course.title, "Sistemas de cuidado"]
        assert client.get(f"{API}/", {"language": "es"}).json()["results"][0]["themes"] == [
            theme.name]
        assert client.get(f"{API}/", {"theme": theme.pk}).json()["total"] == 1
        assert client.get(f"{API}/", {"status": "open"}).json()["results"][0]["id"] == course.pk
        assert client.get(f"{API}/", {"q": "cuidado"}).json()["total"] == 1

    def test_bad_filter_is_a_400_naming_the_field(self, client, catalogue, course):
        response = client.get(f"{API}/", {"language": "xx", "status": "soon"})
        assert response.status_code == 400
        detail = response.json()["detail"]
        assert "language" in detail and "status" in detail

    def test_pages_and_query_count(self, client, catalogue, django_assert_max_num_queries):
        for n in range(14):
            course = CoursePageFactory(parent=catalogue, title=f"Course {n:02}")
            course.themes.add(ThemeFactory())
            course.save_revision().publish()
        client.get(f"{API}/")  # warm the site-root cache
        with django_assert_max_num_queries(4):
            first = client.get(f"{API}/").json()
        assert (first["total"], first["num_pages"], len(first["results"])) == (14, 2, 12)
        second = client.get(f"{API}/", {"page": 2}).json()
        assert [c["title"] for c in second["results"]] == ["Course 12", "Course 13"]


class TestCourseDetail:
    def test_syllabus_and_cohorts_for_anonymous(self, client, course, cohort, quiz):
        data = client.get(f"{API}/{course.pk}").json()
        assert [m["title"] for m in data["syllabus"]] == ["Foundations", "Assessment"]
        assert [i["kind"] for i in data["syllabus"][1]["items"]] == ["quiz"]
        assert data["cohorts"][0]["may_enrol"] is False
        assert data["cohorts"][0]["refusal"] == "Log in to enrol."
        assert data["progress"] is None

    def test_never_exposes_lesson_content_or_quiz_answers(self, client, course, cohort, quiz,
                                                          learner):
        services.enrolment_create(user=learner, cohort=cohort)
        client.force_login(learner)
        body = client.get(f"{API}/{course.pk}").content.decode()
        assert "Secret lesson content" not in body
        assert "correct" not in body and "The OAS" not in body

    def test_enrolled_learner_sees_progress(self, client, course, cohort, lessons, learner):
        enrolment = services.enrolment_create(user=learner, cohort=cohort)
        services.lesson_mark_done(user=learner, lesson=lessons[0])
        client.force_login(learner)
        data = client.get(f"{API}/{course.pk}").json()
        assert data["progress"] == {"done": 1, "total": 3, "percent": 33, "complete": False}
        assert data["cohorts"][0]["my_enrolment"] == {"id": enrolment.pk, "status": "active"}
        assert data["cohorts"][0]["may_enrol"] is False

    def test_unpublished_or_restricted_course_is_404(self, client, course):
        from wagtail.models import PageViewRestriction

        assert client.get(f"{API}/{course.pk}").status_code == 200
        assert not_found(client.get(f"{API}/999999"))
        PageViewRestriction.objects.create(page=course, restriction_type="login")
        assert not_found(client.get(f"{API}/{course.pk}"))
        course.unpublish()
        assert not_found(client.get(f"{API}/{course.pk}"))

    def test_query_count_is_constant(self, client, course, learner, lessons,
                                     django_assert_max_num_queries):
        cohort = CohortFactory(course=course)
        services.enrolment_create(user=learner, cohort=cohort)
        client.force_login(learner)
        client.get(f"{API}/{course.pk}")
        with django_assert_max_num_queries(14) as few:
            client.get(f"{API}/{course.pk}")
        for _ in range(4):
            CohortFactory(course=course)
        client.get(f"{API}/{course.pk}")  # new cohorts' eligibility rules: read once, then cached
        with django_assert_max_num_queries(14) as many:
            assert len(client.get(f"{API}/{course.pk}").json()["cohorts"]) == 5
        assert len(many.captured_queries) == len(few.captured_queries)


class TestEnrolment:
    def test_anonymous_gets_401(self, client, cohort):
        assert client.get(f"{API}/me/enrolments").status_code == 401
        assert post(client, f"{API}/cohorts/{cohort.pk}/enrol").status_code == 401
        assert not Enrolment.objects.exists()

    def test_enrol_list_and_withdraw(self, client, course, cohort, learner):
        client.force_login(learner)
        response = post(client, f"{API}/cohorts/{cohort.pk}/enrol")
        assert response.status_code == 201
        enrolment = response.json()
        assert enrolment["status"] == "active" and enrolment["course_id"] == course.pk
        mine = client.get(f"{API}/me/enrolments").json()
        assert [e["id"] for e in mine] == [enrolment["id"]]
        assert mine[0]["progress"]["total"] == 3
        again = post(client, f"{API}/cohorts/{cohort.pk}/enrol")
        assert again.status_code == 409
        assert again.json() == {
            "code": "already_enrolled", "message": "You are already enrolled in this course."}
        withdrawn = post(client, f"{API}/enrolments/{enrolment['id']}/withdraw")
        assert withdrawn.status_code == 200 and withdrawn.json()["status"] == "withdrawn"
        assert client.get(f"{API}/me/enrolments").json() == []
        twice = post(client, f"{API}/enrolments/{enrolment['id']}/withdraw")
        assert twice.status_code == 409
        assert twice.json()["message"] == "This enrolment is no longer open."

    def test_same_refusals_as_the_forms(self, client, course, learner):
        closed = CohortFactory(course=course, enrolment_closes_at=timezone.now()
                               - timedelta(minutes=1))
        full = CohortFactory(course=course, capacity=1, waitlist_enabled=False)
        services.enrolment_create(user=UserFactory(), cohort=full)
        client.force_login(learner)
        response = post(client, f"{API}/cohorts/{closed.pk}/enrol")
        assert response.status_code == 409 and response.json()["message"] == "Enrolment is closed."
        response = post(client, f"{API}/cohorts/{full.pk}/enrol")
        assert response.json() == {"code": "full", "message": "This cohort is full."}
        assert not_found(post(client, f"{API}/cohorts/999999/enrol"))
        assert not Enrolment.objects.filter(user=learner).exists()

    def test_refusal_in_the_callers_language(self, client, course, learner):
        closed = CohortFactory(course=course, enrolment_closes_at=timezone.now()
                               - timedelta(minutes=1))
        client.force_login(learner)
        response = client.post(f"{API}/cohorts/{closed.pk}/enrol", "{}",
                               content_type="application/json", HTTP_ACCEPT_LANGUAGE="es")
        assert response.json()["message"] == "La inscripción está cerrada."

    def test_nobody_withdraws_someone_else(self, client, cohort, learner, secretariat):
        enrolment = services.enrolment_create(user=learner, cohort=cohort)
        for person in (UserFactory(), secretariat):
            client.force_login(person)
            response = post(client, f"{API}/enrolments/{enrolment.pk}/withdraw", follow=True)
            assert not_found(response)
        enrolment.refresh_from_db()
        assert enrolment.status == Enrolment.Status.ACTIVE

    def test_writes_need_the_csrf_token(self, cohort, learner):
        client = Client(enforce_csrf_checks=True)
        client.force_login(learner)
        response = post(client, f"{API}/cohorts/{cohort.pk}/enrol")
        assert response.status_code == 403
        assert not Enrolment.objects.exists()
        client.get("/en/")  # any page sets the CSRF cookie
        token = client.cookies["csrftoken"].value
        response = client.post(f"{API}/cohorts/{cohort.pk}/enrol", "{}",
                               content_type="application/json", HTTP_X_CSRFTOKEN=token)
        assert response.status_code == 201

    def test_draft_course_cohort_is_404(self, client, catalogue, learner):
        draft = CoursePageFactory(parent=catalogue, live=False)
        cohort = CohortFactory(course=draft)
        client.force_login(learner)
        assert not_found(post(client, f"{API}/cohorts/{cohort.pk}/enrol"))
        assert not Enrolment.objects.exists()


class TestWebinars:
    def test_register_cancel_and_waitlist(self, client, webinar, learner):
        webinar.capacity = 1
        webinar.save_revision().publish()
        other = UserFactory()
        client.force_login(learner)
        response = post(client, f"{API}/webinars/{webinar.pk}/register")
        assert response.status_code == 201 and response.json()["status"] == "registered"
        assert post(client, f"{API}/webinars/{webinar.pk}/register").status_code == 409
        client.force_login(other)
        assert post(client, f"{API}/webinars/{webinar.pk}/register").json()["status"] == (
            "waitlisted")
        client.force_login(learner)
        assert post(client, f"{API}/webinars/{webinar.pk}/cancel").json()["status"] == (
            "cancelled")
        assert Registration.objects.get(user=other).status == Registration.Status.REGISTERED
        assert not_found(post(client, f"{API}/webinars/{webinar.pk}/cancel"))

    def test_join_link_only_for_registered_people_in_the_window(self, client, webinar, learner):
        import time_machine

        webinar_services.registration_create(user=learner, webinar=webinar)
        outsider = UserFactory()
        client.force_login(learner)
        assert client.get(f"{API}/webinars/{webinar.pk}").json()["join_url"] is None
        with time_machine.travel(webinar.starts_at - timedelta(minutes=10)):
            data = client.get(f"{API}/webinars/{webinar.pk}").json()
            assert data["join_url"] == webinar.join_url
            assert data["my_registration"]["status"] == "registered"
            client.force_login(outsider)
            assert client.get(f"{API}/webinars/{webinar.pk}").json()["join_url"] is None
            client.logout()
            assert client.get(f"{API}/webinars/{webinar.pk}").json()["join_url"] is None

    def test_past_webinar_refuses_registration(self, client, webinar, learner):
        webinar.starts_at = timezone.now() - timedelta(days=2)
        webinar.save_revision().publish()
        client.force_login(learner)
        response = post(client, f"{API}/webinars/{webinar.pk}/register")
        assert response.status_code == 409
        assert response.json()["message"] == "This webinar has already taken place."

    def test_anonymous_cannot_register(self, client, webinar):
        assert post(client, f"{API}/webinars/{webinar.pk}/register").status_code == 401


def test_documented_in_the_openapi_schema(client, db):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "/api/courses/{pk}" in paths and "/api/courses/cohorts/{pk}/enrol" in paths


def test_missing_course_is_a_json_404(client, db):
    response = client.get(f"{API}/999999")
    assert response.status_code == 404 and response.json()["detail"]
