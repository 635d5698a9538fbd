import threading
from datetime import UTC, datetime, timedelta

from django.core import mail
from django.db import connection

import pytest
import time_machine

from cms.accounts import roles
from cms.refusals import Refusal
from courses import eligibility, selectors, services
from courses.models import Certificate, Cohort, Enrolment, LessonProgress
from tests.factories import AgencyFactory, NetworkFactory, UserFactory
from tests.factories.courses import CohortFactory

OPENS = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
CLOSES = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


@pytest.fixture
def windowed(course):
    return CohortFactory(
        course=course, enrolment_opens_at=OPENS, enrolment_closes_at=CLOSES, capacity=2
    )


class TestEnrolmentWindow:
    def test_before_opening_is_refused(self, windowed, learner):
        with time_machine.travel(OPENS - timedelta(seconds=1), tick=False):
            with pytest.raises(Refusal, match="not opened yet"):
                services.enrolment_create(user=learner, cohort=windowed)
        assert not Enrolment.objects.exists()

    def test_at_opening_is_accepted(self, windowed, learner, django_capture_on_commit_callbacks):
        with time_machine.travel(OPENS, tick=False), django_capture_on_commit_callbacks(
            execute=True
        ):
            enrolment = services.enrolment_create(user=learner, cohort=windowed)
        assert enrolment.status == Enrolment.Status.ACTIVE
        assert mail.outbox[-1].to == [learner.email]

    def test_at_closing_is_refused(self, windowed, learner):
        with time_machine.travel(CLOSES, tick=False):
            with pytest.raises(Refusal, match="closed"):
                services.enrolment_create(user=learner, cohort=windowed)

    def test_staff_bulk_enrolment_ignores_the_window_when_told(self, windowed, learner,
                                                               secretariat):
        with time_machine.travel(CLOSES + timedelta(days=1), tick=False):
            enrolment = services.enrolment_create(
                user=learner, cohort=windowed, by=secretariat, check_window=False
            )
        assert enrolment.status == Enrolment.Status.ACTIVE


class TestCapacityAndWaitlist:
    def test_full_cohort_waitlists_then_promotes_in_order(self, windowed,
                                                          django_capture_on_commit_callbacks):
        people = [UserFactory() for _ in range(4)]
        with time_machine.travel(OPENS + timedelta(hours=1)):
            enrolments = [services.enrolment_create(user=p, cohort=windowed) for p in people]
        assert [e.status for e in enrolments] == ["active", "active", "waitlisted", "waitlisted"]
        with django_capture_on_commit_callbacks(execute=True):
            services.enrolment_withdraw(enrolment=enrolments[0], by=people[0])
        statuses = dict(Enrolment.objects.values_list("user_id", "status"))
        assert statuses[people[2].pk] == "active"
        assert statuses[people[3].pk] == "waitlisted"
        assert windowed.active_count() == 2
        assert "enrolled" in mail.outbox[-1].body

    def test_withdrawing_from_the_waitlist_promotes_nobody(self, windowed):
        people = [UserFactory() for _ in range(4)]
        with time_machine.travel(OPENS + timedelta(hours=1)):
            enrolments = [services.enrolment_create(user=p, cohort=windowed) for p in people]
        services.enrolment_withdraw(enrolment=enrolments[2], by=people[2])
        assert Enrolment.objects.get(pk=enrolments[3].pk).status == "waitlisted"

    def test_without_waitlist_a_full_cohort_refuses(self, course):
        cohort = CohortFactory(course=course, capacity=1, waitlist_enabled=False)
        services.enrolment_create(user=UserFactory(), cohort=cohort)
        with pytest.raises(Refusal, match="full"):
            services.enrolment_create(user=UserFactory(), cohort=cohort)
        assert cohort.enrolments.count() == 1

    def test_one_open_enrolment_per_course(self, cohort, learner):
        services.enrolment_create(user=learner, cohort=cohort)
        other = CohortFactory(course=cohort.course)
        with pytest.raises(Refusal, match="already enrolled"):
            services.enrolment_create(user=learner, cohort=other)

    def test_withdrawing_someone_elses_enrolment_is_refused(self, cohort, learner):
        enrolment = services.enrolment_create(user=learner, cohort=cohort)
        with pytest.raises(Refusal):
            services.enrolment_withdraw(enrolment=enrolment, by=UserFactory())
        assert Enrolment.objects.get(pk=enrolment.pk).status == "active"


