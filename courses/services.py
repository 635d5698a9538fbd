"""The rules of learning: enrol, withdraw, promote the waitlist, grade, complete, certify,
register for webinars, record attendance and send reminders.

Every write that must stay consistent locks the row that holds the shared resource (the cohort or
the webinar) so that concurrent requests queue up instead of overfilling seats.
"""

import logging
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q, Subquery, Value
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowPage

from cms.directory.models import Network

from . import permissions
from .models import (
    Attempt,
    Certificate,
    Cohort,
    CourseInstructorGroup,
    CoursePage,
    Enrolment,
    LessonPage,
    LessonProgress,
    QuizPage,
    Registration,
    WebinarPage,
    continue_item,
    done_item_ids,
)

logger = logging.getLogger(__name__)


def _notify(user, subject: str, body: str) -> None:
    """Email one person in their own language. A mail failure never undoes the change."""
    try:
        send_mail(f"[Puente] {subject}", body, settings.DEFAULT_FROM_EMAIL, [user.email])
    except Exception:  # noqa: BLE001 — a mail server outage must not fail an enrolment
        logger.exception("Could not email %s", user.email)


def _in_language(user):
    return translation.override(getattr(user, "preferred_language", None) or "en")


# --- Instructors -----------------------------------------------------------------------------

# What a course's instructors may do to it and everything below it in the admin: edit, add
# modules, lessons and quizzes, and submit them to the "Course review" workflow. Publishing is
# for editors and the secretariat, who approve that workflow's task.
INSTRUCTOR_PAGE_PERMISSIONS = ("add_page", "change_page")
COURSE_REVIEW_WORKFLOW = "Course review"


@transaction.atomic
def course_instructors_sync(*, course: CoursePage) -> CourseInstructorGroup:
    """Make the course's admin group hold exactly its live instructors.

    Called whenever the live ``instructors`` relation changes (``signal_handlers``), so a person
    removed from a course loses access to it in the same transaction.
    """
    from django.contrib.auth.models import Group, Permission

    link = CourseInstructorGroup.objects.select_related("group").filter(course=course).first()
    if link is None:
        group, _created = Group.objects.get_or_create(name=f"Instructors of course {course.pk}")
        link = CourseInstructorGroup.objects.create(course=course, group=group)
        for codename in INSTRUCTOR_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=group, page=course,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
        workflow = Workflow.objects.filter(name=COURSE_REVIEW_WORKFLOW, active=True).first()
        if workflow is not None:
            WorkflowPage.objects.get_or_create(page=course, defaults={"workflow": workflow})
    teacher_ids = CoursePage.instructors.through.objects.filter(
        coursepage_id=course.pk
    ).values_list("user_id", flat=True)
    link.group.user_set.set(get_user_model().objects.filter(pk__in=teacher_ids))
    return link


# --- Enrolment ------------------------------------------------------------------------------


def cohort_eligibility_error(*, user, cohort: Cohort) -> str | None:
    """Why ``user`` is not eligible for ``cohort`` (countries, networks or agencies), or None.

    Reads the cohort's rules through ``.all()`` so that a page listing cohorts can prefetch them.
    """
    countries = {c.pk for c in cohort.eligible_countries.all()}
    networks = {n.pk for n in cohort.eligible_networks.all()}
    agencies = {a.pk for a in cohort.eligible_agencies.all()}
    if not (countries or networks or agencies):
        return None
    if user.country_id in countries or (user.agency_id and user.agency_id in agencies):
        return None
    if networks and user.agency_id and user.agency.networks.filter(pk__in=networks).exists():
        return None
    return _("This cohort is reserved for officials of specific countries, networks or agencies.")


