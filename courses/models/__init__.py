"""The models of learning, one module per family (the app label stays ``courses``)."""

from courses.webinars.models import Registration, WebinarIndexPage, WebinarPage

from .calendars import CalendarFeed
from .catalogue import CourseIndexPage, CourseInstructorGroup, CoursePage
from .certificates import Certificate, new_certificate_code
from .cohorts import Cohort, CohortQuerySet, Enrolment, LessonProgress
from .imports import ImportJob
from .pages import LessonPage, ModulePage, QuizPage
from .quizzes import Attempt

__all__ = [
    "Attempt",
    "CalendarFeed",
    "Certificate",
    "Cohort",
    "CohortQuerySet",
    "CourseIndexPage",
    "CourseInstructorGroup",
    "CoursePage",
    "Enrolment",
    "ImportJob",
    "LessonPage",
    "LessonProgress",
    "ModulePage",
    "QuizPage",
    "Registration",
    "WebinarIndexPage",
    "WebinarPage",
    "new_certificate_code",
]
