from django.core.exceptions import ValidationError

import pytest

from exchanges.forms import (
    DOCX,
    ODT,
    PDF,
    XLSX,
    ExchangeRequestForm,
    sniff_content_type,
    validate_attachment,
)
from tests.exchanges import documents
from tests.factories import AgencyFactory, ThemeFactory


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("plan.pdf", documents.PDF, PDF),
        ("plan.docx", documents.DOCX, DOCX),
        ("budget.xlsx", documents.XLSX, XLSX),
        ("note.odt", documents.ODT, ODT),
        ("PLAN.PDF", documents.PDF, PDF),
    ],
)
def test_accepted_documents(name, data, expected):
    assert validate_attachment(documents.upload(name, data)) == expected


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("virus.pdf", documents.EXECUTABLE, "content"),  # an executable disguised as PDF
        ("plan.docx", documents.XLSX, "content"),  # a spreadsheet renamed .docx
        ("plan.docx", documents.PLAIN_ZIP, "content"),  # any zip is not a DOCX
        ("note.odt", documents.DOCX, "content"),
        ("budget.xlsx", documents.PDF, "content"),
        ("script.exe", documents.PDF, "extension"),
        ("no-extension", documents.PDF, "extension"),
        ("broken.docx", b"PK\x03\x04garbage", "content"),
    ],
)
def test_refused_documents(name, data, code):
    with pytest.raises(ValidationError) as refused:
        validate_attachment(documents.upload(name, data))
    assert refused.value.code == code


def test_oversize_is_refused(settings):
    settings.EXCHANGES_ATTACHMENT_MAX_BYTES = 1000
    with pytest.raises(ValidationError) as refused:
        validate_attachment(documents.upload("big.pdf", documents.PDF + b"0" * 1000))
    assert refused.value.code == "too_large"


def test_sniffing_leaves_the_file_at_its_start():
    upload = documents.upload("plan.docx", documents.DOCX)
    sniff_content_type(upload)
    assert upload.read(2) == b"PK"


@pytest.mark.django_db
def test_request_form_offers_only_the_users_agencies_and_checks_dates():
    mine, other = AgencyFactory(), AgencyFactory()
    theme = ThemeFactory()
    form = ExchangeRequestForm(
        data={
            "requesting_agency": other.pk,
            "title": "T",
            "themes": [theme.pk],
            "problem": "p",
            "need": "n",
            "objectives": "o",
            "expected_results": "r",
            "period_start": "2026-05-10",
            "period_end": "2026-05-01",
            "languages": ["es", "xx"],
        },
        agency_ids={mine.pk},
    )
    assert not form.is_valid()
    assert set(form.errors) == {"requesting_agency", "period_end", "languages"}


@pytest.mark.django_db
def test_preferred_provider_must_be_abroad():
    mine = AgencyFactory()
    neighbour = AgencyFactory(country=mine.country)
    form = ExchangeRequestForm(
        data={
            "requesting_agency": mine.pk,
            "title": "T",
            "problem": "p",
            "need": "n",
            "objectives": "o",
            "expected_results": "r",
            "preferred_agency": neighbour.pk,
        },
        agency_ids={mine.pk},
    )
    assert not form.is_valid()
    assert list(form.errors) == ["preferred_agency"]


@pytest.mark.django_db
def test_a_focal_point_of_one_agency_finds_it_chosen():
    agency = AgencyFactory()
    form = ExchangeRequestForm(agency_ids=frozenset({agency.pk}))
    assert f'<option value="{agency.pk}" selected>' in str(form["requesting_agency"])