def enrolment_refusal(*, user, cohort: Cohort, now=None) -> str | None:
    """Why ``user`` cannot ask to join ``cohort`` now, or None when they can.

    A cohort from ``cohorts_for`` carries its eligibility answer, saving the queries.
    """
    if not getattr(user, "is_authenticated", False):
        return _("Log in to enrol.")
    now = now or timezone.now()
    if cohort.course.archived:
        return _("This course is archived.")
    if cohort.enrolment_opens_at and now < cohort.enrolment_opens_at:
        return _("Enrolment has not opened yet.")
    if cohort.enrolment_closes_at and now >= cohort.enrolment_closes_at:
        return _("Enrolment is closed.")
    if hasattr(cohort, "is_eligible"):
        return None if cohort.is_eligible else _(
            "This cohort is reserved for officials of specific countries, networks or agencies."
        )
    return cohort_eligibility_error(user=user, cohort=cohort)


def _eligibility_rules(cohort_ids) -> dict[int, dict[str, set[int]]]:
    """Each restricted cohort's eligible countries, networks and agencies, in one query."""
    through = {
        "country": Cohort.eligible_countries.through,
        "network": Cohort.eligible_networks.through,
        "agency": Cohort.eligible_agencies.through,
    }
    parts = [
        model.objects.filter(cohort_id__in=cohort_ids).values_list(
            "cohort_id", Value(kind), f"{kind}_id"
        )
        for kind, model in through.items()
    ]
    rules: dict[int, dict[str, set[int]]] = {}
    for cohort_id, kind, value in parts[0].union(*parts[1:], all=True):
        rules.setdefault(cohort_id, {"country": set(), "network": set(), "agency": set()})
        rules[cohort_id][kind].add(value)
    return rules


def cohorts_for(*, user, course: CoursePage) -> list[Cohort]:
    """The course's current cohorts for its page, each with the user's open enrolment and the
    reason they cannot enrol (or None), in three queries however many cohorts there are
    (four when a cohort is reserved for networks and the person works at an agency)."""
    signed_in = getattr(user, "is_authenticated", False)
    cohorts = list(
        course.cohorts.filter(Q(ends_at__isnull=True) | Q(ends_at__gte=timezone.now()))
        .order_by("starts_at", "pk")
    )
    rules = _eligibility_rules([cohort.pk for cohort in cohorts]) if cohorts else {}
    agency_networks = None
    if signed_in and user.agency_id and any(rule["network"] for rule in rules.values()):
        agency_networks = set(
            Network.members.through.objects.filter(agency_id=user.agency_id).values_list(
                "network_id", flat=True
            )
        )
    enrolments = {}
    if signed_in:
        # The last lesson comes from the course outline on the page, not from a join here.
        enrolments = {
            e.cohort_id: e
            for e in Enrolment.objects.filter(
                user=user, cohort__course=course, status__in=Enrolment.OPEN_STATUSES
            )
        }
        # Seed the per-request cache that permissions.active_enrolment reads.
        active = [e for e in enrolments.values() if e.status == Enrolment.Status.ACTIVE]
        user.__dict__.setdefault("_puente_enrolments", {})[course.pk] = (
            active[0] if active else None
        )
    for cohort in cohorts:
        cohort.course = course
        rule = rules.get(cohort.pk)
        cohort.is_eligible = rule is None or (
            signed_in
            and (
                user.country_id in rule["country"]
                or user.agency_id in rule["agency"]
                or bool(agency_networks and agency_networks & rule["network"])
            )
        )
        cohort.my_enrolment = enrolments.get(cohort.pk)
        cohort.refusal = enrolment_refusal(user=user, cohort=cohort)
    return cohorts


def _free_seats(cohort: Cohort) -> int | None:
    if cohort.capacity is None:
        return None
    return max(cohort.capacity - cohort.active_count(), 0)


