"""One home per rule. Each rule of learning is coded in one place; these tests fail when a
caller disagrees with that home, or when the source grows a second copy of it.

- seats and waitlist: ``courses/seats.py`` (cohorts and webinars)
- enrolment window: ``CohortQuerySet`` in ``courses/models/cohorts.py``
- eligibility: ``courses/eligibility.py``
- active user: ``cms.permissions.is_active_user``; room policies: ``rooms.parents.RoomPolicy``
- refusals: ``cms.refusals.Refusal``; emails: ``cms.notify.notify`` after commit
"""

import re
from datetime import timedelta
from pathlib import Path

from django.core import mail
from django.urls import reverse
from django.utils import timezone

import pytest
import time_machine

import courses
from cms.refusals import Refusal
from courses import eligibility, permissions, seats, selectors, services
from courses.filters import CourseFilter
from courses.models import Cohort, CoursePage, Enrolment, Registration
from courses.permissions import CohortRoomPolicy
from courses.webinars import services as webinar_services
from courses.webinars.permissions import WebinarRoomPolicy
from rooms.parents import RoomPolicy
from tests.factories import AgencyFactory, NetworkFactory, UserFactory
from tests.factories.courses import CohortFactory, WebinarPageFactory

ROOT = Path(courses.__file__).parent


