"""Factories for courses, cohorts, lessons, quizzes and webinars."""

from datetime import timedelta

from django.utils import timezone

import factory
import wagtail_factories

from courses.models import (
    Cohort,
    CourseIndexPage,
    CoursePage,
    LessonPage,
    ModulePage,
    QuizPage,
    WebinarIndexPage,
    WebinarPage,
)


class CourseIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CourseIndexPage

    title = "Courses"
    slug = "courses"


class CoursePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CoursePage

    title = factory.Sequence(lambda n: f"Course {n}")
    summary = "Designing social protection for informal workers."
    objectives = "<ul><li>Map the gaps in coverage.</li></ul>"
    language = "en"
    estimated_hours = 12


class ModulePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ModulePage

    title = factory.Sequence(lambda n: f"Module {n}")


class LessonPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LessonPage

    title = factory.Sequence(lambda n: f"Lesson {n}")
    intro = "What this lesson covers."
    body = factory.LazyFunction(
        lambda: [("paragraph", "<p>Secret lesson content about cash transfers.</p>")]
    )


def question(text, answers, kind="single", explanation=""):
    """A quiz question: ``answers`` is a list of (text, correct)."""
    return (
        "question",
        {
            "kind": kind,
            "text": text,
            "choices": [{"text": t, "correct": c} for t, c in answers],
            "explanation": explanation,
        },
    )


def default_questions():
    return [
        question("Which body runs the department?", [("The OAS", True), ("The UN", False)]),
        question(
            "Which are social protection tools?",
            [("Cash transfers", True), ("Tariffs", False), ("Pensions", True)],
            kind="multiple",
        ),
        question("Care work is unpaid work.", [("True", True), ("False", False)], "true_false"),
    ]


class QuizPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = QuizPage

    title = factory.Sequence(lambda n: f"Quiz {n}")
    pass_mark = 60
    max_attempts = 2
    questions = factory.LazyFunction(default_questions)


class CohortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cohort

    course = factory.SubFactory(CoursePageFactory)
    title = factory.Sequence(lambda n: f"Cohort {n}")
    enrolment_opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    enrolment_closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=10))
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))
    ends_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=60))
    capacity = 20


class WebinarIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = WebinarIndexPage

    title = "Webinars"
    slug = "webinars"


class WebinarPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = WebinarPage

    title = factory.Sequence(lambda n: f"Webinar {n}")
    summary = "Care systems in practice."
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=3))
    time_zone = "America/Lima"
    duration_minutes = 60
    language = "en"
    join_url = "https://meet.example.org/care-systems"