@transaction.atomic
def enrolment_create(*, user, cohort: Cohort, by=None, check_window: bool = True) -> Enrolment:
    """Enrol ``user`` in ``cohort``: a seat, the approval queue or the waitlist.

    ``by`` is the staff member enrolling someone (bulk CSV): approval is then implied, and the
    enrolment window is not checked unless ``check_window``.
    """
    cohort = Cohort.objects.select_for_update().select_related("course").get(pk=cohort.pk)
    if by is None or check_window:
        refusal = enrolment_refusal(user=user, cohort=cohort)
    else:
        refusal = cohort_eligibility_error(user=user, cohort=cohort)
    if refusal:
        raise ValidationError(refusal)
    if Enrolment.objects.filter(
        user=user, cohort__course=cohort.course, status__in=Enrolment.OPEN_STATUSES
    ).exists():
        raise ValidationError(_("You are already enrolled in this course."))

    if cohort.requires_approval and by is None:
        status = Enrolment.Status.PENDING
    else:
        free = _free_seats(cohort)
        if free is None or free > 0:
            status = Enrolment.Status.ACTIVE
        elif cohort.waitlist_enabled:
            status = Enrolment.Status.WAITLISTED
        else:
            raise ValidationError(_("This cohort is full."))
    enrolment = Enrolment.objects.create(user=user, cohort=cohort, status=status)
    with _in_language(user):
        _notify(user, cohort.course.title, _enrolment_message(enrolment))
    return enrolment


def _enrolment_message(enrolment: Enrolment) -> str:
    messages = {
        Enrolment.Status.ACTIVE: _("You are enrolled in %(cohort)s."),
        Enrolment.Status.PENDING: _(
            "Your request to join %(cohort)s is waiting for the secretariat's approval."
        ),
        Enrolment.Status.WAITLISTED: _(
            "%(cohort)s is full: you are on the waitlist and will be enrolled when a seat frees."
        ),
        Enrolment.Status.REJECTED: _("Your request to join %(cohort)s was not approved."),
    }
    return messages[enrolment.status] % {"cohort": str(enrolment.cohort)}


def _promote_waitlist(cohort: Cohort) -> list[Enrolment]:
    """Fill free seats from the waitlist, first come first served. Caller holds the cohort lock."""
    promoted = []
    free = _free_seats(cohort)
    waiting = Enrolment.objects.filter(cohort=cohort, status=Enrolment.Status.WAITLISTED)
    if free is not None:
        waiting = waiting[:free]
    for enrolment in waiting.select_related("user"):
        enrolment.status = Enrolment.Status.ACTIVE
        enrolment.decided_at = timezone.now()
        enrolment.save(update_fields=["status", "decided_at"])
        with _in_language(enrolment.user):
            _notify(enrolment.user, cohort.course.title, _enrolment_message(enrolment))
        promoted.append(enrolment)
    return promoted


@transaction.atomic
def enrolment_withdraw(*, enrolment: Enrolment, by) -> Enrolment:
    """Leave a cohort, its waitlist or the approval queue; a freed seat goes to the waitlist."""
    cohort = Cohort.objects.select_for_update().select_related("course").get(
        pk=enrolment.cohort_id
    )
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if by.pk != enrolment.user_id and not permissions.may_administer_enrolments(by):
        raise ValidationError(_("You may only withdraw your own enrolment."))
    if enrolment.status not in Enrolment.OPEN_STATUSES:
        raise ValidationError(_("This enrolment is no longer open."))
    was_active = enrolment.status == Enrolment.Status.ACTIVE
    enrolment.status = Enrolment.Status.WITHDRAWN
    enrolment.decided_at = timezone.now()
    enrolment.save(update_fields=["status", "decided_at"])
    if was_active:
        _promote_waitlist(cohort)
    return enrolment


@transaction.atomic
def enrolment_decide(*, enrolment: Enrolment, approve: bool, by) -> Enrolment:
    """The secretariat approves (a seat or the waitlist) or rejects a pending request."""
    if not permissions.may_administer_enrolments(by):
        raise ValidationError(_("Only the secretariat decides on enrolment requests."))
    cohort = Cohort.objects.select_for_update().select_related("course").get(
        pk=enrolment.cohort_id
    )
    enrolment = Enrolment.objects.select_for_update().select_related("user").get(pk=enrolment.pk)
    if enrolment.status != Enrolment.Status.PENDING:
        raise ValidationError(_("This request has already been decided."))
    if not approve:
        enrolment.status = Enrolment.Status.REJECTED
    else:
        free = _free_seats(cohort)
        enrolment.status = (
            Enrolment.Status.ACTIVE if free is None or free > 0 else Enrolment.Status.WAITLISTED
        )
    enrolment.decided_at = timezone.now()
    enrolment.save(update_fields=["status", "decided_at"])
    with _in_language(enrolment.user):
        _notify(enrolment.user, cohort.course.title, _enrolment_message(enrolment))
    return enrolment


