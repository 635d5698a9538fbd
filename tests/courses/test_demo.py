from io import StringIO

import pytest

from courses.models import Cohort, CoursePage, Enrolment, QuizPage, WebinarPage


@pytest.mark.django_db
def test_demo_is_complete_and_idempotent():
    from cms.accounts import demo as accounts_demo
    from cms.directory import demo as directory_demo
    from cms.pages import demo as pages_demo
    from courses import demo

    for module in (directory_demo, accounts_demo, pages_demo, demo):
        module.seed(StringIO())
    counts = (CoursePage.objects.count(), Cohort.objects.count(), Enrolment.objects.count(),
              WebinarPage.objects.count(), QuizPage.objects.count())
    assert counts[0] >= 6
    assert set(CoursePage.objects.values_list("language", flat=True)) == {"en", "es", "fr", "pt"}
    assert QuizPage.objects.exists()
    # Issue 17.13: cohorts are named in their course's language.
    for title, language in Cohort.objects.values_list("title", "course__language"):
        assert language == "en" or title not in ("2026 cohort", "Open enrolment"), title
    full = Cohort.objects.get(title="Cohorte piloto")
    assert full.enrolments.filter(status="active").count() == full.capacity
    assert full.enrolments.filter(status="waitlisted").exists()
    from django.utils import timezone

    now = timezone.now()
    assert WebinarPage.objects.filter(starts_at__lt=now).exists()
    assert WebinarPage.objects.filter(starts_at__gt=now).exists()
    demo.seed(StringIO())
    assert counts == (CoursePage.objects.count(), Cohort.objects.count(),
                      Enrolment.objects.count(), WebinarPage.objects.count(),
                      QuizPage.objects.count())