class TestApproval:
    def test_request_waits_then_secretariat_approves(self, course, learner, secretariat):
        cohort = CohortFactory(course=course, requires_approval=True, capacity=1)
        enrolment = services.enrolment_create(user=learner, cohort=cohort)
        assert enrolment.status == Enrolment.Status.PENDING
        services.enrolment_decide(enrolment=enrolment, approve=True, by=secretariat)
        assert Enrolment.objects.get(pk=enrolment.pk).status == "active"

    def test_approval_when_full_goes_to_the_waitlist(self, course, secretariat):
        cohort = CohortFactory(course=course, requires_approval=True, capacity=1)
        first, second = UserFactory(), UserFactory()
        e1 = services.enrolment_create(user=first, cohort=cohort)
        e2 = services.enrolment_create(user=second, cohort=cohort)
        services.enrolment_decide(enrolment=e1, approve=True, by=secretariat)
        services.enrolment_decide(enrolment=e2, approve=True, by=secretariat)
        assert Enrolment.objects.get(pk=e2.pk).status == "waitlisted"

    def test_only_the_secretariat_decides_and_only_once(self, course, learner, instructor,
                                                        secretariat):
        cohort = CohortFactory(course=course, requires_approval=True)
        enrolment = services.enrolment_create(user=learner, cohort=cohort)
        with pytest.raises(Refusal):
            services.enrolment_decide(enrolment=enrolment, approve=True, by=instructor)
        services.enrolment_decide(enrolment=enrolment, approve=False, by=secretariat)
        with pytest.raises(Refusal, match="already been decided"):
            services.enrolment_decide(enrolment=enrolment, approve=True, by=secretariat)
        assert Enrolment.objects.get(pk=enrolment.pk).status == "rejected"


class TestEligibility:
    def test_country_network_and_agency_rules(self, course):
        agency = AgencyFactory()
        network = NetworkFactory(members=[agency])
        cohort = CohortFactory(course=course)
        cohort.eligible_networks.add(network)
        member = UserFactory(agency=agency, country=agency.country)
        outsider = UserFactory(agency=AgencyFactory())
        assert eligibility.cohort_eligibility_error(user=member, cohort=cohort) is None
        with pytest.raises(Refusal, match="reserved"):
            services.enrolment_create(user=outsider, cohort=cohort)
        cohort.eligible_countries.add(outsider.agency.country)
        outsider.country = outsider.agency.country
        assert eligibility.cohort_eligibility_error(user=outsider, cohort=cohort) is None

    def test_the_course_page_batch_agrees_with_the_rule(self, course):
        """cohorts_for answers every cohort at once; it must equal cohort_eligibility_error."""
        from django.contrib.auth.models import AnonymousUser

        agency, other_agency = AgencyFactory(), AgencyFactory()
        network = NetworkFactory(members=[agency])
        open_cohort = CohortFactory(course=course)
        by_network = CohortFactory(course=course)
        by_network.eligible_networks.add(network)
        by_country = CohortFactory(course=course)
        by_country.eligible_countries.add(other_agency.country)
        by_agency = CohortFactory(course=course)
        by_agency.eligible_agencies.add(other_agency)
        people = [
            UserFactory(agency=agency, country=agency.country),
            UserFactory(agency=other_agency, country=other_agency.country),
            UserFactory(agency=None, country=other_agency.country),
            UserFactory(agency=None, country=agency.country),
        ]
        for person in people:
            answers = {c.pk: c.is_eligible for c in selectors.cohorts_for(user=person,
                                                                          course=course)}
            expected = {
                c.pk: eligibility.cohort_eligibility_error(user=person, cohort=c) is None
                for c in (open_cohort, by_network, by_country, by_agency)
            }
            assert answers == expected
        assert answers[open_cohort.pk] and not answers[by_network.pk]
        anonymous = {c.pk: c.is_eligible
                     for c in selectors.cohorts_for(user=AnonymousUser(), course=course)}
        assert anonymous == {open_cohort.pk: True, by_network.pk: False, by_country.pk: False,
                             by_agency.pk: False}

    def test_open_cohort_admits_everyone(self, cohort, learner):
        assert selectors.enrolment_refusal(
        user=learner, cohort=Cohort.objects.with_enrolment_window().get(pk=cohort.pk)
    ) is None


