import pytest

from tests.factories.forums import ForumDocumentFactory


@pytest.mark.django_db
def test_endpoints_and_schema(client, forum, meeting, commitment, private_root):
    from forums.models import ForumDocument

    ForumDocumentFactory(forum=forum, meeting=meeting)
    ForumDocumentFactory(forum=forum, meeting=meeting, access=ForumDocument.Access.DELEGATES)
    forums = client.get("/api/forums/").json()
    assert forums[0]["acronym"] == forum.acronym and "PE" in forums[0]["member_countries"]
    meetings = client.get(f"/api/forums/meetings?forum={forum.pk}").json()
    assert meetings[0]["forum_id"] == forum.pk and meetings[0]["calendar"].endswith(".ics")
    documents = client.get("/api/forums/documents").json()
    assert [d["access"] for d in documents] == ["public"]
    assert client.get("/api/forums/documents?kind=nope").status_code == 400
    assert client.get("/api/forums/commitments?country=PE").json()[0]["id"] == commitment.pk
    assert client.get("/api/forums/commitments?country=XX").status_code == 400
    assert client.get("/api/forums/statuses?status=bogus").status_code == 400
    schema = client.get("/api/openapi.json").json()
    assert {"/api/forums/", "/api/forums/meetings", "/api/forums/statuses",
            "/api/forums/reports/{pk}/transitions"} <= set(schema["paths"])


@pytest.mark.django_db
def test_refused_transition_is_409(client, cycle, countries, commitment, peru_fp):
    from forums import services

    report = services.report_open(cycle=cycle, country=countries[0], by=peru_fp)
    client.force_login(peru_fp)
    response = client.post(f"/api/forums/reports/{report.pk}/transitions",
                           {"action": "accept", "version": report.version},
                           content_type="application/json")
    assert response.status_code == 409 and response.json()["code"] == "transition_refused"
