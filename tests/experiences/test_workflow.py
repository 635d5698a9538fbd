"""Drafting by focal points, review by the Secretariat, through the Wagtail admin."""

import datetime

from django.urls import reverse

from wagtail.models import Workflow, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from experiences import services
from experiences.models import ExperiencePage
from tests.factories import AgencyFactory
from tests.factories.experiences import ExperiencePageFactory


@pytest.fixture
def library(libraries):
    services.library_protect(libraries["en"])
    return libraries["en"]


def _form(agency, action=None, **overrides):
    data = nested_form_data(
        {
            "title": "Registro social de hogares",
            "slug": "registro-social",
            "summary": "Focalizar transferencias con un registro social.",
            "country": agency.country_id,
            "agency": agency.pk,
            "start_year": 2019,
            "original_language": "es",
            "problem": rich_text("<p>Errores de inclusión.</p>"),
            "actions": rich_text("<p>Un registro único.</p>"),
            "results": rich_text(""),
            "lessons": rich_text(""),
            "enabling_factors": rich_text(""),
            "replicability": rich_text(""),
            "contacts": rich_text(""),
            "attachments": streamfield([]),
            "related_pages": streamfield([]),
            **overrides,
        }
    )
    if action:
        data[action] = "1"
    return data


def _add_url(library):
    return reverse("wagtailadmin_pages:add", args=("experiences", "experiencepage", library.pk))


def test_migration_created_the_review_workflow(db):
    wf = Workflow.objects.get(name=services.WORKFLOW_NAME)
    (task,) = [t.specific for t in wf.tasks]
    assert [g.name for g in task.groups.all()] == ["Secretariat"]


def test_focal_point_drafts_for_own_agency_and_submits_for_review(
    client, library, focal_point, agency
):
    client.force_login(focal_point)
    response = client.post(_add_url(library), _form(agency, "action-submit"))
    assert response.status_code == 302, response.content[:2000]
    page = ExperiencePage.objects.get(slug="registro-social")
    assert not page.live
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == services.WORKFLOW_NAME


def test_focal_point_cannot_draft_for_another_agency(client, library, focal_point):
    client.force_login(focal_point)
    other = AgencyFactory()
    response = client.post(_add_url(library), _form(other))
    assert response.status_code == 200
    assert not ExperiencePage.objects.filter(slug="registro-social").exists()


def test_focal_point_cannot_publish_directly(client, library, focal_point, agency):
    client.force_login(focal_point)
    client.post(_add_url(library), _form(agency, "action-publish"))
    assert not ExperiencePage.objects.filter(slug="registro-social", live=True).exists()


def test_editor_cannot_publish_but_secretariat_can(client, library, editor, secretariat, agency):
    client.force_login(editor)
    client.post(_add_url(library), _form(agency, "action-publish"))
    assert not ExperiencePage.objects.filter(live=True).exists()
    client.force_login(secretariat)
    response = client.post(_add_url(library), _form(agency, "action-publish"))
    assert response.status_code == 302
    assert ExperiencePage.objects.get(slug="registro-social").live


def test_focal_point_admin_is_limited_to_experiences(client, library, focal_point, home_page):
    client.force_login(focal_point)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    add_standard = reverse("wagtailadmin_pages:add", args=("pages", "standardpage", home_page.pk))
    assert client.get(add_standard).status_code in (302, 403)
    assert client.get(_add_url(library)).status_code == 200


def test_outdated_report_lists_unverified_experiences_for_editors(
    client, publish, editor, focal_point
):
    old = publish(title="Old one", last_verified=datetime.date(2020, 1, 1))
    fresh = publish(title="Fresh one", last_verified=datetime.date.today())
    assert old.may_be_outdated and not fresh.may_be_outdated
    client.force_login(editor)
    response = client.get(reverse("outdated_experiences"))
    assert response.status_code == 200
    assert [p.pk for p in response.context["pages"]] == [old.pk]
    client.force_login(focal_point)
    assert client.get(reverse("outdated_experiences")).status_code in (302, 403)


def test_outdated_notice_on_the_page(client, publish):
    page = publish(title="Stale", last_verified=datetime.date(2019, 5, 1))
    response = client.get(page.url)
    assert "May be out of date" in response.content.decode()


def test_experience_page_shows_related_experiences(
    client, publish, cash_transfers, django_assert_max_num_queries
):
    a = publish(title="Cash transfer targeting", themes=[cash_transfers])
    b = publish(title="Cash transfer payments", themes=[cash_transfers])
    # Wagtail's own routing of a page four levels deep and the shared header take 14 queries;
    # the experience adds 7-9 (agency, themes, groups, related: four with the weights of its
    # words, plus computing the tsquery on PostgreSQL), however many experiences relate; and, on
    # this first (cold) request, one for "Part of these projects", kept afterwards.
    with django_assert_max_num_queries(23):
        response = client.get(a.url)
    assert response.status_code == 200
    assert [m.page_id for m in response.context["related"]] == [b.pk]
    for n in range(6):
        publish(title=f"Cash transfer variant {n}", themes=[cash_transfers])
    with django_assert_max_num_queries(23):
        response = client.get(a.url)
    assert len(response.context["related"]) == 4


def test_related_experiences_are_kept_until_the_index_changes(
    client, publish, cash_transfers, monkeypatch
):
    from search.engines.database import DatabaseEngine

    a = publish(title="Cash transfer targeting", themes=[cash_transfers])
    publish(title="Cash transfer payments", themes=[cash_transfers])
    asked = []
    similar = DatabaseEngine.similar
    monkeypatch.setattr(
        DatabaseEngine, "similar", lambda self, *a, **k: asked.append(1) or similar(self, *a, **k)
    )
    client.get(a.url)
    client.get(a.url)
    assert len(asked) == 1
    c = publish(title="Cash transfer delivery", themes=[cash_transfers])
    response = client.get(a.url)
    assert len(asked) == 2
    assert c.pk in [m.page_id for m in response.context["related"]]


def test_end_year_before_start_is_refused(library, agency):
    page = ExperiencePageFactory.build(agency=agency, start_year=2020, end_year=2010)
    with pytest.raises(Exception, match="end year"):
        page.full_clean()


def test_related_experiences_in_another_language_are_marked(client, publish, cash_transfers):
    """Issue 17.12: a related experience's title in another language carries its ``lang``."""
    page = publish(title="Cash transfer targeting", themes=[cash_transfers])
    publish("es", title="Transferencias en Cusco", themes=[cash_transfers])
    publish(title="Cash transfer payments", themes=[cash_transfers])
    html = client.get(page.url).content.decode()
    assert 'lang="es">Transferencias en Cusco</a>' in html
    assert '">Cash transfer payments</a>' in html and 'lang="en">Cash' not in html
