"""Issue 17.19: every CSV download is UTF-8 with a BOM and says so in its Content-Type."""

import csv
import io

from django.urls import reverse

import pytest

from cms.downloads import BOM, csv_response
from exchanges.models import State
from tests.factories.exchanges import request_in


def _decoded(response) -> str:
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    body = response.content.decode("utf-8")
    assert body.startswith(BOM)
    return body[len(BOM):]


def test_csv_response_has_bom_charset_and_neutralised_formulas():
    response = csv_response("x.csv", [["Name", "Count"], ["Bogotá", 3], ["=1+1", -2]])
    assert response["Content-Disposition"] == 'attachment; filename="x.csv"'
    rows = list(csv.reader(io.StringIO(_decoded(response))))
    assert rows == [["Name", "Count"], ["Bogotá", "3"], ["'=1+1", "-2"]]


@pytest.mark.django_db
def test_exchange_indicators_csv_is_utf8_with_bom(client, secretariat):
    request_in(State.SUBMITTED, title="Cooperación São Paulo")
    client.force_login(secretariat)
    response = client.get(reverse("exchanges_admin:indicators"), {"format": "csv"})
    assert "Cooperación São Paulo" in _decoded(response)