def enrolment_touch(*, enrolment: Enrolment, lesson) -> None:
    """Remember the lesson the learner opened last, for "continue where you left off"."""
    if enrolment.last_lesson_id != lesson.pk:
        Enrolment.objects.filter(pk=enrolment.pk).update(
            last_lesson=lesson, last_seen_at=timezone.now()
        )
        enrolment.last_lesson_id = lesson.pk


# --- Progress and completion ------------------------------------------------------------------


def course_progress(*, user, course: CoursePage) -> dict:
    """Done and total required items of one course, the percentage, and what is missing."""
    return progress_for_courses(user=user, courses=[course])[course.pk]


def _best_scores(user, course) -> list[int]:
    quizzes = QuizPage.objects.descendant_of(course).live().filter(required=True)
    best = {}
    for quiz_id, score in Attempt.objects.filter(
        user=user, quiz__in=quizzes, submitted_at__isnull=False
    ).values_list("quiz_id", "score"):
        best[quiz_id] = max(best.get(quiz_id, 0), score or 0)
    return list(best.values())


@transaction.atomic
def lesson_mark_done(*, user, lesson: LessonPage) -> LessonProgress:
    """Record a lesson as done; completes the course when it was the last requirement."""
    course = lesson.course
    if permissions.active_enrolment(user, course) is None:
        raise ValidationError(_("Enrol in the course to record your progress."))
    progress, _created = LessonProgress.objects.get_or_create(user=user, lesson=lesson)
    enrolment_complete_if_done(user=user, course=course)
    return progress


@transaction.atomic
def enrolment_complete_if_done(*, user, course: CoursePage) -> Certificate | None:
    """Complete the course and issue its certificate the moment the last requirement is met."""
    enrolment = (
        Enrolment.objects.select_for_update()
        .filter(user=user, cohort__course=course, status=Enrolment.Status.ACTIVE)
        .first()
    )
    if enrolment is None:
        return None
    progress = course_progress(user=user, course=course)
    if not progress["complete"]:
        return None
    if course.minimum_score is not None:
        scores = _best_scores(user, course)
        if scores and sum(scores) / len(scores) < course.minimum_score:
            return None
    if enrolment.completed_at is None:
        enrolment.completed_at = timezone.now()
        enrolment.save(update_fields=["completed_at"])
    return certificate_issue(
        user=user, kind=Certificate.Kind.COMPLETION, course=course,
        hours=Decimal(course.estimated_hours),
    )


# --- Quizzes ----------------------------------------------------------------------------------


@transaction.atomic
def attempt_start(*, user, quiz: QuizPage) -> Attempt:
    """Open an attempt (one at a time), within the attempts allowed."""
    if not permissions.may_take_quiz(user, quiz):
        raise ValidationError(_("Enrol in the course to take this quiz."))
    # Serialise one person's starts on the user row: two tabs cannot open two attempts.
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    attempts = Attempt.objects.filter(user=user, quiz=quiz)
    open_attempt = attempts.filter(submitted_at__isnull=True).first()
    if open_attempt is not None:
        return open_attempt
    if attempts.filter(passed=True).exists():
        raise ValidationError(_("You have already passed this quiz."))
    count = attempts.count()
    if quiz.max_attempts and count >= quiz.max_attempts:
        raise ValidationError(_("You have used all your attempts for this quiz."))
    return Attempt.objects.create(user=user, quiz=quiz, number=count + 1)


def _clean_answers(quiz: QuizPage, answers: dict) -> dict[str, list[int]]:
    questions = {q["id"]: q for q in quiz.question_list()}
    if set(answers) - set(questions):
        raise ValidationError(
            _("The quiz form was changed: it contains answers to questions that do not exist.")
        )
    cleaned = {}
    for question_id, question in questions.items():
        raw = answers.get(question_id) or []
        try:
            chosen = sorted({int(value) for value in raw})
        except (TypeError, ValueError) as error:
            raise ValidationError(
                _("The quiz form was changed: an answer is not valid.")
            ) from error
        if any(i < 0 or i >= len(question["choices"]) for i in chosen):
            raise ValidationError(_("The quiz form was changed: an answer is not valid."))
        if not chosen:
            raise ValidationError(_("Answer every question before submitting."))
        if question["kind"] != "multiple" and len(chosen) != 1:
            raise ValidationError(_("The quiz form was changed: choose one answer per question."))
        cleaned[question_id] = chosen
    return cleaned


