"""What projects gives the shared registries: rooms, country profiles, datasets, networks,
the linked-projects tag; and the admin's organisation filters."""

from django.template import Context, Template

import pytest

from rooms import parents
from tests.factories import AgencyFactory, NetworkFactory, UserFactory, focal_point_for
from tests.projects.builders import published_project

pytestmark = pytest.mark.django_db


def test_room_policy_admits_the_project_agencies_and_the_secretariat(indexes, learner,
                                                                    secretariat):
    project = published_project(indexes, n=1)
    policy = parents.policy_for(project)
    assert policy.kind == "project"
    assert policy.may_post(project.lead, project)
    assert not policy.may_post(focal_point_for(AgencyFactory()), project)
    assert not policy.may_read(learner, project)
    assert policy.may_moderate(secretariat, project)
    readable = parents.readable_ids(project.lead, type(project), [project.pk])
    assert readable == {project.pk}
    assert parents.readable_ids(learner, type(project), [project.pk]) == set()


def test_country_section_datasets_and_network_source(indexes, client):
    from countries import sections
    from networks import activity
    from opendata import datasets

    project = published_project(indexes, n=1)
    country = project.countries.first()
    section = next(s for s in sections.registered() if s.key == "projects")
    assert [p.project_id for p in section.context(country, None)["pages"]] == [project.pk]
    assert section.headline([country]) == {country.pk: 1}

    for slug in ("projects", "project-budgets", "project-indicators"):
        dataset = datasets.get(slug)
        rows = list(dataset.rows())
        assert rows and all(len(row) == len(dataset.columns) for row in rows)
        text = repr(rows)
        assert "@" not in text  # no email addresses, no people

    source = next(s for s in activity.registered() if s.key == "projects")
    network = NetworkFactory(members=[project.lead_agency])
    items = source.items(network, [project.lead_agency_id], 5)
    assert [i["date"] for i in items] == [project.planned_start]
    rows = source.yearly(network, [project.lead_agency_id])
    assert {row["year"]: row["n"] for row in rows} == {2026: 1}
    assert source.items(network, [AgencyFactory().pk], 5) == []


def test_linked_projects_tag_shows_the_projects_of_an_activity(indexes):
    from django.contrib.contenttypes.models import ContentType

    from projects.models import ActivityLink

    project = published_project(indexes, n=1)
    other = UserFactory()  # any model instance stands for an activity here
    ActivityLink.objects.create(project=project,
                                content_type=ContentType.objects.get_for_model(other),
                                object_id=other.pk)
    html = Template("{% load projects_tags %}{% linked_projects obj %}").render(
        Context({"obj": other}))
    assert "Labour inspection 1 (en)" in html
    assert Template("{% load projects_tags %}{% linked_projects obj %}").render(
        Context({"obj": None})).strip() == ""


def test_admin_organisations_filter(client, editor):
    from tests.factories.projects import OrganisationFactory

    OrganisationFactory(name_en="Banco Alfa", org_type="40")
    OrganisationFactory(name_en="Fundación Beta", org_type="60")
    client.force_login(editor)
    html = client.get("/admin/snippets/projects/organisation/", {"org_type": "40"}).content
    assert b"Banco Alfa" in html and b"Fundaci\xc3\xb3n Beta" not in html
