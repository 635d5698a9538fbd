
import pytest

from courses import services
from courses.permissions import CohortRoomPolicy
from courses.webinars import services as webinar_services
from courses.webinars.permissions import WebinarRoomPolicy
from rooms import parents
from tests.factories import UserFactory


def test_policies_are_registered(cohort, webinar):
    assert isinstance(parents.policy_for(cohort), CohortRoomPolicy)
    assert isinstance(parents.policy_for(webinar), WebinarRoomPolicy)
    assert parents.policy_for(cohort).kind == "cohort"


def test_cohort_room(cohort, learner, instructor, secretariat):
    policy = CohortRoomPolicy()
    outsider = UserFactory()
    assert not policy.may_read(learner, cohort)
    enrolment = services.enrolment_create(user=learner, cohort=cohort)
    assert policy.may_read(learner, cohort) and policy.may_post(learner, cohort)
    assert not policy.may_moderate(learner, cohort)
    assert not policy.may_post(outsider, cohort)
    assert not policy.may_moderate(instructor, cohort)
    cohort.course.instructors.add(instructor)
    cohort.course.save_revision().publish()
    assert policy.may_moderate(instructor, cohort)
    assert policy.may_moderate(secretariat, cohort)
    services.enrolment_withdraw(enrolment=enrolment, by=learner)
    assert not policy.may_read(learner, cohort)


@pytest.mark.django_db
def test_webinar_room(webinar, learner, secretariat):
    policy = WebinarRoomPolicy()
    speaker = UserFactory()
    assert not policy.may_post(learner, webinar)
    registration = webinar_services.registration_create(user=learner, webinar=webinar)
    assert policy.may_post(learner, webinar) and not policy.may_moderate(learner, webinar)
    webinar.speakers.add(speaker)
    webinar.save_revision().publish()
    assert policy.may_moderate(speaker, webinar) and policy.may_moderate(secretariat, webinar)
    webinar_services.registration_cancel(registration=registration, by=learner)
    assert not policy.may_read(learner, webinar)


def test_course_page_query_count_is_bounded(client, course, cohort, learner,
                                            django_assert_max_num_queries):
    from tests.factories.courses import (
        CohortFactory,
        LessonPageFactory,
        ModulePageFactory,
        QuizPageFactory,
    )

    services.enrolment_create(user=learner, cohort=cohort)
    client.force_login(learner)
    client.get(course.url)
    # The site shell (session, user, routing, view restrictions, header badges) costs about 7
    # queries for a signed-in person; the course page's own part is 5: cohorts with their
    # eligibility, the learner's enrolments, the outline (modules, lessons, quizzes, progress),
    # instructors and themes.
    with django_assert_max_num_queries(15) as few:
        client.get(course.url)
    for _ in range(4):
        CohortFactory(course=course)
        module = ModulePageFactory(parent=course)
        LessonPageFactory(parent=module)
        QuizPageFactory(parent=module)
    client.get(course.url)  # publishing pages empties the shell's caches; measure warm
    with django_assert_max_num_queries(15) as many:
        response = client.get(course.url)
    assert len(response.context["syllabus"]) == 6 and len(response.context["cohorts"]) == 5
    assert len(many.captured_queries) == len(few.captured_queries)
