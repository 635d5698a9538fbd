"""Issue 16, point 12: every upload and formset is bounded (rows, bytes) — a clear error,
nothing changed, and no time spent building what will be refused."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from courses.admin.forms import MAX_ROWS
from courses.models import Enrolment
from exchanges.models import ExchangeRequest
from tests.exchanges.test_views import form_data
from tests.factories import AgencyFactory, UserFactory, focal_point_for

pytestmark = pytest.mark.django_db


def test_exchange_form_with_a_thousand_activity_rows_is_refused_unbuilt(client):
    agency = AgencyFactory()
    client.force_login(focal_point_for(agency))
    data = form_data(agency, save="1")
    data["activities-TOTAL_FORMS"] = "1000"
    for n in range(2, 150):
        data[f"activities-{n}-modality"] = "virtual"
    response = client.post(reverse("exchanges:create"), data)
    assert response.status_code == 200
    formset = response.context["activities"]
    assert len(formset.forms) <= 6
    assert formset.non_form_errors()
    assert not ExchangeRequest.objects.exists()


def test_bulk_enrolment_csv_over_the_row_limit_is_refused(client, cohort, secretariat):
    UserFactory(email="someone@example.org")
    client.force_login(secretariat)
    body = "email\nsomeone@example.org\n" + "nobody@example.org\n" * MAX_ROWS
    upload = SimpleUploadedFile("people.csv", body.encode(), content_type="text/csv")
    response = client.post(reverse("courses_bulk_enrol", args=[cohort.pk]), {"file": upload})
    assert response.status_code == 200
    assert "more than" in str(response.context["form"].errors)
    assert not Enrolment.objects.exists()
