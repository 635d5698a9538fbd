"""What a project produced, from both sides: the working page that links and unlinks
activities (through the service the API uses), and "Part of these projects" on the activities'
own pages (course, webinar, exchange, experience, forum meeting) through cms' related slot."""

import json

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.template import Context, Template
from django.test import Client
from django.test.utils import CaptureQueriesContext

import pytest

from projects.models import ActivityLink
from tests.factories import AgencyFactory, UserFactory, focal_point_for
from tests.factories.courses import (
    CourseIndexPageFactory,
    CoursePageFactory,
    WebinarIndexPageFactory,
    WebinarPageFactory,
)
from tests.factories.projects import ProjectFactory, ProjectPageFactory

pytestmark = pytest.mark.django_db

COURSE_KIND = "courses.coursepage"


@pytest.fixture
def project(indexes):
    """A project with live pages in English and Spanish (not French nor Portuguese)."""
    project = ProjectFactory(code="2026-care-1")
    english = ProjectPageFactory(parent=indexes["en"], project=project, slug="care",
                                 title="Care systems (en)")
    ProjectPageFactory(parent=indexes["es"], project=project, slug="care",
                       title="Sistemas de cuidados (es)",
                       translation_key=english.translation_key)
    project.lead = focal_point_for(project.lead_agency)
    return project


@pytest.fixture
def courses(home_pages):
    """A live course in English and its Spanish and French translations."""
    catalogue = CourseIndexPageFactory(parent=home_pages["en"])
    english = CoursePageFactory(parent=catalogue, slug="care-course", title="Care course")
    pages = {"en": english}
    for code in ("es", "fr"):
        index = CourseIndexPageFactory(parent=home_pages[code],
                                       translation_key=catalogue.translation_key)
        pages[code] = CoursePageFactory(parent=index, slug="care-course",
                                        title=f"Care course ({code})",
                                        translation_key=english.translation_key)
    return pages


def _link(project, target):
    return ActivityLink.objects.create(
        project=project, content_type=ContentType.objects.get_for_model(target),
        object_id=target.pk)


def _activities_url(project):
    return f"/en/projects/workspace/{project.code}/activities/"


def test_the_lead_links_a_course_with_the_form_and_both_pages_show_it(project, courses):
    client = Client()
    client.force_login(project.lead)
    page = client.get(_activities_url(project), {"kind": COURSE_KIND})
    assert page.status_code == 200
    html = page.content.decode()
    # Each course once, in the reader's language: not its Spanish and French translations.
    assert f'value="{courses["en"].pk}"' in html and "Care course (es)" not in html
    response = client.post(_activities_url(project),
                           {"kind": COURSE_KIND, "item": courses["es"].pk})
    assert response.status_code == 302
    assert ActivityLink.objects.get().object_id == courses["es"].pk
    project_page = Client().get("/en/projects/care/").content.decode()
    assert "Care course" in project_page
    # The course's pages in every language show the project (linked through any translation).
    english = Client().get(courses["en"].url).content.decode()
    assert "Part of these projects" in english and "Care systems (en)" in english
    spanish = Client().get(courses["es"].url).content.decode()
    assert '<a href="/es/projects/care/">Sistemas de cuidados (es)</a>' in spanish
    assert "Forma parte de estos proyectos" in spanish
    # No French page of the project: the English one, marked as English for screen readers.
    french = Client().get(courses["fr"].url).content.decode()
    assert '<a href="/en/projects/care/" lang="en" hreflang="en">Care systems (en)</a>' in french
    # Linked now, it is no longer offered.
    again = client.get(_activities_url(project), {"kind": COURSE_KIND}).content.decode()
    assert f'value="{courses["en"].pk}"' not in again and "Care course" in again


def test_the_secretariat_links_and_unlinks(project, courses, secretariat):
    client = Client()
    client.force_login(secretariat)
    client.post(_activities_url(project), {"kind": COURSE_KIND, "item": courses["en"].pk})
    link = ActivityLink.objects.get()
    response = client.post(f"{_activities_url(project)}{link.pk}/unlink/")
    assert response.status_code == 302 and not ActivityLink.objects.exists()
    assert "Part of these projects" not in Client().get(courses["en"].url).content.decode()