def grade(quiz: QuizPage, answers: dict[str, list[int]]) -> int:
    """The percentage of questions answered exactly right (all and only the correct answers)."""
    questions = quiz.question_list()
    if not questions:
        return 0
    right = 0
    for question in questions:
        correct = sorted(c["index"] for c in question["choices"] if c["correct"])
        if answers.get(question["id"]) == correct:
            right += 1
    return round(100 * right / len(questions))


# Time allowed after the limit for the page to post (network latency, a slow click).
SUBMIT_GRACE = timedelta(seconds=30)


@transaction.atomic
def attempt_submit(*, user, attempt_id: int, answers: dict) -> Attempt:
    """Grade an attempt on the server. A second submission or a forged form is refused."""
    attempt = (
        Attempt.objects.select_for_update().select_related("quiz").filter(pk=attempt_id).first()
    )
    if attempt is None or attempt.user_id != user.pk:
        raise ValidationError(_("This attempt does not exist."))
    if attempt.submitted_at is not None:
        raise ValidationError(_("This attempt has already been submitted."))
    quiz = attempt.quiz
    if not permissions.may_take_quiz(user, quiz):
        raise ValidationError(_("Enrol in the course to take this quiz."))
    now = timezone.now()
    deadline = attempt.deadline()
    if deadline is not None and now > deadline + SUBMIT_GRACE:
        # Too late: the attempt is closed with no score, and counts as used.
        attempt.submitted_at, attempt.expired, attempt.score, attempt.passed = now, True, 0, False
        attempt.save(update_fields=["submitted_at", "expired", "score", "passed"])
        return attempt
    cleaned = _clean_answers(quiz, answers)
    attempt.answers = cleaned
    attempt.score = grade(quiz, cleaned)
    attempt.passed = attempt.score >= quiz.pass_mark
    attempt.submitted_at = now
    attempt.save(update_fields=["answers", "score", "passed", "submitted_at"])
    scores = _best_scores(user, quiz.course)
    Enrolment.objects.filter(
        user=user, cohort__course=quiz.course, status=Enrolment.Status.ACTIVE
    ).update(score=round(sum(scores) / len(scores)) if scores else None)
    if attempt.passed:
        enrolment_complete_if_done(user=user, course=quiz.course)
    return attempt


# --- Certificates -----------------------------------------------------------------------------


def certificate_issue(
    *, user, kind: str, hours: Decimal, course: CoursePage | None = None,
    webinar: WebinarPage | None = None,
) -> Certificate:
    """Issue the certificate once; a second call returns the one already issued."""
    lookup = {"course": course} if course is not None else {"webinar": webinar}
    existing = Certificate.objects.filter(user=user, **lookup).first()
    if existing is not None:
        return existing
    title = (course or webinar).title
    try:
        with transaction.atomic():
            certificate = Certificate.objects.create(
                user=user, kind=kind, holder_name=str(user), title=title, hours=hours, **lookup
            )
    except IntegrityError:
        return Certificate.objects.get(user=user, **lookup)
    with _in_language(user):
        _notify(
            user, _("Your certificate"),
            _("Your certificate for “%(title)s” is ready. Its code is %(code)s.")
            % {"title": title, "code": certificate.code},
        )
    return certificate


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, by, reason: str) -> Certificate:
    """The secretariat revokes a certificate; the verification page then says so."""
    if not permissions.may_administer_enrolments(by):
        raise ValidationError(_("Only the secretariat may revoke certificates."))
    if not reason.strip():
        raise ValidationError(_("Give the reason for revoking."))
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.revoked_at is not None:
        raise ValidationError(_("This certificate is already revoked."))
    certificate.revoked_at = timezone.now()
    certificate.revoked_by = by
    certificate.revocation_reason = reason.strip()
    certificate.save(update_fields=["revoked_at", "revoked_by", "revocation_reason"])
    return certificate


