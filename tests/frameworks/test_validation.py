"""The one set of date rules (frameworks/validation.py)."""

import datetime

import pytest

from frameworks.models import Standing
from frameworks.validation import StatusInvalid, check_status

D = datetime.date
TODAY = D(2026, 12, 1)


def check(**values):
    return check_status(values, today=TODAY)


def test_standing_is_derived_from_the_dates():
    assert check(signature_date=D(2015, 6, 15))["standing"] == Standing.SIGNATORY
    assert check(signed=True, consent="ratification")["standing"] == Standing.PENDING_DEPOSIT
    row = check(consent="accession", deposit_date=D(2021, 3, 1))
    assert row["standing"] == Standing.PARTY and row["deposited"] is True
    assert check()["standing"] == Standing.NONE


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"signature_date": D(2016, 1, 1), "consent": "ratification",
          "consent_date": D(2015, 1, 1)}, "consent_date"),
        ({"signature_date": D(2015, 1, 1), "consent": "ratification",
          "consent_date": D(2016, 1, 1), "deposit_date": D(2015, 6, 1)}, "deposit_date"),
        ({"signature_date": D(2027, 1, 1)}, "signature_date"),
        ({"consent": "accession", "deposit_date": TODAY + datetime.timedelta(days=1)},
         "deposit_date"),
        ({"consent": "ratification"}, "signed"),
        ({"deposit_date": D(2016, 1, 1)}, "consent"),
        ({"consent_date": D(2016, 1, 1)}, "consent"),
        ({"consent": "accession", "deposit_date": D(2016, 1, 1),
          "entry_into_force_date": D(2015, 1, 1)}, "entry_into_force_date"),
        ({"entry_into_force_date": D(2015, 1, 1)}, "entry_into_force_date"),
        ({"consent": "treaty"}, "consent"),
        ({"source_url": "javascript:alert(1)"}, "source_url"),
    ],
)
def test_bad_rows_are_refused_with_the_field_named(values, field):
    with pytest.raises(StatusInvalid) as refused:
        check(**values)
    assert field in refused.value.errors
    assert refused.value.as_dict()["code"] == "invalid_status"


def test_the_message_names_both_dates():
    with pytest.raises(StatusInvalid) as refused:
        check(signature_date=D(2016, 3, 1), consent="ratification", consent_date=D(2015, 3, 1))
    assert "2015" in str(refused.value) and "2016" in str(refused.value)
