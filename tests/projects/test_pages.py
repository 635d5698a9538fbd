"""The public list and project pages: content, facets, totals, CSV, and a constant query count."""

import pytest

from projects.enums import Modality
from tests.projects.builders import published_project

pytestmark = pytest.mark.django_db


def test_project_page_shows_summary_partners_budget_results(indexes, client):
    project = published_project(indexes, n=1)
    response = client.get("/en/projects/labour-1/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Labour inspection 1 (en)" in html
    assert "Donor 1" in html
    assert "12,345.67 USD" in html and "500,000.00 EUR" in html and "90,000,000 CLP" in html
    assert "Total in USD" in html and "Total in EUR" in html
    assert "Officials trained" in html and "Latest actual: 40.00 of 100.00" in html
    assert 'role="img"' in html
    assert project.get_status_display() in html
    spanish = client.get("/es/projects/labour-1/").content.decode()
    assert "Funcionarios capacitados" in spanish


def test_list_filters_totals_and_bad_input(indexes, client):
    published_project(indexes, n=1)
    response = client.get("/en/projects/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Labour inspection 1 (en)" in html
    assert "Projects by modality" in html and "<caption>" in html
    assert client.get("/en/projects/", {"modality": Modality.REGIONAL}).status_code == 200
    empty = client.get("/en/projects/", {"modality": Modality.PARTNERSHIP}).content.decode()
    assert "No project matches these filters." in empty
    assert client.get("/en/projects/", {"year": "2031"}).content.decode().count(
        "Labour inspection 1") == 0
    assert client.get("/en/projects/", {"year": "2027"}).content.decode().count(
        "Labour inspection 1 (en)") == 1
    bad = client.get("/en/projects/", {"modality": "space", "year": "x"})
    assert bad.status_code == 400
    assert client.get("/en/projects/", {"page": "99999999999999"}).status_code == 200


def test_list_csv_has_a_bom_and_the_filtered_rows(indexes, client):
    published_project(indexes, n=1)
    response = client.get("/en/projects/", {"format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    assert "2026-labour-1" in body
    filtered = client.get("/en/projects/", {"format": "csv", "modality": "partnership"})
    assert "2026-labour-1" not in b"".join(filtered.streaming_content).decode()
    assert client.get("/en/projects/", {"format": "csv", "country": "??"}).status_code == 400


@pytest.mark.parametrize("path", ["/en/projects/", "/en/projects/labour-0/"])
def test_pages_cost_a_constant_number_of_queries(indexes, client, path,
                                                 django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    published_project(indexes, n=0)
    client.get(path)  # warm the caches a real site would have warm
    client.get(path)
    with CaptureQueriesContext(connection) as small:
        assert client.get(path).status_code == 200
    for n in range(1, 5):
        published_project(indexes, n=n)
    client.get(path)
    client.get(path)
    with django_assert_max_num_queries(15):
        assert client.get(path).status_code == 200
    with CaptureQueriesContext(connection) as large:
        client.get(path)
    assert len(large) == len(small)


def test_the_kept_list_follows_projects_pages_and_budgets(indexes, client):
    project = published_project(indexes, n=1)
    assert "Labour inspection 1 (en)" in client.get("/en/projects/").content.decode()
    page = project.pages_by_language["en"]
    page.title = "Labour inspection renewed"
    page.save_revision().publish()
    html = client.get("/en/projects/").content.decode()
    assert "Labour inspection renewed" in html and "Labour inspection 1 (en)" not in html
    modality = project.get_modality_display()
    project.modality = Modality.PARTNERSHIP if project.modality != Modality.PARTNERSHIP else (
        Modality.REGIONAL)
    project.save()
    html = client.get("/en/projects/").content.decode()
    assert f"{project.get_modality_display()} · " in html and f"{modality} · " not in html
    published_project(indexes, n=2)
    html = client.get("/en/projects/?year=2027").content.decode()
    assert "Labour inspection 2 (en)" in html
    assert "Labour inspection 2 (es)" in client.get("/es/projects/").content.decode()
