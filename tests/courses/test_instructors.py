"""Instructors edit their own course (its modules, lessons and quizzes) in the Wagtail admin and
submit it for review; nothing else. The access follows the course's instructors field."""

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from cms.accounts import roles
from courses.models import CourseInstructorGroup, LessonPage, ModulePage
from tests.factories import UserFactory
from tests.factories.courses import CoursePageFactory, LessonPageFactory, ModulePageFactory


def appoint(course, *people):
    course.instructors.add(*people)
    course.save_revision().publish()


def dismiss(course, person):
    course.instructors.remove(person)
    course.save_revision().publish()


def lesson_form(lesson, *, title, body="<p>Revised content.</p>", action=None):
    data = nested_form_data({
        "title": title,
        "slug": lesson.slug,
        "intro": lesson.intro,
        "estimated_minutes": lesson.estimated_minutes,
        "required": "on",
        "body": streamfield([("paragraph", rich_text(body))]),
    })
    if action:
        data[action] = "1"
    return data


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


@pytest.fixture
def taught(course, instructor):
    appoint(course, instructor)
    return course


@pytest.fixture
def other_course(catalogue):
    course = CoursePageFactory(parent=catalogue, slug="labour-inspection")
    module = ModulePageFactory(parent=course, title="Inspection basics")
    LessonPageFactory(parent=module, title="Planning visits", slug="planning")
    return course


@pytest.fixture
def other_instructor(other_course):
    person = UserFactory(roles=[roles.INSTRUCTOR])
    appoint(other_course, person)
    return person


def test_appointing_an_instructor_fills_the_course_group(taught, instructor):
    link = CourseInstructorGroup.objects.get(course=taught)
    assert list(link.group.user_set.all()) == [instructor]
    permissions = set(link.group.page_permissions.values_list("permission__codename", "page"))
    assert permissions == {("add_page", taught.pk), ("change_page", taught.pk)}


def test_instructor_edits_and_saves_their_lesson(client, taught, lessons, instructor):
    lesson = lessons[1]
    client.force_login(instructor)
    assert client.get(edit_url(lesson)).status_code == 200
    response = client.post(edit_url(lesson), lesson_form(lesson, title="Who is still left out"))
    assert response.status_code == 302, response.content.decode()[:2000]
    lesson.refresh_from_db()
    assert lesson.has_unpublished_changes
    draft = lesson.get_latest_revision_as_object()
    assert draft.title == "Who is still left out"
    assert "Revised content." in str(draft.body)
    # A draft: the live lesson is unchanged until an editor approves it.
    assert LessonPage.objects.get(pk=lesson.pk).title == "Who is left out"


def test_instructor_adds_a_lesson_to_their_course(client, taught, instructor):
    module = ModulePage.objects.child_of(taught).first()
    client.force_login(instructor)
    url = reverse("wagtailadmin_pages:add", args=["courses", "lessonpage", module.pk])
    assert client.get(url).status_code == 200
    data = nested_form_data({
        "title": "Costing a care system", "slug": "costing", "intro": "",
        "estimated_minutes": 30, "required": "on",
        "body": streamfield([("paragraph", rich_text("<p>Unit costs.</p>"))]),
    })
    assert client.post(url, data).status_code == 302
    assert LessonPage.objects.child_of(module).filter(slug="costing").exists()


def test_instructor_submits_for_review_and_an_editor_approves(
    client, taught, lessons, instructor, editor
):
    lesson = lessons[1]
    client.force_login(instructor)
    client.post(
        edit_url(lesson), lesson_form(lesson, title="Reviewed title", action="action-submit")
    )
    lesson.refresh_from_db()
    state = lesson.current_workflow_state
    assert state is not None and state.workflow.name == "Course review"
    task_state = state.current_task_state
    # Only editors and the secretariat approve; the instructor cannot publish.
    assert not lesson.permissions_for_user(instructor).can_publish()
    assert task_state.task.specific.get_actions(lesson, instructor) == []
    client.force_login(editor)
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[lesson.pk, "approve", task_state.pk]
    )
    assert client.post(url, {"comment": ""}).status_code in (200, 302)
    assert LessonPage.objects.get(pk=lesson.pk).title == "Reviewed title"


def test_instructor_cannot_publish_directly(client, taught, lessons, instructor):
    lesson = lessons[1]
    client.force_login(instructor)
    client.post(edit_url(lesson), lesson_form(lesson, title="Sneaky", action="action-publish"))
    assert LessonPage.objects.get(pk=lesson.pk).title == "Who is left out"


def test_instructor_of_another_course_is_refused(
    client, taught, lessons, other_course, other_instructor
):
    lesson = lessons[1]
    client.force_login(other_instructor)
    response = client.get(edit_url(lesson))
    assert response.status_code in (302, 403)
    response = client.post(edit_url(lesson), lesson_form(lesson, title="Hijacked"))
    assert response.status_code in (302, 403)
    assert LessonPage.objects.get(pk=lesson.pk).title == "Who is left out"
    assert not lesson.get_latest_revision_as_object().title == "Hijacked"
    # The explorer shows their own course, never this one.
    own = client.get(reverse("wagtailadmin_explore", args=[other_course.pk]))
    assert own.status_code == 200 and "Inspection basics" in own.content.decode()
    foreign = client.get(reverse("wagtailadmin_explore", args=[taught.pk]), follow=True)
    assert "Foundations" not in foreign.content.decode()
    assert b"Why social protection" not in client.get(
        reverse("wagtailadmin_explore", args=[lesson.get_parent().pk]), follow=True
    ).content


def test_instructor_cannot_edit_the_catalogue_or_other_pages(client, taught, catalogue,
                                                             home_page, instructor):
    client.force_login(instructor)
    for page in (catalogue, home_page):
        assert client.get(edit_url(page)).status_code in (302, 403)
    add_course = reverse("wagtailadmin_pages:add", args=["courses", "coursepage", catalogue.pk])
    assert client.get(add_course).status_code in (302, 403)


def test_instructor_cannot_choose_instructors(client, taught, instructor, editor):
    client.force_login(instructor)
    html = client.get(edit_url(taught)).content.decode()
    assert 'name="instructors"' not in html
    client.force_login(editor)
    assert 'name="instructors"' in client.get(edit_url(taught)).content.decode()


def test_dismissal_removes_access_at_once(client, taught, lessons, instructor):
    client.force_login(instructor)
    assert client.get(edit_url(lessons[1])).status_code == 200
    dismiss(taught, instructor)
    assert not CourseInstructorGroup.objects.get(course=taught).group.user_set.exists()
    assert client.get(edit_url(lessons[1])).status_code in (302, 403)
    assert not lessons[1].permissions_for_user(instructor).can_edit()


def test_a_listed_person_without_the_instructor_role_gets_no_admin(client, course, learner,
                                                                   lessons):
    appoint(course, learner)
    client.force_login(learner)
    assert client.get(edit_url(lessons[1])).status_code in (302, 403)


def test_deleting_the_course_deletes_its_group(taught):
    group_id = CourseInstructorGroup.objects.get(course=taught).group_id
    Page.objects.get(pk=taught.pk).delete()
    assert not Group.objects.filter(pk=group_id).exists()


def test_public_site_still_hides_lessons_from_outsiders(client, taught, lessons, learner):
    client.force_login(learner)
    html = client.get(lessons[1].url).content.decode()
    assert "Secret lesson content" not in html
    client.logout()
    assert "Secret lesson content" not in client.get(lessons[1].url).content.decode()
