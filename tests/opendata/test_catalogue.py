"""The open-data catalogue: pages in four languages, streamed CSV (UTF-8 with BOM) and JSON
downloads, the API in the OpenAPI schema, the DCAT catalogue, and never personal data."""

import csv
import io
import json
import re
import tracemalloc

from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from opendata import datasets, streams

pytestmark = pytest.mark.django_db


def body(response) -> str:
    assert response.streaming, "downloads are streamed"
    return b"".join(response.streaming_content).decode("utf-8")


@pytest.mark.parametrize("lang", ["en", "es", "fr", "pt"])
def test_catalogue_lists_every_dataset(client, profile_data, lang):
    html = client.get(f"/{lang}/data/").content.decode()
    for dataset in datasets.registered():
        assert f"/data/{dataset.slug}.csv" in html and f"/data/{dataset.slug}.json" in html
        for column in dataset.column_list():
            assert f"<code>{column.name}</code>" in html
    assert datasets.LICENCE_URL in html


def test_dataset_page_and_unknown(client, profile_data):
    page = client.get("/en/data/exchanges/")
    assert page.status_code == 200 and "<caption" in page.content.decode()
    assert client.get("/en/data/nope/").status_code == 404
    assert client.get("/data/nope.csv").status_code == 404
    assert client.get("/data/exchanges.xml").status_code == 404


@pytest.mark.parametrize("dataset", datasets.registered(), ids=lambda d: d.slug)
def test_csv_download_is_streamed_with_bom(client, profile_data, dataset):
    response = client.get(f"/data/{dataset.slug}.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = body(response)
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0] == [c.name for c in dataset.column_list()]
    assert all(len(row) == len(rows[0]) for row in rows)


@pytest.mark.parametrize("dataset", datasets.registered(), ids=lambda d: d.slug)
def test_json_download_is_streamed_and_valid(client, profile_data, dataset):
    response = client.get(f"/data/{dataset.slug}.json")
    assert response["Content-Type"].startswith("application/json")
    data = json.loads(body(response))
    assert data["license"] == datasets.LICENCE_URL
    names = [c["name"] for c in data["columns"]]
    assert names == [c.name for c in dataset.column_list()]
    assert all(list(row) == names for row in data["rows"])


def test_exchanges_dataset_has_the_published_rows(client, profile_data):
    data = json.loads(body(client.get("/data/exchanges.json")))
    assert len(data["rows"]) == 3
    assert {r["requesting_country"] for r in data["rows"]} == {"PE", "CL"}


def test_participation_hides_counts_below_five(client, profile_data):
    data = json.loads(body(client.get("/data/course-participation.json")))
    by_country = {r["country"]: r for r in data["rows"]}
    assert by_country["CL"]["enrolled"] == 6
    assert "PE" not in by_country  # 3 people: nothing may be shown, not even the row


def test_api_lists_and_pages(client, profile_data):
    listing = client.get("/api/data/").json()
    assert {d["slug"] for d in listing} == {d.slug for d in datasets.registered()}
    detail = client.get("/api/data/exchanges").json()
    assert detail["license"] == datasets.LICENCE_URL
    page = client.get("/api/data/exchanges/rows?limit=2").json()
    assert len(page["rows"]) == 2 and page["next_offset"] == 2
    last = client.get("/api/data/exchanges/rows?offset=2&limit=2").json()
    assert len(last["rows"]) == 1 and last["next_offset"] is None
    assert client.get("/api/data/nope").status_code == 404


@pytest.mark.parametrize("params", [
    "limit=0", "limit=1001", "limit=abc", "offset=-1", "offset=99999999999999999999",
])
def test_api_bad_input_is_400_with_errors(client, profile_data, params):
    response = client.get(f"/api/data/exchanges/rows?{params}")
    assert response.status_code == 400
    assert response.json()["errors"]


