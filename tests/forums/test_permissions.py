"""Role × path matrix: deny by default on pages, files, workspace, API and admin."""

import pytest

from forums.models import CountryReport, Delegation, ForumDocument
from tests.factories.forums import (
    DelegationFactory,
    ForumDocumentFactory,
)

ROLES = ("anonymous", "learner", "other_fp", "own_fp", "editor", "secretariat")


@pytest.fixture
def people(learner, peru_fp, chile_fp, editor, secretariat):
    return {"anonymous": None, "learner": learner, "other_fp": chile_fp, "own_fp": peru_fp,
            "editor": editor, "secretariat": secretariat}


@pytest.fixture
def world(forum, meeting, commitment, cycle, countries, private_root, secretariat):
    from forums import services

    peru = countries[0]
    report = services.report_open(cycle=cycle, country=peru, by=secretariat)
    delegation = DelegationFactory(meeting=meeting, country=peru,
                                   state=Delegation.State.CONFIRMED)
    public = ForumDocumentFactory(forum=forum, meeting=meeting)
    private = ForumDocumentFactory(forum=forum, meeting=meeting,
                                   access=ForumDocument.Access.DELEGATES)
    return {"report": report, "delegation": delegation, "public": public, "private": private}


def _status(client, user, url, method="get", **kwargs):
    client.logout()
    if user is not None:
        client.force_login(user)
    return getattr(client, method)(url, **kwargs).status_code


# expected status by role, in ROLES order (302: to the login page or the admin's own refusal)
MATRIX = [
    ("forum page", lambda w, f, m: f.url, (200, 200, 200, 200, 200, 200)),
    ("meeting page", lambda w, f, m: m.url, (200, 200, 200, 200, 200, 200)),
    ("tracker", lambda w, f, m: "/en/commitments/", (200, 200, 200, 200, 200, 200)),
    ("country matrix", lambda w, f, m: "/en/commitments/countries/PE/", (200,) * 6),
    ("public file", lambda w, f, m: f"/en/forums/documents/{w['public'].pk}/en/", (200,) * 6),
    ("delegates' file", lambda w, f, m: f"/en/forums/documents/{w['private'].pk}/en/",
     (302, 403, 403, 200, 200, 200)),
    ("workspace", lambda w, f, m: "/en/forums/reports/", (302, 403, 200, 200, 403, 200)),
    ("country report", lambda w, f, m: f"/en/forums/reports/{w['report'].pk}/",
     (302, 403, 403, 200, 403, 200)),
    ("delegation", lambda w, f, m: f"/en/forums/delegations/{w['delegation'].pk}/",
     (302, 403, 403, 200, 403, 200)),
    ("participants CSV", lambda w, f, m: f"/en/forums/meetings/{m.pk}/participants.csv",
     (302, 403, 403, 403, 403, 200)),
    ("participants PDF", lambda w, f, m: f"/en/forums/meetings/{m.pk}/participants.pdf",
     (302, 403, 403, 403, 403, 200)),
    ("admin: commitments", lambda w, f, m: "/admin/forum_commitments/",
     (302, 302, 302, 302, 302, 200)),
    ("admin: documents", lambda w, f, m: "/admin/forum_documents/",
     (302, 302, 302, 302, 200, 200)),
    ("admin: reports", lambda w, f, m: "/admin/forum_reports/", (302, 302, 302, 302, 302, 200)),
    ("admin: tags", lambda w, f, m: "/admin/forum_tags/", (302, 302, 302, 302, 200, 200)),
    ("API forums", lambda w, f, m: "/api/forums/", (200,) * 6),
    ("API statuses", lambda w, f, m: "/api/forums/statuses", (200,) * 6),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "url", "expected"), MATRIX, ids=[m[0] for m in MATRIX])
def test_role_path_matrix(client, people, world, forum, meeting, name, url, expected):
    got = tuple(_status(client, people[r], url(world, forum, meeting)) for r in ROLES)
    assert got == expected, dict(zip(ROLES, got, strict=True))


@pytest.mark.django_db
def test_admin_add_is_denied_to_editors_for_commitments(client, editor, secretariat, world):
    client.force_login(editor)
    assert client.get("/admin/forum_commitments/new/").status_code == 302
    client.force_login(secretariat)
    assert client.get("/admin/forum_commitments/new/").status_code == 200
    # Reports are read-only in the admin: their states change through the workflow only.
    assert client.get(f"/admin/forum_reports/edit/{world['report'].pk}/").status_code == 302


@pytest.mark.django_db
def test_api_report_transition_matrix(client, people, world):
    report = world["report"]
    url = f"/api/forums/reports/{report.pk}/transitions"
    body = {"action": "submit", "version": report.version}
    results = {}
    for role in ROLES:
        results[role] = _status(client, people[role], url, "post", data=body,
                                content_type="application/json")
        report.refresh_from_db()
        assert report.state == CountryReport.State.DRAFT or role == "own_fp"
        if report.state != CountryReport.State.DRAFT:
            break
    assert results == {"anonymous": 401, "learner": 404, "other_fp": 404, "own_fp": 200}


@pytest.mark.django_db
def test_delegate_by_email_reads_private_file_and_room(client, world, meeting, countries):
    from rooms.services import room_for_parent
    from tests.factories import UserFactory

    delegate = UserFactory(email="head@example.org")
    world["delegation"].delegates.create(role="head", name="Head", email="head@example.org")
    client.force_login(delegate)
    assert client.get(f"/en/forums/documents/{world['private'].pk}/en/").status_code == 200
    room = room_for_parent(parent=meeting)
    assert client.get(f"/en/rooms/{room.pk}/").status_code == 200


@pytest.mark.django_db
def test_other_country_is_not_in_meeting_room(client, world, meeting, chile_fp, learner):
    from rooms.services import room_for_parent

    room = room_for_parent(parent=meeting)
    for user in (chile_fp, learner):
        client.force_login(user)
        assert client.get(f"/en/rooms/{room.pk}/").status_code in (403, 404)
