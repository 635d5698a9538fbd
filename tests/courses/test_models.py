from django.utils import timezone

import pytest

from courses import outline
from courses.models import Cohort, CoursePage, new_certificate_code


def test_syllabus_groups_lessons_and_quizzes_by_module(course):
    syllabus = outline.syllabus(course)
    assert [m.title for m in syllabus] == ["Foundations", "Assessment"]
    assert [i.title for i in syllabus[0].items] == ["Why social protection", "Who is left out"]
    assert [i.title for i in syllabus[1].items] == ["Check your understanding"]
    assert syllabus[1].items[0].is_quiz


def test_first_lesson_is_the_first_in_tree_order(course, lessons):
    assert course.first_lesson() == lessons[0]
    assert lessons[1].course == CoursePage.objects.get(pk=course.pk)


def test_cohort_window(cohort):
    now = timezone.now()
    def is_open(moment):
        return Cohort.objects.open_for_enrolment(moment).filter(pk=cohort.pk).exists()

    assert is_open(now)
    assert not is_open(cohort.enrolment_closes_at)
    assert not is_open(cohort.enrolment_opens_at - timezone.timedelta(seconds=1))


def test_cohort_clean_refuses_inverted_dates(course):
    now = timezone.now()
    cohort = Cohort(course=course, title="x", enrolment_opens_at=now, enrolment_closes_at=now)
    with pytest.raises(Exception) as error:
        cohort.clean()
    assert "enrolment_closes_at" in error.value.message_dict


def test_certificate_codes_are_unique_and_readable():
    codes = {new_certificate_code() for _ in range(500)}
    assert len(codes) == 500
    assert all(len(code) == 19 and code.count("-") == 3 for code in codes)
