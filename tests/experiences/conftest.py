"""An experience library in English and Spanish, and a helper that publishes and indexes."""

import pytest

from tests.factories import CountryFactory, ThemeFactory
from tests.factories.experiences import ExperienceIndexPageFactory, ExperiencePageFactory


@pytest.fixture
def libraries(home_pages):
    return {
        code: ExperienceIndexPageFactory(parent=home, locale=home.locale)
        for code, home in home_pages.items()
    }


@pytest.fixture
def publish(libraries, django_capture_on_commit_callbacks):
    """Create an experience in ``language``'s library, publish it and let indexing run."""

    def make(language="en", **kwargs):
        parent = libraries[language]
        kwargs.setdefault("original_language", language)
        with django_capture_on_commit_callbacks(execute=True):
            page = ExperiencePageFactory(parent=parent, locale=parent.locale, **kwargs)
            page.save_revision().publish()
        return page

    return make


@pytest.fixture
def cash_transfers():
    return ThemeFactory(slug="cash-transfers", name_en="Cash transfers", name_es="Transferencias")


@pytest.fixture
def peru():
    return CountryFactory(code="PE", name_en="Peru", name_es="Perú")