def sources(*, skip=()):
    """(relative path, text) of every Python module of courses/ but migrations and demo data."""
    for path in sorted(ROOT.rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        if "migrations/" in name or name == "demo.py" or name in skip:
            continue
        yield name, path.read_text()


def homes_of(pattern: str, *, skip=()) -> set[str]:
    regex = re.compile(pattern)
    return {name for name, text in sources(skip=skip) if regex.search(text)}


# --- Seats and the waitlist ---------------------------------------------------------------------

FULL = "full"
CASES = [
    # capacity, seats taken, keeps a waitlist, what one more person gets
    (None, 3, False, seats.SEAT),
    (2, 1, False, seats.SEAT),
    (2, 2, True, seats.WAITLIST),
    (2, 3, True, seats.WAITLIST),
    (0, 0, True, seats.WAITLIST),
    (2, 2, False, FULL),
]
ENROLMENT_STATUS = {seats.SEAT: "active", seats.WAITLIST: "waitlisted"}
REGISTRATION_STATUS = {seats.SEAT: "registered", seats.WAITLIST: "waitlisted"}


@pytest.mark.parametrize("capacity, taken, waitlist, expected", CASES)
def test_the_seat_rule(capacity, taken, waitlist, expected):
    if expected == FULL:
        with pytest.raises(seats.Full):
            seats.place(capacity=capacity, taken=taken, waitlist=waitlist)
    else:
        assert seats.place(capacity=capacity, taken=taken, waitlist=waitlist) == expected


def _cohort_with(course, *, capacity, taken, waitlist, **extra):
    cohort = CohortFactory(course=course, capacity=capacity, waitlist_enabled=waitlist, **extra)
    for _ in range(taken):
        Enrolment.objects.create(user=UserFactory(), cohort=cohort, status="active")
    return cohort


@pytest.mark.parametrize("capacity, taken, waitlist, expected", CASES)
def test_enrolling_and_approving_follow_the_seat_rule(course, secretariat, capacity, taken,
                                                       waitlist, expected):
    direct = _cohort_with(course, capacity=capacity, taken=taken, waitlist=waitlist)
    approved = _cohort_with(course, capacity=capacity, taken=taken, waitlist=waitlist,
                            requires_approval=True)
    request = services.enrolment_create(user=UserFactory(), cohort=approved)
    assert request.status == "pending"
    if expected == FULL:
        with pytest.raises(seats.Full):
            services.enrolment_create(user=UserFactory(), cohort=direct)
        with pytest.raises(seats.Full):
            services.enrolment_decide(enrolment=request, approve=True, by=secretariat)
        assert Enrolment.objects.get(pk=request.pk).status == "pending"
    else:
        enrolment = services.enrolment_create(user=UserFactory(), cohort=direct)
        assert enrolment.status == ENROLMENT_STATUS[expected]
        decided = services.enrolment_decide(enrolment=request, approve=True, by=secretariat)
        assert decided.status == ENROLMENT_STATUS[expected]


@pytest.mark.parametrize(
    "capacity, taken, expected",
    [(capacity, taken, expected) for capacity, taken, waitlist, expected in CASES if waitlist]
    + [(None, 3, seats.SEAT), (2, 1, seats.SEAT)],
)
def test_webinars_follow_the_seat_rule_with_a_waitlist(webinar_index, capacity, taken,
                                                       expected):
    webinar = WebinarPageFactory(parent=webinar_index, capacity=capacity)
    for _ in range(taken):
        Registration.objects.create(user=UserFactory(), webinar=webinar, status="registered")
    assert seats.place(capacity=capacity, taken=taken, waitlist=True) == expected
    registration = webinar_services.registration_create(user=UserFactory(), webinar=webinar)
    assert registration.status == REGISTRATION_STATUS[expected]


def test_a_freed_seat_goes_to_the_waiting_in_order_for_cohorts_and_webinars(course,
                                                                             webinar_index):
    cohort = _cohort_with(course, capacity=1, taken=0, waitlist=True)
    people = [UserFactory() for _ in range(3)]
    enrolments = [services.enrolment_create(user=p, cohort=cohort) for p in people]
    webinar = WebinarPageFactory(parent=webinar_index, capacity=1)
    registrations = [webinar_services.registration_create(user=p, webinar=webinar)
                     for p in people]
    services.enrolment_withdraw(enrolment=enrolments[0], by=people[0])
    webinar_services.registration_cancel(registration=registrations[0], by=people[0])
    assert [Enrolment.objects.get(pk=e.pk).status for e in enrolments[1:]] == [
        "active", "waitlisted"]
    assert [Registration.objects.get(pk=r.pk).status for r in registrations[1:]] == [
        "registered", "waitlisted"]


def test_only_seats_py_counts_seats():
    """Comparing with or subtracting from a capacity is the seat rule's job alone."""
    pattern = r"\bcapacity\b\s*(?:[-<>]|is None)|[-<>]=?\s*[\w.]*\bcapacity\b"
    assert homes_of(pattern) == {"seats.py"}


# --- The drift fixed: approving into a full cohort without a waitlist --------------------------


def test_approving_into_a_full_cohort_without_waitlist_is_refused_and_stays_pending(
    client, course, secretariat
):
    cohort = CohortFactory(course=course, requires_approval=True, capacity=1,
                           waitlist_enabled=False)
    first, second = UserFactory(), UserFactory()
    seated = services.enrolment_create(user=first, cohort=cohort)
    waiting = services.enrolment_create(user=second, cohort=cohort)
    services.enrolment_decide(enrolment=seated, approve=True, by=secretariat)
    with pytest.raises(Refusal) as refused:
        services.enrolment_decide(enrolment=waiting, approve=True, by=secretariat)
    assert refused.value.code == "full"
    assert "stays pending" in str(refused.value)
    waiting.refresh_from_db()
    assert (waiting.status, waiting.decided_at) == ("pending", None)
    # The secretariat's screen says so and changes nothing.
    client.force_login(secretariat)
    response = client.post(reverse("courses_approvals"),
                           {"enrolment": waiting.pk, "decision": "approve"}, follow=True)
    assert "stays pending" in response.content.decode()
    assert Enrolment.objects.get(pk=waiting.pk).status == "pending"
    # Once a seat frees up, approving gives it.
    services.enrolment_withdraw(enrolment=seated, by=first)
    assert services.enrolment_decide(enrolment=waiting, approve=True,
                                     by=secretariat).status == "active"


# --- The enrolment window ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "offset, is_open",
    [(-timedelta(seconds=1), False), (timedelta(0), True),
     (timedelta(days=9, hours=23, minutes=59, seconds=59), True), (timedelta(days=10), False)],
)
def test_filter_course_page_and_service_agree_on_the_window(course, learner, offset, is_open):
    opens = timezone.now().replace(microsecond=0) + timedelta(days=30)
    cohort = CohortFactory(
        course=course, enrolment_opens_at=opens, enrolment_closes_at=opens + timedelta(days=10),
        starts_at=opens + timedelta(days=20), ends_at=opens + timedelta(days=60),
    )
    with time_machine.travel(opens + offset, tick=False):
        in_queryset = Cohort.objects.open_for_enrolment().filter(pk=cohort.pk).exists()
        in_filter = CourseFilter(
            {"status": "open"}, queryset=CoursePage.objects.all()
        ).qs.filter(pk=course.pk).exists()
        page_says_open = selectors.cohorts_for(user=learner, course=course)[0].refusal is None
        try:
            services.enrolment_create(user=learner, cohort=cohort)
            enrolled = True
        except Refusal:
            enrolled = False
    assert in_queryset == in_filter == page_says_open == enrolled == is_open


def test_only_the_cohort_queryset_codes_the_window():
    bound = r"enrolment_(?:opens|closes)_at"
    pattern = rf"{bound}__(?:lt|lte|gt|gte)\b|{bound}\s*[<>]|[<>]=?\s*[\w.]*{bound}"
    assert homes_of(pattern) == {"models/cohorts.py"}


# --- Eligibility ---------------------------------------------------------------------------------


def test_enrolment_agrees_with_the_eligibility_rule(course):
    agency, other = AgencyFactory(), AgencyFactory()
    network = NetworkFactory(members=[agency])
    by_network = CohortFactory(course=course)
    by_network.eligible_networks.add(network)
    people = [
        UserFactory(agency=agency, country=agency.country),
        UserFactory(agency=other, country=other.country),
        UserFactory(agency=None, country=agency.country),
    ]
    for person in people:
        eligible = eligibility.eligibility_by_cohort(person, [by_network.pk])[by_network.pk]
        page = selectors.cohorts_for(user=person, course=course)[0]
        try:
            services.enrolment_create(user=person, cohort=by_network)
            enrolled = True
        except Refusal as refusal:
            enrolled = False
            assert str(refusal) == str(eligibility.NOT_ELIGIBLE)
        assert eligible == page.is_eligible == enrolled
    assert [e.user for e in by_network.enrolments.all()] == [people[0]]


