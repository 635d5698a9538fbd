"""Deny by default: role × path over pages, report files, API, admin and the CSV import."""

import datetime
import json

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from frameworks import services
from frameworks.models import CountryStatus, NationalReport, NationalReportFile
from tests.factories.frameworks import NationalReportFactory, ReportingCycleFactory

pytestmark = pytest.mark.django_db
ROLES = ("anonymous", "learner", "other_focal", "own_focal", "editor", "secretariat")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def report(framework, countries, settings, tmp_path):
    settings.FRAMEWORKS_REPORT_ROOT = tmp_path
    cycle = ReportingCycleFactory(framework=framework, due_date=datetime.date(2030, 1, 1))
    return NationalReportFactory(cycle=cycle, country=countries["PE"])


def _as(client, people, role):
    client.logout()
    if people[role] is not None:
        client.force_login(people[role])
    return client


PUBLIC = ("/en/legal-frameworks/", "/en/legal-frameworks/a-70/",
          "/en/legal-frameworks/a-70/?format=csv", "/en/legal-frameworks/countries/pe/",
          "/en/legal-frameworks/compare/?country=pe&country=br", "/api/frameworks/",
          "/api/frameworks/a-70/statuses")


@pytest.mark.parametrize("role", ROLES)
def test_everyone_reads_the_public_pages(client, framework_pages, parties, people, role):
    _as(client, people, role)
    for url in PUBLIC:
        assert client.get(url).status_code == 200, (role, url)


ADMIN = ("/admin/frameworks_status/", "/admin/frameworks_status/new/",
         "/admin/frameworks_status_history/", "/admin/frameworks/status-import/",
         "/admin/frameworks/status-export.csv", "/admin/frameworks_cycle/",
         "/admin/frameworks_report/")
EDITOR_ADMIN = ("/admin/frameworks_framework/", "/admin/frameworks_tag/new/")


@pytest.mark.parametrize("role", ROLES)
def test_admin_matrix(client, framework_pages, parties, people, role):
    _as(client, people, role)
    for url in ADMIN:
        status = client.get(url).status_code
        if role == "secretariat":
            assert status == 200, (role, url)
        else:
            assert status in (302, 403), (role, url, status)
    for url in EDITOR_ADMIN:
        status = client.get(url).status_code
        assert (status == 200) == (role in ("editor", "secretariat")), (role, url, status)


@pytest.mark.parametrize("role", ROLES)
def test_only_the_secretariat_changes_a_status_in_the_admin(client, framework, countries,
                                                           people, parties, role):
    status = CountryStatus.objects.get(country=countries["BR"])
    _as(client, people, role)
    response = client.post(f"/admin/frameworks_status/edit/{status.pk}/", {
        "signed": "on", "signature_date": "2015-06-15", "consent": "ratification",
        "consent_date": "2024-05-01", "deposit_date": "2024-06-01", "source_url": "",
        "seen_version": status.version,
    })
    status.refresh_from_db()
    if role == "secretariat":
        assert response.status_code == 302, response.content[:2000]
        assert status.standing == "party"
        assert status.changes.first().changed_by == people["secretariat"]
    else:
        assert response.status_code in (302, 403)
        assert status.standing == "signatory"


def test_admin_form_shows_bad_dates_and_changes_nothing(client, framework, countries, people,
                                                        parties):
    status = CountryStatus.objects.get(country=countries["BR"])
    client.force_login(people["secretariat"])
    response = client.post(f"/admin/frameworks_status/edit/{status.pk}/", {
        "signed": "on", "signature_date": "2015-06-15", "consent": "ratification",
        "consent_date": "2014-05-01", "source_url": "", "seen_version": status.version,
    })
    assert response.status_code == 200
    assert "cannot come before the signature" in response.content.decode()
    status.refresh_from_db()
    assert status.consent == "" and status.version == 1


@pytest.mark.parametrize("role", ROLES)
def test_csv_import_matrix(client, framework, countries, people, role):
    _as(client, people, role)
    data = SimpleUploadedFile("s.csv", b"framework,country,signed\nA-70,BR,yes\n")
    response = client.post("/admin/frameworks/status-import/", {"file": data})
    assert CountryStatus.objects.exists() == (role == "secretariat"), (role, response)


@pytest.mark.parametrize("role", ROLES)
def test_api_write_matrix(client, framework, countries, people, role):
    _as(client, people, role)
    response = client.put("/api/frameworks/a-70/statuses/br", json.dumps(
        {"signed": True, "signature_date": "2015-06-15"}), content_type="application/json")
    if role == "secretariat":
        assert response.status_code == 200, response.content
        assert response.json()["standing"] == "signatory"
    else:
        assert response.status_code in (401, 403), (role, response.status_code)
        assert not CountryStatus.objects.exists()


def test_api_bad_dates_are_a_400_with_the_errors(client, framework, countries, people):
    client.force_login(people["secretariat"])
    response = client.put("/api/frameworks/a-70/statuses/br", json.dumps({
        "signed": True, "signature_date": "2016-06-15", "consent": "ratification",
        "consent_date": "2015-01-01"}), content_type="application/json")
    assert response.status_code == 400
    assert "consent_date" in response.json()["errors"]
    assert not CountryStatus.objects.exists()
    response = client.put("/api/frameworks/a-70/statuses/br", json.dumps({
        "signature_date": "2015-06-15", "version": 7}), content_type="application/json")
    assert response.status_code == 409 and response.json()["code"] == "stale"


@pytest.mark.parametrize("role", ROLES)
def test_report_page_and_files_matrix(client, report, people, role):
    NationalReportFile.objects.create(
        report=report, language="es", file=SimpleUploadedFile("informe.pdf", PDF),
        original_name="informe.pdf", content_type="application/pdf", size=len(PDF))
    item = report.files.get()
    _as(client, people, role)
    page = client.get(f"/en/legal-frameworks/reports/{report.pk}/")
    download = client.get(f"/en/legal-frameworks/reports/{report.pk}/files/{item.pk}/")
    allowed = role in ("own_focal", "secretariat")
    if role == "anonymous":
        assert page.status_code == 302 and download.status_code == 302
    else:
        assert (page.status_code == 200) == allowed, (role, page.status_code)
        assert (download.status_code == 200) == allowed, (role, download.status_code)
        if allowed:
            assert b"".join(download.streaming_content) == PDF


@pytest.mark.parametrize("role", ROLES)
def test_only_the_countrys_focal_point_uploads_and_submits(client, report, people, role):
    _as(client, people, role)
    client.post(f"/en/legal-frameworks/reports/{report.pk}/upload/", {
        "language": "es", "file": SimpleUploadedFile("informe.pdf", PDF)})
    client.post(f"/en/legal-frameworks/reports/{report.pk}/submit/")
    report.refresh_from_db()
    if role == "own_focal":
        assert report.files.count() == 1 and report.state == NationalReport.State.SUBMITTED
    else:
        assert not report.files.exists() and report.state == NationalReport.State.DUE


def test_report_files_are_bounded(report, people, settings):
    settings.FRAMEWORKS_REPORT_MAX_BYTES = 10
    for name, content in (("informe.exe", PDF), ("informe.pdf", PDF)):
        with pytest.raises(services.Refusal):
            services.report_file_add(report=report, language="es", by=people["own_focal"],
                                     upload=SimpleUploadedFile(name, content))
    assert not report.files.exists()