# --- Webinars ---------------------------------------------------------------------------------


@transaction.atomic
def registration_create(*, user, webinar: WebinarPage) -> Registration:
    """Register for a webinar, or join its waitlist when it is full."""
    webinar = WebinarPage.objects.select_for_update().get(pk=webinar.pk)
    if webinar.ends_at < timezone.now():
        raise ValidationError(_("This webinar has already taken place."))
    if Registration.objects.filter(user=user, webinar=webinar).exclude(
        status=Registration.Status.CANCELLED
    ).exists():
        raise ValidationError(_("You are already registered for this webinar."))
    registered = webinar.registrations.filter(status=Registration.Status.REGISTERED).count()
    status = (
        Registration.Status.REGISTERED
        if webinar.capacity is None or registered < webinar.capacity
        else Registration.Status.WAITLISTED
    )
    return Registration.objects.create(user=user, webinar=webinar, status=status)


@transaction.atomic
def registration_cancel(*, registration: Registration, by) -> Registration:
    """Cancel a registration; the first person on the waitlist takes the freed place."""
    webinar = WebinarPage.objects.select_for_update().get(pk=registration.webinar_id)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if by.pk != registration.user_id and not permissions.may_administer_enrolments(by):
        raise ValidationError(_("You may only cancel your own registration."))
    if registration.status == Registration.Status.CANCELLED:
        raise ValidationError(_("This registration is already cancelled."))
    was_registered = registration.status == Registration.Status.REGISTERED
    registration.status = Registration.Status.CANCELLED
    registration.save(update_fields=["status"])
    if was_registered:
        waiting = (
            webinar.registrations.filter(status=Registration.Status.WAITLISTED)
            .select_related("user").first()
        )
        if waiting is not None:
            waiting.status = Registration.Status.REGISTERED
            waiting.save(update_fields=["status"])
            with _in_language(waiting.user):
                _notify(
                    waiting.user, webinar.title,
                    _("A place has freed up: you are now registered for “%(title)s”.")
                    % {"title": webinar.title},
                )
    return registration


@transaction.atomic
def attendance_record(*, registration: Registration, minutes: int, by) -> Certificate | None:
    """Record minutes attended; enough of the duration earns a certificate of attendance."""
    if not permissions.may_administer_enrolments(by):
        raise ValidationError(_("Only the secretariat records attendance."))
    webinar = registration.webinar
    if minutes < 0 or minutes > webinar.duration_minutes:
        raise ValidationError(
            _("Minutes attended must be between 0 and %(max)s.") % {"max": webinar.duration_minutes}
        )
    if registration.status != Registration.Status.REGISTERED:
        raise ValidationError(_("Only registered people can be marked as attending."))
    registration.attended_minutes = minutes
    registration.save(update_fields=["attended_minutes"])
    if 100 * minutes >= webinar.attendance_threshold * webinar.duration_minutes:
        return certificate_issue(
            user=registration.user, kind=Certificate.Kind.ATTENDANCE, webinar=webinar,
            hours=(Decimal(webinar.duration_minutes) / 60).quantize(Decimal("0.1")),
        )
    return None


REMINDERS = (
    # (field, how long before the start, the window's lower bound)
    ("reminder_24h_sent_at", timedelta(hours=24), timedelta(hours=1)),
    ("reminder_1h_sent_at", timedelta(hours=1), timedelta(0)),
)


