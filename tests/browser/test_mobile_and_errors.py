"""Issues 17.15 and 17.16 in a real browser: every key page fits 320 px without sideways
scrolling and folds its header's menus behind a button; error states (a form with errors, a
403, a flash message) have no axe violations, in four languages; a form with errors shows a
summary that takes focus."""

import re

import pytest
from playwright.sync_api import expect

from exchanges.models import State
from tests.browser.test_exchanges_journey import sequences_after_restore  # noqa: F401
from tests.factories import focal_point_for
from tests.factories.courses import (
    CohortFactory,
    CourseIndexPageFactory,
    CoursePageFactory,
    WebinarIndexPageFactory,
    WebinarPageFactory,
)
from tests.factories.exchanges import request_in

pytestmark = pytest.mark.django_db(transaction=True)
LANGUAGES = ["en", "es", "fr", "pt"]


@pytest.fixture
def content(sequences_after_restore, home_pages):  # noqa: F811
    catalogue = CourseIndexPageFactory(parent=home_pages["en"], slug="courses")
    course = CoursePageFactory(
        parent=catalogue, slug="care",
        title="Sistemas de cuidados: una hoja de ruta para la corresponsabilidad social",
    )
    CohortFactory(course=course)
    webinars = WebinarIndexPageFactory(parent=home_pages["en"], slug="webinars")
    webinar = WebinarPageFactory(parent=webinars, slug="inspection")
    exchange = request_in(State.SUBMITTED, title="Interoperabilidad de registros sociales " * 3)
    return {"course": course, "webinar": webinar, "exchange": exchange}


def fits(page, width=320) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= width


def log_in(page, email, language="en"):
    page.goto(f"/{language}/accounts/login/")
    page.locator("main input[name=login]").fill(email)
    page.locator("main input[name=password]").fill("Correct-horse-2026")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/(?!accounts/login).*"))


def test_key_pages_fit_320_px_and_fold_the_menus(new_page, content):
    page = new_page()
    page.set_viewport_size({"width": 320, "height": 640})
    anonymous = [
        "/en/", "/es/", "/en/courses/", content["course"].url, "/fr/webinars/",
        content["webinar"].url, "/pt/exchanges/", "/es/accounts/signup/", "/fr/accounts/login/",
        "/en/search/?q=care", "/en/no-such-page/",
    ]
    for url in anonymous:
        page.goto(url)
        assert fits(page), f"{url} is {page.evaluate('document.documentElement.scrollWidth')} px"
    page.goto("/en/")
    toggle = page.locator(".menu-toggle")
    expect(toggle).to_be_visible()
    expect(page.locator(".site-menus")).to_be_hidden()
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(page.locator(".site-menus")).to_be_visible()
    log_in(page, focal_point_for(content["exchange"].requesting_agency).email)
    for url in [content["exchange"].get_absolute_url(), "/es/exchanges/new/",
                "/en/my/learning/", "/pt/accounts/profile/"]:
        page.goto(url)
        assert fits(page), f"{url} is {page.evaluate('document.documentElement.scrollWidth')} px"


def test_wide_screens_keep_the_menus_open(new_page, content):
    page = new_page()
    page.set_viewport_size({"width": 1200, "height": 800})
    page.goto("/en/")
    expect(page.locator(".menu-toggle")).to_be_hidden()
    expect(page.locator(".site-menus")).to_be_visible()


@pytest.mark.parametrize("language", LANGUAGES)
def test_error_states_have_no_axe_violations(new_page, content, axe_violations, language):
    page = new_page()
    page.goto(f"/{language}/accounts/signup/")
    # Let the server answer (the browser's own checks would stop an empty form first).
    page.evaluate("document.querySelectorAll('main form').forEach(f => f.noValidate = true)")
    page.locator("main form button[type=submit]").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    assert axe_violations(page) == []
    page.goto(f"/{language}/exchanges/open/")  # signed out: the login page
    log_in(page, focal_point_for(content["exchange"].requesting_agency).email, language)
    assert axe_violations(page) == []  # the home page with its flash message
    page.goto(f"/{language}/exchanges/open/")
    assert axe_violations(page) == []
    page.goto(f"/{language}/exchanges/new/")
    page.locator("main form button[type=submit]").last.click()
    expect(page.locator(".error-summary")).to_be_focused()
    assert axe_violations(page) == []