def test_api_in_openapi_schema(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {"/api/data/", "/api/data/{slug}", "/api/data/{slug}/rows"} <= set(paths)


def test_dcat_catalogue_has_the_required_properties(client, profile_data):
    response = client.get("/data/catalog.jsonld")
    assert response["Content-Type"].startswith("application/ld+json")
    catalog = json.loads(response.content)
    assert catalog["@type"] == "dcat:Catalog"
    assert catalog["@context"]["dcat"] == "http://www.w3.org/ns/dcat#"
    assert catalog["@context"]["dct"] == "http://purl.org/dc/terms/"
    assert catalog["dct:title"] and catalog["dct:publisher"]["foaf:name"]
    entries = catalog["dcat:dataset"]
    assert {e["dct:identifier"] for e in entries} == {d.slug for d in datasets.registered()}
    for entry in entries:
        assert entry["@type"] == "dcat:Dataset"
        assert {t["@language"] for t in entry["dct:title"]} == {"en", "es", "fr", "pt"}
        assert entry["dct:description"]
        assert entry["dct:license"]["@id"] == datasets.LICENCE_URL
        kinds = set()
        for distribution in entry["dcat:distribution"]:
            assert distribution["@type"] == "dcat:Distribution"
            assert distribution["dct:license"]["@id"] == datasets.LICENCE_URL
            media = distribution["dcat:mediaType"]["@id"]
            assert media.startswith("https://www.iana.org/assignments/media-types/")
            kinds.add(media.rsplit("/", 1)[1])
            url = distribution["dcat:downloadURL"]["@id"]
            assert url.startswith("http")
            path = "/" + url.split("/", 3)[3]
            assert client.get(path).status_code == 200
        assert kinds == {"csv", "json"}
    modified = [e for e in entries if e["dct:identifier"] == "exchanges"][0]["dct:modified"]
    assert modified["@type"] in ("xsd:dateTime", "xsd:date") and modified["@value"][:4].isdigit()


def assert_no_personal_data(dataset_list) -> int:
    """No email address, and no name of a person in the user table, in any cell."""
    people = get_user_model().objects.all()
    names = {p.get_full_name() for p in people if p.get_full_name().strip()}
    emails = {p.email.lower() for p in people}
    email_shape = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
    checked = 0
    for dataset in dataset_list:
        for row in dataset.rows():
            for value in row:
                text = str(value)
                assert not email_shape.search(text), (dataset.slug, text)
                assert text.lower() not in emails, (dataset.slug, text)
                for name in names:
                    assert name not in text, (dataset.slug, name)
                checked += 1
    return checked


def test_no_dataset_holds_personal_data(profile_data, secretariat):
    """Walks every registered dataset, those other apps add included."""
    assert get_user_model().objects.exclude(first_name="").count() > 5
    assert assert_no_personal_data(datasets.registered()) > 0


@pytest.mark.parametrize("leak", ["name", "email"])
def test_the_privacy_check_can_fail(profile_data, leak):
    person = get_user_model().objects.exclude(first_name="").first()
    value = person.get_full_name() if leak == "name" else person.email
    leaky = datasets.Dataset(
        slug="zz-leaky", title="Leaky", description="", columns=(datasets.Column("who", ""),),
        rows=lambda: iter([(f"Contact: {value}",)]), last_updated=lambda: None,
    )
    with pytest.raises(AssertionError):
        assert_no_personal_data([leaky])


def _peak(n: int) -> int:
    dataset = datasets.Dataset(
        slug="synthetic", title="Synthetic", description="",
        columns=(datasets.Column("id", "", "integer"), datasets.Column("text", "")),
        rows=lambda: ((i, f"row {i} " + "x" * 50) for i in range(n)),
        last_updated=lambda: None,
    )
    tracemalloc.start()
    try:
        for _chunk in streams.csv_stream(dataset):
            pass
        for _chunk in streams.json_stream(dataset):
            pass
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_streaming_memory_is_flat():
    small, large = _peak(2_000), _peak(40_000)
    assert large < small * 1.5 + 64 * 1024, (small, large)


def test_catalogue_queries_stay_within_budget(client, profile_data):
    client.get("/en/data/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/en/data/").status_code == 200
    assert len(queries) <= 15
