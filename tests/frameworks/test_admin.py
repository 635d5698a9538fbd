"""Admin views: tagging, opening a cycle, the CSV import page; registries given to other apps."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from countries import sections
from frameworks.models import ArticleTag, CountryStatus, NationalReport, ReportingCycle
from opendata import datasets
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_an_editor_tags_a_page_in_the_admin(client, people, article, home_page):
    practice = StandardPageFactory(parent=home_page, title="Day centres")
    client.force_login(people["editor"])
    response = client.post("/admin/frameworks_tag/new/", {
        "article": article.pk, "page": practice.pk, "content_type": "", "object_id": ""})
    assert response.status_code == 302, response.content[:3000]
    tag = ArticleTag.objects.get()
    assert tag.content_object == practice.specific and tag.tagged_by == people["editor"]
    response = client.post("/admin/frameworks_tag/new/", {"article": article.pk})
    assert response.status_code == 200 and ArticleTag.objects.count() == 1


def test_opening_a_cycle_asks_every_state_party(client, people, framework, parties):
    client.force_login(people["secretariat"])
    response = client.post("/admin/frameworks_cycle/new/", {
        "framework": framework.pk, "name_en": "First report", "name_es": "Primer informe",
        "name_fr": "", "name_pt": "", "due_date": "2030-01-31"})
    assert response.status_code == 302, response.content[:3000]
    cycle = ReportingCycle.objects.get()
    assert NationalReport.objects.filter(cycle=cycle).count() == 3


def test_the_import_page_lists_the_bad_rows(client, people, framework, countries):
    client.force_login(people["secretariat"])
    data = (b"framework,country,signed,signature_date\n"
            b"A-70,BR,yes,2015-06-15\nA-70,PE,yes,2099-01-01\n")
    response = client.post("/admin/frameworks/status-import/",
                           {"file": SimpleUploadedFile("s.csv", data)})
    html = response.content.decode()
    assert response.status_code == 200 and 'id="import-errors"' in html
    assert "in the future" in html and not CountryStatus.objects.exists()
    data = b"framework,country,signed,signature_date\nA-70,BR,yes,2015-06-15\n"
    response = client.post("/admin/frameworks/status-import/",
                           {"file": SimpleUploadedFile("s.csv", data)})
    assert response.status_code == 302 and CountryStatus.objects.count() == 1


def test_registries(rf, framework, parties, countries):
    section = next(s for s in sections.registered() if s.key == "frameworks")
    context = section.context(countries["PE"], rf.get("/"))
    assert context["rows"][0]["standing"] == "party"
    assert section.headline(list(countries.values()))[countries["PE"].pk] == 1
    dataset = datasets.get("framework-status")
    rows = list(dataset.rows())
    assert len(rows) == 5 and len(rows[0]) == len(dataset.columns)
    assert isinstance(dataset.last_updated(), datetime.datetime)


def test_api_is_in_the_openapi_schema(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "/api/frameworks/{code}/statuses/{iso2}" in paths
    assert "/api/frameworks/countries/{iso2}" in paths


def test_the_report_listing_links_to_the_review_page(client, people, framework, countries):
    from tests.factories.frameworks import NationalReportFactory

    report = NationalReportFactory(cycle__framework=framework, country=countries["PE"])
    client.force_login(people["secretariat"])
    html = client.get("/admin/frameworks_report/").content.decode()
    assert f"/legal-frameworks/reports/{report.pk}/" in html


def test_the_secretariat_adds_a_row_in_the_admin(client, people, framework, countries):
    client.force_login(people["secretariat"])
    response = client.post("/admin/frameworks_status/new/", {
        "framework": framework.pk, "country": countries["MX"].pk, "consent": "accession",
        "deposit_date": "2023-03-28", "source_url": "https://www.oas.org/"})
    assert response.status_code == 302, response.content[:3000]
    status = CountryStatus.objects.get()
    assert status.standing == "party" and status.changes.get().via == "admin"
    response = client.post("/admin/frameworks_status/new/", {
        "framework": framework.pk, "country": countries["MX"].pk, "signed": "on"})
    assert response.status_code == 200 and CountryStatus.objects.count() == 1
