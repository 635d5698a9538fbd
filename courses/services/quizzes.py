"""Quizzes: start an attempt, grade it on the server."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.refusals import Refusal
from courses import permissions, selectors
from courses.models import Attempt, Enrolment, QuizPage

from .progress import enrolment_complete_if_done


@transaction.atomic
def attempt_start(*, user, quiz: QuizPage) -> Attempt:
    """Open an attempt (one at a time), within the attempts allowed."""
    if not permissions.may_take_quiz(user, quiz):
        raise Refusal(_("Enrol in the course to take this quiz."), code="not_enrolled")
    # Serialise one person's starts on the user row: two tabs cannot open two attempts.
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    attempts = Attempt.objects.filter(user=user, quiz=quiz)
    open_attempt = attempts.filter(submitted_at__isnull=True).first()
    if open_attempt is not None:
        return open_attempt
    if attempts.filter(passed=True).exists():
        raise Refusal(_("You have already passed this quiz."), code="passed")
    count = attempts.count()
    if quiz.max_attempts and count >= quiz.max_attempts:
        raise Refusal(_("You have used all your attempts for this quiz."), code="no_attempts_left")
    return Attempt.objects.create(user=user, quiz=quiz, number=count + 1)


def _clean_answers(quiz: QuizPage, answers: dict) -> dict[str, list[int]]:
    questions = {q["id"]: q for q in quiz.question_list()}
    if set(answers) - set(questions):
        raise Refusal(
            _("The quiz form was changed: it contains answers to questions that do not exist."),
            code="tampered",
        )
    cleaned = {}
    for question_id, question in questions.items():
        raw = answers.get(question_id) or []
        try:
            chosen = sorted({int(value) for value in raw})
        except (TypeError, ValueError) as error:
            raise Refusal(
                _("The quiz form was changed: an answer is not valid."), code="tampered"
            ) from error
        if any(i < 0 or i >= len(question["choices"]) for i in chosen):
            raise Refusal(
                _("The quiz form was changed: an answer is not valid."), code="tampered"
            )
        if not chosen:
            raise Refusal(_("Answer every question before submitting."), code="unanswered")
        if question["kind"] != "multiple" and len(chosen) != 1:
            raise Refusal(
                _("The quiz form was changed: choose one answer per question."), code="tampered"
            )
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
        raise Refusal(_("This attempt does not exist."), code="no_attempt")
    if attempt.submitted_at is not None:
        raise Refusal(_("This attempt has already been submitted."), code="submitted")
    quiz = attempt.quiz
    if not permissions.may_take_quiz(user, quiz):
        raise Refusal(_("Enrol in the course to take this quiz."), code="not_enrolled")
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
    scores = selectors.best_scores(user, quiz.course)
    Enrolment.objects.filter(
        user=user, cohort__course=quiz.course, status=Enrolment.Status.ACTIVE
    ).update(score=round(sum(scores) / len(scores)) if scores else None)
    if attempt.passed:
        enrolment_complete_if_done(user=user, course=quiz.course)
    return attempt
