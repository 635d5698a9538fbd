"""Issue 17.21: the home page features upcoming webinars, open cohorts and new experiences (in
a bounded number of queries), has a favicon, and its navigation sits in the content column."""

from pathlib import Path

from wagtail.models import Locale

import pytest

from tests.factories import AgencyFactory
from tests.factories.courses import (
    CohortFactory,
    CourseIndexPageFactory,
    CoursePageFactory,
    WebinarIndexPageFactory,
    WebinarPageFactory,
)
from tests.factories.experiences import ExperienceIndexPageFactory, ExperiencePageFactory

pytestmark = pytest.mark.django_db
CSS = Path(__file__).resolve().parents[2] / "static" / "css" / "puente.css"


def test_home_page_features_dated_and_new_things(client, home_pages,
                                                 django_assert_max_num_queries):
    webinars = WebinarIndexPageFactory(parent=home_pages["en"])
    WebinarPageFactory(parent=webinars, title="Care systems live")
    catalogue = CourseIndexPageFactory(parent=home_pages["en"])
    CohortFactory(course=CoursePageFactory(parent=catalogue, title="Inspection"),
                  title="2026 cohort")
    library = ExperienceIndexPageFactory(parent=home_pages["en"])
    ExperiencePageFactory(parent=library, title="Cash transfers in Peru")
    with django_assert_max_num_queries(15):
        client.get("/en/")  # the highlights are computed
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


def test_a_newly_published_experience_is_featured_in_its_language(client, home_pages):
    spanish = Locale.objects.get(language_code="es")
    library = ExperienceIndexPageFactory(parent=home_pages["es"], locale=spanish)
    assert "Transferencias en Cusco" not in client.get("/es/").content.decode()  # now cached
    experience = ExperiencePageFactory.build(
        title="Transferencias en Cusco", locale=spanish, original_language="es", live=False,
        agency=AgencyFactory(),
    )
    library.add_child(instance=experience)
    experience.save_revision().publish()
    html = client.get("/es/").content.decode()
    assert "Nuevas experiencias" in html and "Transferencias en Cusco" in html
    assert experience.url in html
    assert "Transferencias en Cusco" not in client.get("/en/").content.decode()
