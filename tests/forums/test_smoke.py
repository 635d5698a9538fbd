import pytest


@pytest.mark.django_db
def test_pages_render(client, forum, meeting, commitment):
    assert client.get(forum.url).status_code == 200
    r = client.get(meeting.url)
    assert r.status_code == 200, r.content[:2000]
    assert client.get("/en/commitments/").status_code == 200
    assert client.get("/en/forums/").status_code == 200
