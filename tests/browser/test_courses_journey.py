"""The learner's journey in a real browser: enrol → read a lesson → pass the quiz → download the
certificate → verify it anonymously in another browser context."""

import re

import pytest

from cms.accounts import roles
from courses.models import Certificate
from tests.factories import UserFactory
from tests.factories.courses import (
    CohortFactory,
    CourseIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
    QuizPageFactory,
    question,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_enrol_read_pass_download_verify(new_page, home_pages, live_server):
    learner = UserFactory(roles=[roles.LEARNER], first_name="Marlon", last_name="Campbell")
    catalogue = CourseIndexPageFactory(parent=home_pages["en"])
    course = CoursePageFactory(parent=catalogue, title="Care systems", slug="care")
    module = ModulePageFactory(parent=course, title="Foundations")
    LessonPageFactory(parent=module, title="Who cares", slug="who-cares",
                      body=[("paragraph", "<p>Women do three times more unpaid care work.</p>")])
    QuizPageFactory(parent=module, title="Check", slug="check", questions=[
        question("Who does most unpaid care work?", [("Women", True), ("Men", False)]),
        question("Time-use surveys measure care work.", [("True", True), ("False", False)],
                 "true_false"),
    ])
    cohort = CohortFactory(course=course, title="June cohort")

    page = new_page()
    page.goto("/en/accounts/login/")
    page.locator("main input[name=login]").fill(learner.email)
    page.locator("main input[name=password]").fill("Correct-horse-2026")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/(?!accounts/login).*"))

    page.goto("/en/courses/")
    page.get_by_role("link", name="Care systems").click()
    page.get_by_role("button", name=f"Enrol in {cohort.title}").click()
    page.get_by_text("Enrolled", exact=True).first.wait_for()

    page.get_by_role("link", name="Who cares").click()
    page.get_by_text("three times more unpaid care work").wait_for()
    page.get_by_role("button", name="Mark this lesson as done").click()
    page.get_by_text("You have completed this lesson.").wait_for()

    page.get_by_role("link", name="Check →").click()
    page.get_by_role("button", name="Start the quiz").click()
    page.get_by_label("Women").check()
    page.get_by_label("True").check()
    page.get_by_role("button", name="Submit answers").click()
    page.get_by_text("You passed with 100%.").wait_for()

    certificate = Certificate.objects.get(user=learner, course=course)
    page.goto("/en/my/learning/certificates/")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the PDF").click()
    download = download_info.value
    assert download.suggested_filename == f"certificate-{certificate.code}.pdf"
    with open(download.path(), "rb") as pdf:
        assert pdf.read(4) == b"%PDF"

    anonymous = new_page()
    anonymous.goto(f"/certificates/{certificate.code}/")
    anonymous.get_by_text("Valid", exact=True).wait_for()
    assert "Marlon Campbell" in anonymous.content()
    assert "Care systems" in anonymous.content()
