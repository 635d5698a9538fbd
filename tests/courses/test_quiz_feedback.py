"""Issues 17.3 and 17.16 on quizzes: opening a quiz does not use an attempt up; a failed attempt
says which questions were right (not the answers); an empty submission marks every question."""

from django.urls import reverse

import pytest

from courses.models import Attempt
from tests.courses.test_views import correct_answers, enrol

pytestmark = pytest.mark.django_db


@pytest.fixture
def enrolled(client, cohort, learner):
    enrol(learner, cohort)
    client.force_login(learner)
    return learner


def test_opening_does_not_lower_attempts_left(client, quiz, enrolled):
    assert "Attempts left: 2" in client.get(quiz.url).content.decode()
    client.post(reverse("courses:quiz_start", args=[quiz.pk]))
    assert "Attempts left: 2" in client.get(quiz.url).content.decode()


def test_failed_attempt_gives_per_question_feedback(client, quiz, enrolled):
    client.post(reverse("courses:quiz_start", args=[quiz.pk]))
    attempt = Attempt.objects.get(user=enrolled)
    answers = correct_answers(quiz)
    questions = quiz.question_list()
    first = questions[0]
    for question in questions[:-1]:  # all wrong but the last: a failed attempt
        wrong = next(str(c["index"]) for c in question["choices"] if not c["correct"])
        answers[f"q-{question['id']}"] = [wrong]
    client.post(reverse("courses:attempt_submit", args=[attempt.pk]), answers)
    html = client.get(quiz.url).content.decode()
    assert f"{first['text']} — <strong>not right</strong>" in html
    assert f"{questions[-1]['text']} — <strong>right</strong>" in html
    assert "correct answer" not in html  # the answers are not given away
    assert "Attempts left: 1" in html


def test_empty_submission_marks_every_question(client, quiz, enrolled):
    client.post(reverse("courses:quiz_start", args=[quiz.pk]))
    attempt = Attempt.objects.get(user=enrolled)
    html = client.post(reverse("courses:attempt_submit", args=[attempt.pk]), {},
                       follow=True).content.decode()
    assert "Answer every question" in html
    assert html.count("Answer this question.") == len(quiz.question_list())
