"""A framework published in four languages, with the member states its tests use."""

import datetime

import pytest

from cms.accounts import roles
from frameworks import services
from frameworks.models import CountryStatusChange
from tests.factories import AgencyFactory, CountryFactory, UserFactory, focal_point_for
from tests.factories.frameworks import (
    ArticleFactory,
    FrameworkFactory,
    FrameworkIndexPageFactory,
    FrameworkPageFactory,
)


@pytest.fixture
def countries(db):
    names = {"BR": "Brazil", "PE": "Peru", "UY": "Uruguay", "MX": "Mexico", "CR": "Costa Rica"}
    return {code: CountryFactory(code=code, name_en=name, name_es=name, name_fr=name,
                                 name_pt=name) for code, name in names.items()}


@pytest.fixture
def framework(db):
    return FrameworkFactory(code="A-70", name_en="Convention on older persons",
                            entry_into_force_deposits=2)


@pytest.fixture
def framework_pages(home_pages, framework):
    pages = {}
    english = None
    for code, home in home_pages.items():
        index = FrameworkIndexPageFactory(parent=home, locale=home.locale, **(
            {"translation_key": english[0].translation_key} if english else {}))
        page = FrameworkPageFactory(
            parent=index, framework=framework, locale=home.locale,
            title={"en": "Convention on older persons", "es": "Convención sobre personas "
                   "mayores", "fr": "Convention sur les personnes âgées",
                   "pt": "Convenção sobre os idosos"}[code],
            **({"translation_key": english[1].translation_key} if english else {}),
        )
        pages[code] = page
        if english is None:
            english = (index, page)
    return pages


@pytest.fixture
def article(framework):
    return ArticleFactory(framework=framework, number="12", heading_en="Long-term care",
                          heading_es="Cuidados a largo plazo")


@pytest.fixture
def record(countries, framework):
    """record("UY", deposit_date=..., ...) writes a row as the seed does (no user)."""

    def write(code, **values):
        return services.country_status_save(
            framework=framework, country=countries[code], values=values, by=None,
            via=CountryStatusChange.Via.SEED,
        )

    return write


@pytest.fixture
def parties(record):
    record("UY", signed=True, consent="ratification", deposit_date=datetime.date(2016, 11, 18))
    record("CR", signed=True, signature_date=datetime.date(2015, 6, 15), consent="ratification",
           consent_date=datetime.date(2016, 10, 12), deposit_date=datetime.date(2016, 12, 12))
    record("PE", consent="accession", deposit_date=datetime.date(2021, 3, 1))
    record("BR", signature_date=datetime.date(2015, 6, 15))
    record("MX", consent="accession")


@pytest.fixture
def people(countries):
    """One person per role, with focal points of Peru and of Brazil."""
    return {
        "anonymous": None,
        "learner": UserFactory(roles=[roles.LEARNER]),
        "other_focal": focal_point_for(AgencyFactory(country=countries["BR"])),
        "own_focal": focal_point_for(AgencyFactory(country=countries["PE"])),
        "editor": UserFactory(roles=[roles.EDITOR]),
        "secretariat": UserFactory(roles=[roles.SECRETARIAT]),
    }
