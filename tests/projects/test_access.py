"""Deny by default: who reaches which page, form, API call and admin screen."""

import json

import pytest

from tests.factories import AgencyFactory, focal_point_for
from tests.factories.projects import proposal_in
from tests.projects.builders import published_project

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "learner", "other_focal_point", "own_focal_point", "editor", "secretariat"]


@pytest.fixture
def world(indexes, learner, editor, secretariat):
    project = published_project(indexes, n=1, secretariat=secretariat)
    proposal = proposal_in("submitted", agency=project.lead_agency, proposer=project.lead)
    people = {
        "anonymous": None,
        "learner": learner,
        "other_focal_point": focal_point_for(AgencyFactory()),
        "own_focal_point": project.lead,
        "editor": editor,
        "secretariat": secretariat,
    }
    return {"project": project, "proposal": proposal, "report": project.reports.get(),
            "people": people}


def _as(client, person):
    if person is not None:
        client.force_login(person)
    return client


# expected status per role, in ROLES order (302 = sent to sign in)
PAGES = {
    "list": ("/en/projects/", [200, 200, 200, 200, 200, 200]),
    "project": ("/en/projects/labour-1/", [200, 200, 200, 200, 200, 200]),
    "proposals": ("/en/projects/proposals/", [302, 403, 200, 200, 403, 200]),
    "proposal_new": ("/en/projects/proposals/new/", [302, 403, 200, 200, 403, 403]),
    "proposal": ("/en/projects/proposals/{proposal}/", [302, 403, 403, 200, 403, 200]),
    "proposal_edit": ("/en/projects/proposals/{proposal}/edit/",
                      [302, 403, 403, 403, 403, 403]),  # submitted: nobody edits
    "workspace": ("/en/projects/workspace/{code}/", [302, 403, 403, 200, 403, 200]),
    "report_new": ("/en/projects/workspace/{code}/reports/new/",
                   [302, 403, 403, 200, 403, 403]),
    "report": ("/en/projects/reports/{report}/", [302, 403, 403, 200, 403, 200]),
    "admin_organisations": ("/admin/snippets/projects/organisation/",
                            [302, 302, 302, 302, 200, 200]),
    "admin_projects": ("/admin/snippets/projects/project/", [302, 302, 302, 302, 200, 200]),
}


@pytest.mark.parametrize("name", PAGES)
def test_role_path_matrix(world, client, name):
    template, expected = PAGES[name]
    path = template.format(proposal=world["proposal"].pk, code=world["project"].code,
                           report=world["report"].pk)
    got = []
    for role in ROLES:
        client.logout()
        got.append(_as(client, world["people"][role]).get(path).status_code)
    assert got == expected, f"{path}: {dict(zip(ROLES, got, strict=True))}"


API = {
    # (method, path, body) → expected per role; 401 = not signed in, 404 = not theirs
    "proposal_transition": ("/api/projects/proposals/{proposal}/transitions",
                            {"action": "start_review"}, [401, 404, 404, 409, 404, 200]),
    "project_transition": ("/api/projects/{code}/transitions",
                           {"action": "complete"}, [401, 404, 404, 200, 404, 409]),
    "report_transition": ("/api/projects/reports/{report}/transitions",
                          {"action": "accept"}, [401, 404, 404, 409, 404, 409]),
}


@pytest.mark.parametrize("name", API)
def test_api_actions_matrix(world, name):
    from django.test import Client

    template, body, expected = API[name]
    path = template.format(proposal=world["proposal"].pk, code=world["project"].code,
                           report=world["report"].pk)
    got = []
    for role in ROLES:
        client = _as(Client(), world["people"][role])
        obj = {"proposal_transition": world["proposal"], "project_transition": world["project"],
               "report_transition": world["report"]}[name]
        obj.refresh_from_db()
        response = client.post(path, json.dumps({**body, "version": obj.version}),
                               content_type="application/json")
        got.append(response.status_code)
        if response.status_code == 409:
            assert set(response.json()) == {"code", "message"}
    assert got == expected, f"{path}: {dict(zip(ROLES, got, strict=True))}"


def test_public_api_lists_only_published_projects(world, client):
    from tests.factories.projects import ProjectFactory

    ProjectFactory(code="draft-only")
    codes = [p["code"] for p in client.get("/api/projects/").json()]
    assert codes == [world["project"].code]
    assert client.get("/api/projects/draft-only").status_code == 404
    detail = client.get(f"/api/projects/{world['project'].code}").json()
    assert {b["currency"] for b in detail["budget"]} == {"USD", "EUR", "CLP"}
    assert set(detail["titles"]) == {"en", "es", "fr", "pt"}
    assert client.get("/api/projects/", {"modality": "nonsense"}).status_code == 422


def test_data_downloads(world, client):
    response = client.get("/api/projects/data/budgets.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff") and "12345.67" in text
    rows = client.get("/api/projects/data/indicators.json").json()
    assert rows[0]["actual"] == "40.00" and rows[0]["target"] == "100.00"
    assert client.get("/api/projects/data/people.json").status_code == 404
    schema = client.get("/api/openapi.json").json()
    assert "/api/projects/iati.xml" in schema["paths"]


def test_linking_an_activity_through_the_api(world):
    from django.test import Client

    from projects.models import ActivityLink

    project = world["project"]
    exchange_owner = world["people"]["learner"]
    body = json.dumps({"kind": "accounts.user", "id": exchange_owner.pk})
    lead = _as(Client(), world["people"]["own_focal_point"])
    response = lead.post(f"/api/projects/{project.code}/activities", body,
                         content_type="application/json")
    assert response.status_code == 422  # people are not activities
    outsider = _as(Client(), world["people"]["other_focal_point"])
    from tests.factories.projects import ProjectFactory

    other = ProjectFactory()
    ok = json.dumps({"kind": "courses.coursepage", "id": 999999})
    assert outsider.post(f"/api/projects/{project.code}/activities", ok,
                         content_type="application/json").status_code == 404
    assert lead.post(f"/api/projects/{other.code}/activities", ok,
                     content_type="application/json").status_code == 404
    assert lead.post(f"/api/projects/{project.code}/activities", ok,
                     content_type="application/json").status_code == 422
    assert not ActivityLink.objects.exists()


def test_a_linked_exchange_shows_on_the_project_page_once_public(world, client):
    from django.test import Client

    from tests.factories.exchanges import ExchangeRequestFactory

    project = world["project"]
    exchange = ExchangeRequestFactory(title="Study visit to SUNAFIL",
                                      requesting_agency=project.lead_agency)
    lead = _as(Client(), world["people"]["own_focal_point"])
    body = json.dumps({"kind": "exchanges.exchangerequest", "id": exchange.pk})
    response = lead.post(f"/api/projects/{project.code}/activities", body,
                         content_type="application/json")
    assert response.status_code == 200
    assert "Study visit to SUNAFIL" not in client.get("/en/projects/labour-1/").content.decode()
    type(exchange).objects.filter(pk=exchange.pk).update(state="closed", publish_summary=True)
    assert "Study visit to SUNAFIL" in client.get("/en/projects/labour-1/").content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_the_list_links_concept_notes_only_for_those_who_may_open_them(world, client, role):
    """The link was shown to every signed-in person; a learner or an editor got a 403."""
    html = _as(client, world["people"][role]).get("/en/projects/").content.decode()
    linked = 'href="/en/projects/proposals/"' in html
    status = PAGES["proposals"][1][ROLES.index(role)]
    assert linked == (status == 200), role
