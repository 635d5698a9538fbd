"""Issue 17 point 7 (learning): the course page links the rooms of the cohorts the person may
read, the webinar page its room, at a constant number of queries."""

import pytest

from courses import services
from courses.webinars import services as webinar_services
from rooms.services import room_for_parent
from tests.factories import UserFactory
from tests.factories.courses import CohortFactory

pytestmark = pytest.mark.django_db


def test_course_page_links_the_rooms_of_the_learners_cohorts_only(
    client, course, cohort, learner, secretariat, django_assert_max_num_queries
):
    room = room_for_parent(parent=cohort)
    other_room = room_for_parent(parent=CohortFactory(course=course, title="June 2026"))
    client.force_login(learner)
    assert f'href="{room.get_absolute_url()}"' not in client.get(course.url).content.decode()
    services.enrolment_create(user=learner, cohort=cohort)
    html = client.get(course.url).content.decode()
    assert f'href="{room.get_absolute_url()}"' in html
    assert f'href="{other_room.get_absolute_url()}"' not in html
    assert f"<span lang=\"{room.language}\">{room.title}</span>" in html, room.title

    # Many more cohorts with rooms: the page stays within budget, for the learner (one room)
    # and for the secretariat (who reads every cohort's room).
    for n in range(6):
        room_for_parent(parent=CohortFactory(course=course, title=f"Cohort {n}"))
    client.get(course.url)  # warm the shell's caches
    with django_assert_max_num_queries(15):
        html = client.get(course.url).content.decode()
    assert html.count("Discussion room:") == 1
    client.force_login(secretariat)
    client.get(course.url)
    with django_assert_max_num_queries(15):
        html = client.get(course.url).content.decode()
    assert html.count("Discussion room:") == 8

def test_webinar_page_links_its_room_for_registered_people(client, webinar, learner):
    room = room_for_parent(parent=webinar)
    link = f'href="{room.get_absolute_url()}"'
    client.force_login(UserFactory())
    assert link not in client.get(webinar.url).content.decode()
    client.logout()
    assert link not in client.get(webinar.url).content.decode()
    webinar_services.registration_create(user=learner, webinar=webinar)
    client.force_login(learner)
    assert link in client.get(webinar.url).content.decode()