def test_the_page_sees_an_eligibility_change_at_once(course):
    """The page reads the rules from the cache: adding or removing an eligible country, network
    or agency shows on the next request."""
    agency = AgencyFactory()
    person = UserFactory(agency=agency, country=agency.country)
    cohort = CohortFactory(course=course)
    cohort.eligible_agencies.add(AgencyFactory())

    def page_eligible():
        return selectors.cohorts_for(user=person, course=course)[0].is_eligible

    assert not page_eligible()
    cohort.eligible_countries.add(agency.country)
    assert page_eligible()
    cohort.eligible_countries.remove(agency.country)
    assert not page_eligible()
    network = NetworkFactory(members=[agency])
    cohort.eligible_networks.add(network)
    assert page_eligible()
    cohort.eligible_networks.clear()
    cohort.eligible_agencies.add(agency)
    assert page_eligible()


def test_the_eligibility_message_has_one_home():
    assert homes_of(r"reserved for officials") == {"eligibility.py"}


# --- Active users and room policies -------------------------------------------------------------


def test_no_inline_active_user_check():
    assert homes_of(r"\.is_active\b|is_authenticated\", False\) and") == set()


def test_a_deactivated_learner_loses_the_course_and_its_room(cohort, learner):
    services.enrolment_create(user=learner, cohort=cohort)
    learner.is_active = False
    assert permissions.active_enrolment(learner, cohort.course) is None
    assert not CohortRoomPolicy().may_read(learner, cohort)
    assert not CohortRoomPolicy().readable(learner, Cohort.objects.all()).exists()


@pytest.mark.parametrize("policy", [CohortRoomPolicy, WebinarRoomPolicy])
def test_room_policies_are_room_policies(policy):
    assert issubclass(policy, RoomPolicy)
    # Who reads, posts and moderates is the base class's rule; a policy says who is a member.
    assert not {"may_read", "may_post", "may_moderate"} & set(vars(policy))


# --- One refusal, one way to email --------------------------------------------------------------


def test_services_and_surfaces_use_one_refusal():
    # Forms, blocks and a model's clean() validate input; services refuse with Refusal.
    validators = {"models/cohorts.py", "admin/forms.py", "blocks.py"}
    assert homes_of(r"ValidationError", skip=validators) == set()
    assert homes_of(r"Status\(409") == set()


def test_no_email_is_sent_outside_notify():
    assert homes_of(r"send_mail|EmailMessage|EmailMultiAlternatives|\.send\(") == set()


@pytest.mark.parametrize("action", ["enrol", "promote", "decide", "certificate", "webinar"])
def test_emails_leave_only_after_the_commit(action, course, cohort, secretariat,
                                            webinar_index, django_capture_on_commit_callbacks):
    learner = UserFactory(preferred_language="es")
    full = CohortFactory(course=course, capacity=1, requires_approval=action == "decide")
    if action in ("promote", "decide"):
        seated = UserFactory()
        services.enrolment_create(user=seated, cohort=full, by=secretariat)
        waiting = services.enrolment_create(user=learner, cohort=full)
    if action == "webinar":
        webinar = WebinarPageFactory(parent=webinar_index, capacity=1)
        first = webinar_services.registration_create(user=UserFactory(), webinar=webinar)
        webinar_services.registration_create(user=learner, webinar=webinar)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks() as callbacks:
        if action == "enrol":
            services.enrolment_create(user=learner, cohort=cohort)
        elif action == "promote":
            services.enrolment_withdraw(
                enrolment=Enrolment.objects.get(user=seated), by=seated
            )
        elif action == "decide":
            Enrolment.objects.filter(user=seated).update(status="withdrawn")
            services.enrolment_decide(enrolment=waiting, approve=True, by=secretariat)
        elif action == "certificate":
            from decimal import Decimal

            services.certificate_issue(user=learner, kind="completion", course=course,
                                       hours=Decimal(2))
        else:
            webinar_services.registration_cancel(registration=first, by=first.user)
        # The service has returned, its transaction (and any row lock) is still open: nothing
        # has been sent yet.
        assert mail.outbox == []
    assert mail.outbox == [] and callbacks
    for callback in callbacks:
        callback()
    assert [message.to for message in mail.outbox] == [[learner.email]]
    # In the learner's language, from the templates under templates/email/courses/.
    assert mail.outbox[0].body.strip() and "You " not in mail.outbox[0].body
    if action in ("enrol", "promote", "decide"):
        assert "Está inscrito en" in mail.outbox[0].body


def test_no_module_of_courses_over_500_lines():
    assert {name for name, text in sources() if text.count("\n") > 500} == set()