@pytest.mark.parametrize("who", ["learner", "other_focal_point", "editor"])
def test_people_without_rights_get_403_and_nothing_changes(who, project, courses, learner,
                                                          editor):
    person = {"learner": learner, "editor": editor,
              "other_focal_point": focal_point_for(AgencyFactory())}[who]
    link = _link(project, courses["en"])
    client = Client()
    client.force_login(person)
    assert client.get(_activities_url(project)).status_code == 403
    assert client.post(_activities_url(project), {"kind": COURSE_KIND,
                                                   "item": courses["fr"].pk}).status_code == 403
    assert client.post(f"{_activities_url(project)}{link.pk}/unlink/").status_code == 403
    assert list(ActivityLink.objects.values_list("pk", flat=True)) == [link.pk]
    anonymous = Client().post(_activities_url(project), {"kind": COURSE_KIND,
                                                        "item": courses["fr"].pk})
    assert anonymous.status_code == 302 and ActivityLink.objects.count() == 1


def test_a_duplicate_is_refused_with_a_clear_message(project, courses):
    _link(project, courses["en"])
    client = Client()
    client.force_login(project.lead)
    # The same course through its French translation is the same course.
    response = client.post(_activities_url(project),
                           {"kind": COURSE_KIND, "item": courses["fr"].pk})
    assert response.status_code == 400
    assert "“Care course (fr)” is already linked to this project." in response.content.decode()
    assert ActivityLink.objects.count() == 1
    api = client.post(f"/api/projects/{project.code}/activities",
                      json.dumps({"kind": COURSE_KIND, "id": courses["en"].pk}),
                      content_type="application/json")
    assert api.status_code == 409 and api.json()["code"] == "duplicate"
    assert ActivityLink.objects.count() == 1


def test_only_items_the_person_may_see_are_linked(project, courses, secretariat):
    from tests.factories.exchanges import ExchangeRequestFactory

    draft_course = courses["en"]
    type(draft_course).objects.filter(pk=draft_course.pk).update(live=False)
    strangers = ExchangeRequestFactory(title="Someone else's request")  # a draft
    own = ExchangeRequestFactory(title="Our own request", requesting_agency=project.lead_agency)
    client = Client()
    client.force_login(project.lead)
    html = client.get(_activities_url(project),
                      {"kind": "exchanges.exchangerequest"}).content.decode()
    assert "Our own request" in html and "Someone else" not in html
    for kind, item in ((COURSE_KIND, draft_course.pk),
                       ("exchanges.exchangerequest", strangers.pk)):
        response = client.post(_activities_url(project), {"kind": kind, "item": item})
        assert response.status_code == 400
        assert "No such item among those you may link." in response.content.decode()
    assert not ActivityLink.objects.exists()
    assert client.post(_activities_url(project), {"kind": "exchanges.exchangerequest",
                                                  "item": own.pk}).status_code == 302
    # The secretariat links a course not published yet; it shows once it is live.
    secretary = Client()
    secretary.force_login(secretariat)
    assert secretary.post(_activities_url(project), {"kind": COURSE_KIND,
                                                     "item": draft_course.pk}).status_code == 302
    # The lead sees the exchange's title; the unpublished course is not theirs to open.
    listing = client.get(_activities_url(project)).content.decode()
    assert "Our own request" in listing and "An item you may not open" in listing


def test_bad_input_is_a_400_and_changes_nothing(project):
    client = Client()
    client.force_login(project.lead)
    for data in ({"kind": COURSE_KIND, "item": "x"}, {"kind": "accounts.user", "item": 1},
                 {"kind": COURSE_KIND, "item": 2**70}, {}):
        assert client.post(_activities_url(project), data).status_code == 400
    assert client.get(_activities_url(project), {"kind": "nonsense"}).status_code == 200
    for item in (0, -1, 2**70):
        api = client.post(f"/api/projects/{project.code}/activities",
                          json.dumps({"kind": COURSE_KIND, "id": item}),
                          content_type="application/json")
        assert api.status_code == 422 and api.json()["code"] == "not_found"
    assert not ActivityLink.objects.exists()


def test_the_working_space_links_to_the_activities_page(project):
    client = Client()
    client.force_login(project.lead)
    html = client.get(f"/en/projects/workspace/{project.code}/").content.decode()
    assert _activities_url(project) in html


def test_activities_page_queries_stay_constant(project, courses, secretariat,
                                               django_assert_max_num_queries):
    from tests.factories.exchanges import ExchangeRequestFactory

    client = Client()
    client.force_login(secretariat)
    _link(project, courses["en"])  # one query per kind linked: both kinds from the start
    _link(project, ExchangeRequestFactory(title="Linked first", state="closed",
                                          publish_summary=True))
    client.get(_activities_url(project))
    with django_assert_max_num_queries(15) as small:
        client.get(_activities_url(project), {"kind": "exchanges.exchangerequest"})
    for n in range(4):
        _link(project, ExchangeRequestFactory(title=f"Linked {n}", state="closed",
                                              publish_summary=True))
        ExchangeRequestFactory(title=f"Free {n}", state="closed", publish_summary=True)
    with django_assert_max_num_queries(15) as large:
        html = client.get(_activities_url(project),
                          {"kind": "exchanges.exchangerequest"}).content.decode()
    assert "Linked 3" in html and "Free 3" in html
    assert len(large.captured_queries) == len(small.captured_queries)


