"""Issue 17.1: a catalogue lists every course and webinar whatever its language — the visitor's
language version when translated, else its own with a visible tag and ``lang``; the language
filter is on the teaching language; queries stay constant as translations grow."""

from wagtail.models import Locale

import pytest

from tests.factories.courses import (
    CohortFactory,
    CourseIndexPageFactory,
    CoursePageFactory,
    WebinarIndexPageFactory,
    WebinarPageFactory,
)


def translate(page, code, **changes):
    copy = page.copy_for_translation(Locale.objects.get(language_code=code))
    for name, value in changes.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    return copy


@pytest.fixture
def catalogues(home_pages):
    english = CourseIndexPageFactory(parent=home_pages["en"], slug="courses")
    return {"en": english, "es": translate(english, "es")}


@pytest.fixture
def three_courses(catalogues):
    both = CoursePageFactory(parent=catalogues["en"], title="Care systems", slug="care")
    translate(both, "es", title="Sistemas de cuidados")
    CoursePageFactory(parent=catalogues["es"], title="Inspección digital", language="es")
    CoursePageFactory(parent=catalogues["en"], title="Labour markets")


def titles(response):
    return sorted(course.title for course in response.context["courses"])


@pytest.mark.django_db
def test_each_language_lists_every_course_once(client, catalogues, three_courses):
    english = client.get(catalogues["en"].url)
    assert titles(english) == ["Care systems", "Inspección digital", "Labour markets"]
    html = english.content.decode()
    assert '<h3 lang="es"><a' in html and "Español" in html
    spanish = client.get(catalogues["es"].url)
    assert titles(spanish) == ["Inspección digital", "Labour markets", "Sistemas de cuidados"]
    html = spanish.content.decode()
    assert '<h3 lang="en"><a' in html and '<h3 lang="es">' not in html


@pytest.mark.django_db
def test_language_filter_is_the_teaching_language(client, catalogues, three_courses):
    assert titles(client.get(catalogues["en"].url, {"language": "es"})) == ["Inspección digital"]
    assert len(titles(client.get(catalogues["es"].url, {"language": "en"}))) == 2


@pytest.mark.django_db
def test_webinars_of_every_language_are_listed(client, home_pages):
    english = WebinarIndexPageFactory(parent=home_pages["en"], slug="webinars")
    french = translate(english, "fr")
    WebinarPageFactory(parent=english, title="Care in practice")
    spanish_index = translate(english, "es")
    WebinarPageFactory(parent=spanish_index, title="Inspección digital", language="es")
    html = client.get(french.url).content.decode()
    assert "Care in practice" in html and "Inspección digital" in html
    assert "Aucun webinaire n’est prévu" not in html
    assert '<h3 lang="en"><a' in html and '<h3 lang="es"><a' in html


@pytest.mark.django_db
def test_catalogue_queries_constant_with_translations(client, catalogues,
                                                      django_assert_max_num_queries):
    def grow(count):
        for n in range(count):
            course = CoursePageFactory(parent=catalogues["en"])
            CohortFactory(course=course)
            if n % 2:
                translate(course, "es")

    grow(2)
    client.get(catalogues["es"].url)
    with django_assert_max_num_queries(15) as small:
        client.get(catalogues["es"].url)
    grow(12)
    client.get(catalogues["es"].url)
    with django_assert_max_num_queries(15) as large:
        response = client.get(catalogues["es"].url)
    assert len(response.context["courses"]) == 12
    assert len(large.captured_queries) == len(small.captured_queries)


@pytest.mark.django_db
def test_cached_catalogue_shows_a_change_on_the_next_request(client, catalogues, three_courses):
    """The unfiltered catalogue's cards are cached under the page tree's version: a new title,
    an unpublished course or a new course shows at once, in each language."""
    from courses.models import CoursePage

    assert "Labour markets" in client.get(catalogues["en"].url).content.decode()
    assert "Labour markets" in client.get(catalogues["es"].url).content.decode()
    labour = CoursePage.objects.get(title="Labour markets")
    labour.title = "Labour markets and care"
    labour.save_revision().publish()
    CoursePage.objects.get(title="Inspección digital").unpublish()
    CoursePageFactory(parent=catalogues["en"], title="Social dialogue")
    for language in ("en", "es"):
        html = client.get(catalogues[language].url).content.decode()
        assert "Labour markets and care" in html and "Social dialogue" in html
        assert "Inspección digital" not in html


@pytest.mark.django_db
def test_cached_empty_filter_form_shows_a_new_theme_at_once(client, catalogues):
    """The empty filter form's HTML is cached per language under the directory version."""
    from tests.factories import ThemeFactory

    assert "Digital inclusion" not in client.get(catalogues["en"].url).content.decode()
    theme = ThemeFactory(name_en="Digital inclusion", name_es="Inclusión digital")
    assert "Digital inclusion" in client.get(catalogues["en"].url).content.decode()
    assert "Inclusión digital" in client.get(catalogues["es"].url).content.decode()
    filtered = client.get(catalogues["en"].url, {"theme": theme.pk}).content.decode()
    assert f'<option value="{theme.pk}" selected>Digital inclusion</option>' in filtered
