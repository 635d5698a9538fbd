"""A course with two modules (two lessons, a quiz), a cohort, and a webinar."""

from django.test import override_settings
from django.utils.functional import empty

import pytest

from courses.models.imports import private_storage as import_storage
from tests.factories.courses import (
    CohortFactory,
    CourseIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
    QuizPageFactory,
    WebinarIndexPageFactory,
    WebinarPageFactory,
)


@pytest.fixture(autouse=True, scope="session")
def _private_imports(tmp_path_factory):
    """Uploaded CSV files of the tests go to one temporary directory."""
    with override_settings(COURSES_IMPORT_ROOT=tmp_path_factory.mktemp("imports")):
        import_storage._wrapped = empty
        yield
    import_storage._wrapped = empty


@pytest.fixture
def catalogue(home_page):
    return CourseIndexPageFactory(parent=home_page)


@pytest.fixture
def course(catalogue):
    course = CoursePageFactory(parent=catalogue, slug="social-protection")
    first = ModulePageFactory(parent=course, title="Foundations")
    LessonPageFactory(parent=first, title="Why social protection", slug="why")
    LessonPageFactory(parent=first, title="Who is left out", slug="gaps")
    second = ModulePageFactory(parent=course, title="Assessment")
    QuizPageFactory(parent=second, title="Check your understanding", slug="check")
    return course


@pytest.fixture
def lessons(course):
    from courses.models import LessonPage

    return list(LessonPage.objects.descendant_of(course).order_by("path"))


@pytest.fixture
def quiz(course):
    from courses.models import QuizPage

    return QuizPage.objects.descendant_of(course).get()


@pytest.fixture
def cohort(course):
    return CohortFactory(course=course, title="March 2026")


@pytest.fixture
def webinar_index(home_page):
    return WebinarIndexPageFactory(parent=home_page)


@pytest.fixture
def webinar(webinar_index):
    return WebinarPageFactory(parent=webinar_index, slug="care-systems")

