"""Enrol, withdraw, decide on a request, and remember the lesson opened last.

Every write that decides a seat locks the cohort row, so concurrent requests queue up instead
of overfilling it. Seats and the waitlist follow ``courses/seats.py``; the window is
``Cohort.objects.with_enrolment_window``; eligibility is ``courses/eligibility.py``. Emails go
through ``cms.notify`` and leave after the commit, never while the lock is held.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from cms.notify import notify
from cms.refusals import Refusal
from courses import eligibility, permissions, seats, selectors
from courses.models import Cohort, Enrolment


def _locked_cohort(pk: int) -> Cohort:
    return (
        Cohort.objects.select_for_update().with_enrolment_window()
        .select_related("course").get(pk=pk)
    )


def _tell(enrolment: Enrolment, cohort: Cohort) -> None:
    """The learner's email about their enrolment's status (after commit)."""
    notify(
        [enrolment.user_id], "courses/enrolment",
        {"status": enrolment.status, "cohort": str(cohort), "course": cohort.course.title},
    )


def _seat_status(cohort: Cohort) -> str:
    where = seats.place(
        capacity=cohort.capacity, taken=cohort.active_count(), waitlist=cohort.waitlist_enabled
    )
    return Enrolment.Status.ACTIVE if where == seats.SEAT else Enrolment.Status.WAITLISTED


@transaction.atomic
def enrolment_create(*, user, cohort: Cohort, by=None, check_window: bool = True) -> Enrolment:
    """Enrol ``user`` in ``cohort``: a seat, the approval queue or the waitlist.

    ``by`` is the staff member enrolling someone (bulk CSV): approval is then implied, and the
    enrolment window is not checked unless ``check_window``.
    """
    cohort = _locked_cohort(cohort.pk)
    if by is None or check_window:
        refusal = selectors.enrolment_refusal(user=user, cohort=cohort)
    else:
        refusal = eligibility.cohort_eligibility_error(user=user, cohort=cohort)
    if refusal:
        raise Refusal(refusal, code="not_enrollable")
    if Enrolment.objects.filter(
        user=user, cohort__course=cohort.course, status__in=Enrolment.OPEN_STATUSES
    ).exists():
        raise Refusal(_("You are already enrolled in this course."), code="already_enrolled")

    if cohort.requires_approval and by is None:
        status = Enrolment.Status.PENDING
    else:
        status = _seat_status(cohort)
    enrolment = Enrolment.objects.create(user=user, cohort=cohort, status=status)
    _tell(enrolment, cohort)
    return enrolment


def _promote_waitlist(cohort: Cohort) -> list[Enrolment]:
    """Fill free seats from the waitlist, first come first served. Caller holds the cohort lock."""
    count = seats.to_promote(capacity=cohort.capacity, taken=cohort.active_count())
    waiting = Enrolment.objects.filter(cohort=cohort, status=Enrolment.Status.WAITLISTED)
    if count is not None:
        waiting = waiting[:count]
    promoted = []
    for enrolment in waiting:
        enrolment.status = Enrolment.Status.ACTIVE
        enrolment.decided_at = timezone.now()
        enrolment.save(update_fields=["status", "decided_at"])
        _tell(enrolment, cohort)
        promoted.append(enrolment)
    return promoted


@transaction.atomic
def enrolment_withdraw(*, enrolment: Enrolment, by) -> Enrolment:
    """Leave a cohort, its waitlist or the approval queue; a freed seat goes to the waitlist."""
    cohort = _locked_cohort(enrolment.cohort_id)
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if by.pk != enrolment.user_id and not permissions.may_administer_enrolments(by):
        raise Refusal(_("You may only withdraw your own enrolment."), code="forbidden")
    if enrolment.status not in Enrolment.OPEN_STATUSES:
        raise Refusal(_("This enrolment is no longer open."), code="not_open")
    was_active = enrolment.status == Enrolment.Status.ACTIVE
    enrolment.status = Enrolment.Status.WITHDRAWN
    enrolment.decided_at = timezone.now()
    enrolment.save(update_fields=["status", "decided_at"])
    if was_active:
        _promote_waitlist(cohort)
    return enrolment


@transaction.atomic
def enrolment_decide(*, enrolment: Enrolment, approve: bool, by) -> Enrolment:
    """The secretariat approves (a seat or the waitlist) or rejects a pending request.

    Approving follows the same seat rule as enrolling: when the cohort is full and keeps no
    waitlist, the approval is refused and the request stays pending.
    """
    if not permissions.may_administer_enrolments(by):
        raise Refusal(
            _("Only the secretariat decides on enrolment requests."), code="forbidden"
        )
    cohort = _locked_cohort(enrolment.cohort_id)
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if enrolment.status != Enrolment.Status.PENDING:
        raise Refusal(_("This request has already been decided."), code="decided")
    if not approve:
        enrolment.status = Enrolment.Status.REJECTED
    else:
        try:
            enrolment.status = _seat_status(cohort)
        except seats.Full:
            raise seats.Full(_(
                "This cohort is full and keeps no waitlist: the request stays pending until "
                "a seat frees up."
            )) from None
    enrolment.decided_at = timezone.now()
    enrolment.save(update_fields=["status", "decided_at"])
    log(
        instance=enrolment, user=by,
        action="puente.enrolment.approve" if approve else "puente.enrolment.reject",
    )
    _tell(enrolment, cohort)
    return enrolment


def enrolment_touch(*, enrolment: Enrolment, lesson) -> None:
    """Remember the lesson the learner opened last, for "continue where you left off"."""
    if enrolment.last_lesson_id != lesson.pk:
        Enrolment.objects.filter(pk=enrolment.pk).update(
            last_lesson=lesson, last_seen_at=timezone.now()
        )
        enrolment.last_lesson_id = lesson.pk
