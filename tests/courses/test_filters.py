from datetime import timedelta

from django.utils import timezone

import pytest

from tests.factories import NetworkFactory, ThemeFactory
from tests.factories.courses import CohortFactory, CoursePageFactory


@pytest.fixture
def courses(catalogue):
    now = timezone.now()
    theme, network = ThemeFactory(), NetworkFactory()
    open_course = CoursePageFactory(parent=catalogue, title="Care systems", language="es")
    open_course.themes.add(theme)
    open_course.save_revision().publish()
    CohortFactory(course=open_course)
    running = CoursePageFactory(parent=catalogue, title="Labour inspection", language="fr",
                                course_format="self_paced")
    running.networks.add(network)
    running.save_revision().publish()
    CohortFactory(course=running, enrolment_opens_at=now - timedelta(days=30),
                  enrolment_closes_at=now - timedelta(days=20),
                  starts_at=now - timedelta(days=10), ends_at=now + timedelta(days=10))
    archived = CoursePageFactory(parent=catalogue, title="Old migration course", archived=True)
    return {"open": open_course, "running": running, "archived": archived, "theme": theme,
            "network": network}


def titles(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return sorted(c.title for c in response.context["courses"])


def test_each_filter(client, catalogue, courses):
    url = catalogue.url
    assert titles(client, url) == ["Care systems", "Labour inspection", "Old migration course"]
    assert titles(client, url, q="inspection") == ["Labour inspection"]
    assert titles(client, url, theme=courses["theme"].pk) == ["Care systems"]
    assert titles(client, url, language="fr") == ["Labour inspection"]
    assert titles(client, url, course_format="self_paced") == ["Labour inspection"]
    assert titles(client, url, status="open") == ["Care systems"]
    assert titles(client, url, status="upcoming") == ["Care systems"]
    assert titles(client, url, status="in_progress") == ["Labour inspection"]
    assert titles(client, url, status="archived") == ["Old migration course"]
    assert titles(client, url, network=courses["network"].pk) == ["Labour inspection"]


def test_invalid_filter_value_is_reported_not_crashing(client, catalogue, courses):
    response = client.get(catalogue.url, {"language": "xx"})
    assert response.status_code == 200
    assert response.context["filter"].form.errors


def test_pagination_keeps_filters(client, catalogue):
    for n in range(15):
        CoursePageFactory(parent=catalogue, title=f"Course {n:02}", language="pt")
    first = client.get(catalogue.url, {"language": "pt"})
    assert len(first.context["courses"]) == 12
    assert "language=pt&amp;page=2" in first.content.decode()
    second = client.get(catalogue.url, {"language": "pt", "page": 2})
    assert len(second.context["courses"]) == 3


def test_catalogue_query_count_is_constant(client, catalogue, django_assert_max_num_queries):
    def grow(count):
        for _ in range(count):
            course = CoursePageFactory(parent=catalogue)
            course.themes.add(ThemeFactory())
            course.save_revision().publish()
            CohortFactory(course=course)

    grow(2)
    client.get(catalogue.url)  # warm the site-root cache
    with django_assert_max_num_queries(15) as small:
        client.get(catalogue.url, {"status": "open"})
    grow(10)
    client.get(catalogue.url)  # publishing pages empties the shell's caches; measure warm
    with django_assert_max_num_queries(15) as large:
        response = client.get(catalogue.url, {"status": "open"})
    assert len(response.context["courses"]) == 12
    assert len(large.captured_queries) == len(small.captured_queries)


def test_hostile_page_numbers_never_fail(client, catalogue):
    for n in range(13):
        CoursePageFactory(parent=catalogue, title=f"Course {n:02}")
    for page, shown in (("abc", 12), ("-3", 12), ("99", 1), ("9" * 40, 1)):
        response = client.get(catalogue.url, {"page": page})
        assert response.status_code == 200
        assert len(response.context["courses"]) == shown


def test_pagination_speaks_the_pages_language(client, home_pages):
    from tests.factories.courses import CourseIndexPageFactory

    spanish = CourseIndexPageFactory(parent=home_pages["es"], slug="cursos")
    for n in range(13):
        CoursePageFactory(parent=spanish, title=f"Curso {n:02}", language="es")
    html = client.get(spanish.url).content.decode()
    assert 'aria-label="Páginas"' in html and "Página 1 de 2" in html and "Siguiente" in html
