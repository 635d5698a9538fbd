import time

import pytest

from tests.experiences.test_views import catalogue  # noqa: F401 - shared fixture


def test_search_answers_the_documented_shape(client, catalogue):  # noqa: F811
    response = client.get("/api/experiences/search", {"q": "transferencias", "country": "PE"})
    assert response.status_code == 200
    body = response.json()
    assert body["total"] == 1
    assert body["page"] == 1
    (hit,) = body["results"]
    assert set(hit) == {"title", "url", "country", "agency", "year", "language", "snippet"}
    assert hit["country"] == "PE" and hit["language"] == "es" and hit["year"] == 2005
    assert "<mark>" in hit["snippet"]
    assert set(body["facets"]) == {"country", "theme", "population", "year", "language"}
    assert {"value": "BR", "label": "Brazil", "count": 1} in body["facets"]["country"]


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"q": "a" * 10_000}, 200),
        ({"q": "\\\"~*:()"}, 200),
        ({"q": "a" * 10_001}, 400),
        ({"country": "ZZ"}, 400),
        ({"language": "de"}, 400),
        ({"page": "-1"}, 400),
        ({"page": "10000000000000000000000"}, 400),
        ({"year_to": "1e400"}, 400),
        ({"q": "Ελληνικά עברית 中文 español"}, 200),
    ],
)
def test_bad_input_is_a_400_with_a_message_never_a_500(client, catalogue, params, status):  # noqa: F811
    started = time.perf_counter()
    response = client.get("/api/experiences/search", params)
    assert time.perf_counter() - started < 1
    assert response.status_code == status
    if status == 400:
        assert response.json()["detail"]


def test_openapi_schema_documents_the_search(client, db):
    schema = client.get("/api/openapi.json").json()
    operation = schema["paths"]["/api/experiences/search"]["get"]
    names = {p["name"] for p in operation["parameters"]}
    assert {"q", "country", "theme", "population", "language", "year_from", "page"} <= names
    assert "400" in operation["responses"]
