"""Issue 17.21: the home page features upcoming webinars, open cohorts and new experiences (in
a bounded number of queries), has a favicon, and its navigation sits in the content column."""

from pathlib import Path

import pytest

from tests.factories.courses import (
    CohortFactory,
    CourseIndexPageFactory,
    CoursePageFactory,
    WebinarIndexPageFactory,
    WebinarPageFactory,
)

pytestmark = pytest.mark.django_db
CSS = Path(__file__).resolve().parents[2] / "static" / "css" / "puente.css"


def test_home_page_features_dated_and_new_things(client, home_pages, request,
                                                 django_assert_max_num_queries):
    from django.utils.translation import gettext_lazy

    from cms.pages.highlights import newest_pages_of, register_highlight, unregister_highlight
    from tests.factories.experiences import ExperienceIndexPageFactory, ExperiencePageFactory

    # The experiences app registers this source itself (see cms/pages/highlights.py).
    register_highlight("experiences", gettext_lazy("New experiences"),
                       newest_pages_of("experiencepage"), order=30)
    request.addfinalizer(lambda: unregister_highlight("experiences"))

    webinars = WebinarIndexPageFactory(parent=home_pages["en"])
    WebinarPageFactory(parent=webinars, title="Care systems live")
    catalogue = CourseIndexPageFactory(parent=home_pages["en"])
    CohortFactory(course=CoursePageFactory(parent=catalogue, title="Inspection"),
                  title="2026 cohort")
    library = ExperienceIndexPageFactory(parent=home_pages["en"])
    ExperiencePageFactory(parent=library, title="Cash transfers in Peru")
    client.get("/en/")
    with django_assert_max_num_queries(15):
        html = client.get("/en/").content.decode()
    assert "Upcoming webinars" in html and "Care systems live" in html
    assert "Inspection — 2026 cohort" in html
    assert "New experiences" in html and "Cash transfers in Peru" in html
    french = client.get("/fr/").content.decode()
    assert '<h3 lang="en"><a' in french and "Care systems live" in french


def test_favicon_and_aligned_navigation(client, home_pages):
    html = client.get("/en/").content.decode()
    assert '<link rel="icon" href="/static/favicon.svg"' in html
    assert ".main-nav ul.container { margin-left: auto; margin-right: auto; }" in CSS.read_text()
