"""What other apps ask of experiences: a draft from a closed exchange."""

from django.utils import translation

import pytest

from cms.accounts import roles
from experiences.services import NoLibrary, draft_from_exchange
from tests.factories import AgencyFactory, PopulationGroupFactory, ThemeFactory, UserFactory
from tests.factories.experiences import ExperienceIndexPageFactory

pytestmark = pytest.mark.django_db


def _draft(**overrides):
    data = {
        "exchange_id": 42,
        "title": "Cuidados comunitarios",
        "summary": "Lo que aprendimos en el intercambio.",
        "agency": AgencyFactory(),
        "start_year": 2024,
        "end_year": 2025,
        "problem": "Demasiadas esperas.\n\nPocas cuidadoras <formadas>.",
        "actions": ["Visitas de estudio", "Talleres"],
        "results": ["Un modelo compartido"],
        "lessons": [""],
        "themes": [ThemeFactory()],
        "population_groups": [PopulationGroupFactory()],
        "by": UserFactory(roles=[roles.SECRETARIAT]),
    }
    return draft_from_exchange(**{**data, **overrides})


def test_a_draft_lands_in_the_library_of_the_current_language(home_pages):
    libraries = {
        code: ExperienceIndexPageFactory(parent=home, locale=home.locale)
        for code, home in home_pages.items()
    }
    with translation.override("es"):
        page = _draft()
    assert page.get_parent().specific == libraries["es"]
    assert not page.live and page.has_unpublished_changes
    assert page.original_language == "es" and page.country == page.agency.country
    assert page.slug == "cuidados-comunitarios-42"
    # Plain texts become escaped paragraphs, empty lines dropped.
    assert page.problem == (
        "<p>Demasiadas esperas.</p><p>Pocas cuidadoras &lt;formadas&gt;.</p>"
    )
    assert page.actions == "<p>Visitas de estudio</p><p>Talleres</p>" and page.lessons == ""
    assert page.themes.count() == 1 and page.population_groups.count() == 1
    assert page.get_latest_revision().user.groups.filter(name=roles.SECRETARIAT).exists()


def test_without_a_library_of_the_language_the_first_one_is_used(home_pages):
    english = ExperienceIndexPageFactory(parent=home_pages["en"], locale=home_pages["en"].locale)
    with translation.override("pt"):
        assert _draft().get_parent().specific == english


def test_without_any_library_it_is_refused_and_nothing_is_made(home_pages):
    from experiences.models import ExperiencePage

    with pytest.raises(NoLibrary) as refused:
        _draft()
    assert refused.value.code == "no_experience_library"
    assert not ExperiencePage.objects.exists()


def test_the_kind_search_looks_for_by_default_is_the_experience_model():
    from experiences.models import ExperiencePage
    from search.engines import EXPERIENCE_KIND

    assert ExperiencePage._meta.label_lower == EXPERIENCE_KIND
