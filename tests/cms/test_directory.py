from django.db import IntegrityError, transaction
from django.utils import translation

import pytest

from cms.directory.models import Agency
from tests.factories import AgencyFactory, CountryFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def test_country_code_must_be_two_capital_letters():
    with pytest.raises(IntegrityError), transaction.atomic():
        CountryFactory(code="br")


def test_agency_name_is_unique_within_a_country_only():
    agency = AgencyFactory(name="Ministerio de Trabajo")
    AgencyFactory(name="Ministerio de Trabajo")  # another country: fine
    with pytest.raises(IntegrityError), transaction.atomic():
        AgencyFactory(name="Ministerio de Trabajo", country=agency.country)


def test_acronyms_are_unique_within_a_country_but_may_be_blank():
    country = CountryFactory()
    AgencyFactory(country=country, acronym="")
    AgencyFactory(country=country, acronym="")
    AgencyFactory(country=country, acronym="MT")
    with pytest.raises(IntegrityError), transaction.atomic():
        AgencyFactory(country=country, acronym="MT")
    assert Agency.objects.filter(country=country).count() == 3


def test_translated_name_follows_the_active_language_and_falls_back_to_english():
    theme = ThemeFactory(name_en="Social protection", name_es="Protección social", name_fr="")
    with translation.override("es"):
        assert theme.name == "Protección social"
    with translation.override("fr"):
        assert theme.name == "Social protection"
    with translation.override("en"):
        assert str(theme) == "Social protection"


def test_agency_label_names_acronym_and_country():
    agency = AgencyFactory(name="Ministério do Trabalho", acronym="MTE", country__code="BR")
    assert str(agency) == "Ministério do Trabalho (MTE) — BR"