def test_marking_the_last_requirement_completes_and_certifies(course, cohort, lessons, quiz,
                                                               learner):
    services.enrolment_create(user=learner, cohort=cohort)
    for lesson in lessons:
        services.lesson_mark_done(user=learner, lesson=lesson)
    assert not Certificate.objects.exists()
    attempt = services.attempt_start(user=learner, quiz=quiz)
    answers = {q["id"]: [c["index"] for c in q["choices"] if c["correct"]]
               for q in quiz.question_list()}
    services.attempt_submit(user=learner, attempt_id=attempt.pk, answers=answers)
    certificate = Certificate.objects.get(user=learner, course=course)
    assert certificate.kind == Certificate.Kind.COMPLETION
    assert Enrolment.objects.get(user=learner).completed_at is not None
    assert selectors.course_progress(user=learner, course=course)["percent"] == 100


def test_minimum_score_holds_back_completion(course, cohort, lessons, quiz, learner):
    course.minimum_score = 100
    course.save()
    services.enrolment_create(user=learner, cohort=cohort)
    for lesson in lessons:
        services.lesson_mark_done(user=learner, lesson=lesson)
    questions = quiz.question_list()
    answers = {q["id"]: [c["index"] for c in q["choices"] if c["correct"]] for q in questions}
    answers[questions[0]["id"]] = [1]  # wrong: 2 of 3 right, 67% ≥ pass mark 60, < 100
    attempt = services.attempt_start(user=learner, quiz=quiz)
    attempt = services.attempt_submit(user=learner, attempt_id=attempt.pk, answers=answers)
    assert attempt.passed
    assert not Certificate.objects.exists()


def test_progress_needs_an_enrolment(lessons, learner):
    with pytest.raises(Refusal, match="Enrol"):
        services.lesson_mark_done(user=learner, lesson=lessons[0])
    assert not LessonProgress.objects.exists()


def test_progress_for_courses_matches_single_course_progress(course, cohort, lessons, learner):
    services.enrolment_create(user=learner, cohort=cohort)
    services.lesson_mark_done(user=learner, lesson=lessons[0])
    batched = selectors.progress_for_courses(user=learner, courses=[course])[course.pk]
    single = selectors.course_progress(user=learner, course=course)
    assert (batched["done"], batched["total"]) == (single["done"], single["total"]) == (1, 3)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks")
@pytest.mark.django_db(transaction=True)
def test_capacity_holds_under_parallel_enrolments(home_page):
    from tests.factories.courses import CourseIndexPageFactory, CoursePageFactory

    course = CoursePageFactory(parent=CourseIndexPageFactory(parent=home_page))
    cohort = CohortFactory(course=course, capacity=3)
    people = [UserFactory(roles=[roles.LEARNER]) for _ in range(12)]
    barrier = threading.Barrier(len(people))
    errors = []

    def enrol(person):
        try:
            barrier.wait()
            services.enrolment_create(user=person, cohort=Cohort.objects.get(pk=cohort.pk))
        except Exception as error:  # noqa: BLE001
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=enrol, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert cohort.enrolments.filter(status="active").count() == 3
    assert cohort.enrolments.filter(status="waitlisted").count() == 9