# --- the other side: "Part of these projects" on each kind of page


def _course(home_pages):
    return CoursePageFactory(parent=CourseIndexPageFactory(parent=home_pages["en"]))


def _webinar(home_pages):
    return WebinarPageFactory(parent=WebinarIndexPageFactory(parent=home_pages["en"]))


def _meeting(home_pages):
    from tests.factories.forums import ForumIndexPageFactory, ForumPageFactory, MeetingPageFactory

    forum = ForumPageFactory(parent=ForumIndexPageFactory(parent=home_pages["en"]))
    return MeetingPageFactory(parent=forum)


def _experience(home_pages):
    from tests.factories.experiences import ExperienceIndexPageFactory, ExperiencePageFactory

    page = ExperiencePageFactory(parent=ExperienceIndexPageFactory(parent=home_pages["en"]))
    page.save_revision().publish()
    return page


def _exchange(home_pages):
    from tests.factories.exchanges import ExchangeRequestFactory

    exchange = ExchangeRequestFactory(title="Visit", state="closed", publish_summary=True)
    exchange.url = f"/en/exchanges/completed/{exchange.pk}/"
    return exchange


@pytest.mark.parametrize("make", [_course, _webinar, _meeting, _experience, _exchange])
def test_activity_pages_show_their_public_projects_in_constant_queries(
    make, home_pages, indexes, django_assert_max_num_queries
):
    activity = make(home_pages)
    client = Client()
    assert client.get(activity.url).status_code == 200
    hidden = ProjectPageFactory(parent=indexes["en"], title="Not published", live=False)
    _link(hidden.project, activity)
    client.get(activity.url)  # new pages empty the shell's caches; measure warm
    with django_assert_max_num_queries(15) as none:
        html = client.get(activity.url).content.decode()
    assert "Part of these projects" not in html and "Not published" not in html
    for n in range(3):
        _link(ProjectPageFactory(parent=indexes["en"], title=f"Linked project {n}").project,
              activity)
    client.get(activity.url)  # new pages empty the shell's caches; measure warm
    with django_assert_max_num_queries(15) as several:
        html = client.get(activity.url).content.decode()
    assert "Part of these projects" in html
    assert all(f"Linked project {n}" in html for n in range(3))
    assert "Not published" not in html
    assert len(several.captured_queries) == len(none.captured_queries)


def test_the_related_slot_asks_nothing_when_no_slot_is_registered(project, monkeypatch):
    from cms.pages import related

    monkeypatch.setattr(related, "_slots", {})
    target = UserFactory()
    with CaptureQueriesContext(connection) as queries:
        html = Template("{% load related_tags %}{% related_content obj %}").render(
            Context({"obj": target}))
    assert html == "" and len(queries) == 0


def test_the_projects_slot_costs_one_query_then_none(project):
    from django.core.cache import cache

    target = UserFactory()
    _link(project, target)
    ContentType.objects.clear_cache()
    template = Template("{% load related_tags %}{% related_content obj %}")
    template.render(Context({"obj": target}))  # the site's root paths for the links, cached
    cache.clear()  # the projects' pages computed again, the root paths with them
    template.render(Context({"obj": target}))
    with CaptureQueriesContext(connection) as queries:
        html = template.render(Context({"obj": target}))
    assert "Care systems (en)" in html and len(queries) == 0


def test_a_new_link_shows_on_the_next_request_although_the_block_is_cached(project, courses):
    client = Client()
    assert "Part of these projects" not in client.get(courses["en"].url).content.decode()
    _link(project, courses["en"])  # a projects row alone: the page tree is unchanged
    assert "Care systems (en)" in client.get(courses["en"].url).content.decode()


def test_an_unpublished_project_page_leaves_the_cached_block_on_the_next_request(
    project, courses
):
    from projects.models import ProjectPage

    _link(project, courses["en"])
    client = Client()
    assert "Care systems (en)" in client.get(courses["en"].url).content.decode()
    english = ProjectPage.objects.get(title="Care systems (en)")
    english.unpublish()  # the page tree alone: no projects row changes
    html = client.get(courses["en"].url).content.decode()
    assert "Care systems (en)" not in html and "Sistemas de cuidados (es)" in html