def reminders_send(*, now=None) -> int:
    """Send due 24-hour and 1-hour reminders. Safe to run every minute, and in parallel: each
    reminder is claimed by a conditional UPDATE before it is sent, so it goes out once."""
    now = now or timezone.now()
    sent = 0
    for field, before, after in REMINDERS:
        due = Registration.objects.filter(
            status=Registration.Status.REGISTERED,
            webinar__starts_at__gt=now + after,
            webinar__starts_at__lte=now + before,
            **{f"{field}__isnull": True},
        ).select_related("user", "webinar")
        for registration in due:
            claimed = Registration.objects.filter(
                pk=registration.pk, **{f"{field}__isnull": True}
            ).update(**{field: now})
            if not claimed:
                continue
            webinar = registration.webinar
            with _in_language(registration.user):
                start = timezone.localtime(webinar.starts_at, _user_zone(registration.user))
                _notify(
                    registration.user,
                    _("Reminder: %(title)s") % {"title": webinar.title},
                    _("“%(title)s” starts on %(start)s. The join link appears on the webinar "
                      "page 15 minutes before the start.")
                    % {"title": webinar.title, "start": start.strftime("%Y-%m-%d %H:%M %Z")},
                )
            sent += 1
    return sent


def _user_zone(user):
    import zoneinfo

    try:
        return zoneinfo.ZoneInfo(user.time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def enrolments_for(*, user) -> list[Enrolment]:
    """The user's open enrolments, latest activity first, each with ``progress``, the code of
    the course's certificate (``certificate_code``) and the outline item to continue from
    (``continue_item``), in two queries however many there are (outlines come from the cache)."""
    course_certificate = Certificate.objects.filter(
        user=user, course_id=OuterRef("cohort__course_id")
    ).values("code")[:1]
    enrolments = list(
        Enrolment.objects.filter(user=user, status__in=Enrolment.OPEN_STATUSES)
        .select_related("cohort__course")
        .annotate(certificate_code=Subquery(course_certificate))
        .order_by("-last_seen_at", "-created_at")
    )
    courses = {e.cohort.course_id: e.cohort.course for e in enrolments}
    outlines = {pk: course.outline_items() for pk, course in courses.items()}
    done = done_item_ids(
        user, [item.pk for items in outlines.values() for item in items if not item.is_module]
    )
    for enrolment in enrolments:
        items = outlines[enrolment.cohort.course_id]
        enrolment.progress = progress_summary(
            (item.pk, item.pk in done) for item in items if item.required
        )
        enrolment.continue_item = continue_item(items, enrolment)
    return enrolments


def progress_for_courses(*, user, courses) -> dict[int, dict]:
    """Progress in several courses in one query: each required lesson or quiz of the courses,
    with whether this user has done the lesson or passed the quiz."""
    if not courses:
        return {}
    condition = Q()
    for course in courses:
        condition |= Q(path__startswith=course.path, depth__gt=course.depth)
    owner = {course.path: course.pk for course in courses}
    done_lesson = Exists(LessonProgress.objects.filter(user=user, lesson_id=OuterRef("pk")))
    passed_quiz = Exists(Attempt.objects.filter(user=user, quiz_id=OuterRef("pk"), passed=True))
    items = (
        Page.objects.live().filter(condition)
        .filter(Q(lessonpage__required=True) | Q(quizpage__required=True))
        .annotate(done=done_lesson | passed_quiz)
        .values_list("pk", "path", "done")
    )
    grouped: dict[int, list[tuple[int, bool]]] = {course.pk: [] for course in courses}
    for pk, path, done in items:
        course_id = next(
            (owner[path[:n]] for n in range(Page.steplen, len(path), Page.steplen)
             if path[:n] in owner),
            None,
        )
        if course_id is not None:
            grouped[course_id].append((pk, done))
    return {course_id: progress_summary(rows) for course_id, rows in grouped.items()}


def progress_summary(items) -> dict:
    """Progress from the required items of a course as ``(pk, done)`` pairs: ``done``,
    ``total``, ``percent``, ``complete`` and the ``missing_ids``."""
    done, total, missing = 0, 0, set()
    for pk, is_done in items:
        total += 1
        if is_done:
            done += 1
        else:
            missing.add(pk)
    return {
        "done": done,
        "total": total,
        "missing_ids": missing,
        "percent": round(100 * done / total) if total else 0,
        "complete": total > 0 and done == total,
    }


def outline_progress(outline) -> dict:
    """Progress from a course's ``outline()`` (its page needs no further query)."""
    return progress_summary((row.pk, row.done) for row in outline if row.required)
