"""The test factories themselves: a generated country is always a new one.

Seen in a clean-clone run: ``CountryFactory()``'s sequence reached "PE", which a fixture had
made, and get-or-create handed Peru back — a test that grows a table of countries then broke a
unique constraint, depending on how many countries earlier tests in the process had made."""

import pytest

from tests.factories import CountryFactory


@pytest.mark.django_db
def test_a_generated_country_is_never_one_a_test_already_made():
    peru = CountryFactory(code="PE", name_en="Peru")
    CountryFactory.reset_sequence(15 * 26 + 4)  # the next generated code would be "PE"
    try:
        made = CountryFactory()
    finally:
        CountryFactory.reset_sequence(0)
    assert made.pk != peru.pk and made.code != "PE"
    assert CountryFactory(code="PE") == peru  # a code asked for by name is still got, not made
