import pytest

from courses.models import CoursePage, LessonPage, ModulePage, QuizPage, WebinarPage


@pytest.mark.parametrize("model, parent_fixture", [
    (CoursePage, "catalogue"), (ModulePage, "course"), (WebinarPage, "webinar_index"),
])
def test_editor_opens_the_add_form(client, editor, model, parent_fixture, request):
    parent = request.getfixturevalue(parent_fixture)
    client.force_login(editor)
    url = f"/admin/pages/add/courses/{model._meta.model_name}/{parent.pk}/"
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("model", [LessonPage, QuizPage])
def test_editor_opens_lesson_and_quiz_forms(client, editor, course, model):
    module = ModulePage.objects.child_of(course).first()
    client.force_login(editor)
    url = f"/admin/pages/add/courses/{model._meta.model_name}/{module.pk}/"
    assert client.get(url).status_code == 200


def test_learner_cannot_open_the_admin(client, learner, catalogue):
    client.force_login(learner)
    response = client.get(f"/admin/pages/add/courses/coursepage/{catalogue.pk}/")
    assert response.status_code in (302, 403)


def test_secretariat_sees_learning_menu_and_adds_a_cohort(client, secretariat, course):
    client.force_login(secretariat)
    html = client.get("/admin/").content.decode()
    assert "Learning reports" in html and "Enrolment approvals" in html
    response = client.get("/admin/snippets/courses/cohort/add/")
    assert response.status_code == 200


def test_menu_items_hidden_from_editors(client, editor):
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "Learning reports" not in html
