from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest

from courses import selectors, services
from courses.models import Attempt, Enrolment, LessonProgress
from tests.factories import UserFactory
from tests.factories.courses import CohortFactory, CoursePageFactory, LessonPageFactory

SECRET = "Secret lesson content"


def enrol(user, cohort):
    return services.enrolment_create(user=user, cohort=cohort)


class TestCoursePage:
    def test_anonymous_sees_syllabus_and_login_prompt(self, client, course, cohort):
        response = client.get(course.url)
        html = response.content.decode()
        assert response.status_code == 200
        assert "Who is left out" in html and "Check your understanding" in html
        assert "Log in to enrol." in html

    def test_instructors_and_themes_show_changes_at_once(self, client, course):
        """They are cached: a renamed instructor or theme and a republished page show on the
        next request."""
        from tests.factories import ThemeFactory

        teacher = UserFactory(first_name="Ana", last_name="Rojas")
        theme = ThemeFactory(name_en="Care")
        course.instructors.add(teacher)
        course.themes.add(theme)
        course.save_revision().publish()
        html = client.get(course.url).content.decode()
        assert "Ana Rojas" in html and "Care" in html
        teacher.last_name = "Rojas Pérez"
        teacher.save()
        assert "Ana Rojas Pérez" in client.get(course.url).content.decode()
        theme.name_en = "Care systems"
        theme.save()
        assert "Care systems" in client.get(course.url).content.decode()
        course.themes.clear()
        course.save_revision().publish()
        assert "Care systems" not in client.get(course.url).content.decode()

    def test_learner_enrols_and_withdraws_through_the_page(self, client, course, cohort,
                                                           learner):
        client.force_login(learner)
        response = client.post(reverse("courses:cohort_enrol", args=[cohort.pk]), follow=True)
        assert "Enrolled" in response.content.decode()
        enrolment = Enrolment.objects.get(user=learner)
        assert enrolment.status == "active"
        client.post(reverse("courses:enrolment_withdraw", args=[enrolment.pk]))
        assert Enrolment.objects.get(pk=enrolment.pk).status == "withdrawn"

    def test_refused_enrolment_is_explained_and_changes_nothing(self, client, course, learner):
        closed = CohortFactory(course=course, enrolment_closes_at=timezone.now()
                               - timedelta(hours=1))
        client.force_login(learner)
        response = client.post(reverse("courses:cohort_enrol", args=[closed.pk]), follow=True)
        assert "Enrolment is closed." in response.content.decode()
        assert not Enrolment.objects.exists()

    def test_enrol_requires_post(self, client, cohort, learner):
        client.force_login(learner)
        assert client.get(reverse("courses:cohort_enrol", args=[cohort.pk])).status_code == 405

    def test_cannot_withdraw_someone_elses_enrolment(self, client, cohort, learner):
        enrolment = enrol(learner, cohort)
        client.force_login(UserFactory())
        response = client.post(reverse("courses:enrolment_withdraw", args=[enrolment.pk]))
        assert response.status_code == 404
        assert Enrolment.objects.get(pk=enrolment.pk).status == "active"


    def test_cached_syllabus_follows_publishing_and_each_persons_progress(
        self, client, course, cohort, lessons, learner
    ):
        other = UserFactory()
        for person in (learner, other):
            enrol(person, cohort)
        services.lesson_mark_done(user=learner, lesson=lessons[0])
        done = f'{lessons[0].title}</a> <span class="done">'
        client.force_login(learner)
        assert done in client.get(course.url).content.decode()  # the outline is now cached
        client.force_login(other)
        assert done not in client.get(course.url).content.decode()

        module = lessons[0].get_parent().specific
        added = LessonPageFactory(parent=module, title="Closing the gaps", slug="closing")
        html = client.get(course.url).content.decode()
        assert f'<a href="{added.url}">Closing the gaps</a>' in html
        added.unpublish()
        assert "Closing the gaps" not in client.get(course.url).content.decode()
        module.title = "Foundations, revised"
        module.save_revision().publish()
        assert "Foundations, revised" in client.get(course.url).content.decode()


class TestLessonAccess:
    @pytest.mark.parametrize("who", ["anonymous", "learner", "focal_point", "editor_unrelated"])
    def test_second_lesson_hidden_from_the_unenrolled(self, client, lessons, who, request):
        if who == "editor_unrelated":
            client.force_login(UserFactory())
        elif who != "anonymous":
            client.force_login(request.getfixturevalue(who))
        html = client.get(lessons[1].url).content.decode()
        assert SECRET not in html
        assert "for enrolled learners" in html

    @pytest.mark.parametrize("who", ["anonymous", "learner"])
    def test_first_lesson_is_a_public_preview(self, client, lessons, who, request):
        if who != "anonymous":
            client.force_login(request.getfixturevalue(who))
        assert SECRET in client.get(lessons[0].url).content.decode()

    @pytest.mark.parametrize("who", ["editor", "secretariat"])
    def test_staff_read_every_lesson(self, client, lessons, who, request):
        client.force_login(request.getfixturevalue(who))
        assert SECRET in client.get(lessons[1].url).content.decode()

    def test_course_instructor_reads_but_other_instructors_do_not(self, client, course, lessons,
                                                                  instructor):
        client.force_login(instructor)
        assert SECRET not in client.get(lessons[1].url).content.decode()
        course.instructors.add(instructor)
        course.save_revision().publish()
        assert SECRET in client.get(lessons[1].url).content.decode()

    def test_enrolled_learner_reads_marks_done_and_continues(self, client, course, cohort,
                                                             lessons, learner):
        enrol(learner, cohort)
        client.force_login(learner)
        assert SECRET in client.get(lessons[1].url).content.decode()
        assert Enrolment.objects.get(user=learner).last_lesson_id == lessons[1].pk
        response = client.post(reverse("courses:lesson_done", args=[lessons[1].pk]),
                               HTTP_ACCEPT="application/json")
        assert response.json() == {"done": True}
        assert LessonProgress.objects.filter(user=learner, lesson=lessons[1]).exists()
        html = client.get(course.url).content.decode()
        assert "Continue where you left off" in html
        assert f'class="button" href="{lessons[1].url}"' in html
        assert "1 of 3 done (33%)" in html

    def test_an_enrolment_in_another_course_opens_nothing_here(self, client, catalogue, course,
                                                              lessons, learner):
        """The lesson page reads the course with the learner's enrolment: only this course's."""
        from tests.factories.courses import ModulePageFactory

        other = CoursePageFactory(parent=catalogue, title="Labour inspection")
        enrol(learner, CohortFactory(course=other))
        LessonPageFactory(parent=ModulePageFactory(parent=other))
        client.force_login(learner)
        response = client.get(lessons[1].url)
        assert SECRET not in response.content.decode()
        assert response.context["course"].pk == course.pk and not response.context["may_read"]

    def test_waitlisted_learner_cannot_read_or_mark(self, client, course, lessons):
        cohort = CohortFactory(course=course, capacity=0)
        learner = UserFactory()
        assert enrol(learner, cohort).status == "waitlisted"
        client.force_login(learner)
        assert SECRET not in client.get(lessons[1].url).content.decode()
        response = client.post(reverse("courses:lesson_done", args=[lessons[1].pk]),
                               HTTP_ACCEPT="application/json")
        assert response.status_code == 403
        assert not LessonProgress.objects.exists()


def correct_answers(quiz):
    return {f"q-{q['id']}": [str(c["index"]) for c in q["choices"] if c["correct"]]
            for q in quiz.question_list()}


class TestQuiz:
    @pytest.fixture
    def enrolled(self, client, cohort, learner):
        enrol(learner, cohort)
        client.force_login(learner)
        return learner

    def test_answers_never_reach_the_browser_before_grading(self, client, quiz, enrolled):
        client.post(reverse("courses:quiz_start", args=[quiz.pk]))
        html = client.get(quiz.url).content.decode()
        assert "Which body runs the department?" in html
        assert "correct" not in html.lower()
        assert 'type="radio"' in html and 'type="checkbox"' in html

    def test_pass_then_resubmit_is_refused(self, client, quiz, enrolled):
        client.post(reverse("courses:quiz_start", args=[quiz.pk]))
        attempt = Attempt.objects.get(user=enrolled)
        url = reverse("courses:attempt_submit", args=[attempt.pk])
        response = client.post(url, correct_answers(quiz), follow=True)
        assert "You passed with 100%." in response.content.decode()
        again = client.post(url, {}, follow=True)
        assert "already been submitted" in again.content.decode()
        attempt.refresh_from_db()
        assert attempt.score == 100 and attempt.passed

    @pytest.mark.parametrize(
        "tamper, message",
        [
            (lambda a, qs: {**a, "q-forged": ["0"]}, "questions that do not exist"),
            (lambda a, qs: {**a, f"q-{qs[0]['id']}": ["7"]}, "not valid"),
            (lambda a, qs: {**a, f"q-{qs[0]['id']}": ["0", "1"]}, "choose one answer"),
            (lambda a, qs: {**a, f"q-{qs[0]['id']}": ["x"]}, "not valid"),
            (lambda a, qs: {k: v for k, v in a.items() if qs[2]["id"] not in k},
             "Answer every question"),
        ],
    )
    def test_tampered_forms_are_refused_and_leave_the_attempt_open(self, client, quiz, enrolled,
                                                                    tamper, message):
        client.post(reverse("courses:quiz_start", args=[quiz.pk]))
        attempt = Attempt.objects.get(user=enrolled)
        data = tamper(correct_answers(quiz), quiz.question_list())
        response = client.post(reverse("courses:attempt_submit", args=[attempt.pk]), data,
                               follow=True)
        assert message in response.content.decode()
        attempt.refresh_from_db()
        assert attempt.submitted_at is None and attempt.score is None

    def test_someone_elses_attempt_is_not_found(self, client, quiz, enrolled):
        client.post(reverse("courses:quiz_start", args=[quiz.pk]))
        attempt = Attempt.objects.get(user=enrolled)
        client.force_login(UserFactory())
        response = client.post(reverse("courses:attempt_submit", args=[attempt.pk]),
                               correct_answers(quiz))
        assert response.status_code == 404

    def test_attempt_limit_and_wrong_answers(self, client, quiz, enrolled):
        wrong = {k: ["1"] if len(v) == 1 else ["1"] for k, v in correct_answers(quiz).items()}
        for _ in range(2):
            client.post(reverse("courses:quiz_start", args=[quiz.pk]))
            attempt = Attempt.objects.filter(user=enrolled, submitted_at__isnull=True).get()
            client.post(reverse("courses:attempt_submit", args=[attempt.pk]), wrong)
        response = client.post(reverse("courses:quiz_start", args=[quiz.pk]), follow=True)
        assert "used all your attempts" in response.content.decode()
        assert Attempt.objects.filter(user=enrolled).count() == 2
        assert all(not a.passed for a in Attempt.objects.all())

    def test_late_submission_closes_the_attempt_without_score(self, client, quiz, enrolled):
        import time_machine

        quiz.time_limit_minutes = 5
        quiz.save_revision().publish()
        client.post(reverse("courses:quiz_start", args=[quiz.pk]))
        attempt = Attempt.objects.get(user=enrolled)
        with time_machine.travel(timezone.now() + timedelta(minutes=6)):
            response = client.post(reverse("courses:attempt_submit", args=[attempt.pk]),
                                   correct_answers(quiz), follow=True)
        assert "Time ran out" in response.content.decode()
        attempt.refresh_from_db()
        assert attempt.expired and not attempt.passed

    def test_unenrolled_cannot_start(self, client, quiz, learner):
        client.force_login(learner)
        response = client.post(reverse("courses:quiz_start", args=[quiz.pk]), follow=True)
        assert "Enrol in the course" in response.content.decode()
        assert not Attempt.objects.exists()


def test_dashboard_lists_progress_with_constant_queries(client, catalogue, learner,
                                                        django_assert_max_num_queries):
    from tests.factories.courses import LessonPageFactory, ModulePageFactory

    def add_course():
        course = CoursePageFactory(parent=catalogue)
        module = ModulePageFactory(parent=course)
        lesson = LessonPageFactory(parent=module)
        enrol(learner, CohortFactory(course=course))
        services.lesson_mark_done(user=learner, lesson=lesson)

    add_course()
    client.force_login(learner)
    client.get(reverse("courses:my_learning"))  # warm the site-root cache
    with django_assert_max_num_queries(15) as small:
        response = client.get(reverse("courses:my_learning"))
    assert "1 of 1 done (100%)" in response.content.decode()
    for _ in range(5):
        add_course()
    client.get(reverse("courses:my_learning"))  # publishing pages empties the shell's caches
    with django_assert_max_num_queries(15) as large:
        response = client.get(reverse("courses:my_learning"))
    assert response.content.decode().count("1 of 1 done (100%)") == 6
    assert len(large.captured_queries) == len(small.captured_queries)


def test_dashboard_requires_login(client, db):  # the site lookup may query on a cold cache
    response = client.get(reverse("courses:my_learning"))
    assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.parametrize("language, heading", [
    ("es", "Mi aprendizaje"), ("fr", "Mon apprentissage"), ("pt", "Minha aprendizagem"),
])
def test_dashboard_in_each_language(client, home_pages, learner, language, heading):
    client.force_login(learner)
    html = client.get(f"/{language}/my/learning/").content.decode()
    assert f"<h1>{heading}</h1>" in html


def test_lesson_page_queries_stay_constant_as_the_course_grows(
    client, course, cohort, lessons, learner, django_assert_max_num_queries
):
    from tests.factories.courses import LessonPageFactory, ModulePageFactory, QuizPageFactory

    enrol(learner, cohort)
    services.lesson_mark_done(user=learner, lesson=lessons[1])
    client.force_login(learner)
    client.get(lessons[1].url)
    # Shell about 7; the lesson's own part 2 (its course comes from the cache): the course
    # outline's "done" (previous and next, the public preview), the learner's enrolment.
    with django_assert_max_num_queries(15) as small:
        response = client.get(lessons[1].url)
    assert response.context["done"] and response.context["may_read"]
    assert response.context["previous_item"].pk == lessons[0].pk
    for _ in range(4):
        module = ModulePageFactory(parent=course)
        LessonPageFactory(parent=module)
        QuizPageFactory(parent=module)
    client.get(lessons[1].url)  # publishing pages empties the shell's caches; measure warm
    with django_assert_max_num_queries(15) as large:
        response = client.get(lessons[1].url)
    assert response.context["next_item"].title == "Check your understanding"
    assert len(large.captured_queries) == len(small.captured_queries)


def test_a_lesson_shows_its_renamed_course_on_the_next_request(client, course, cohort, lessons,
                                                               learner):
    """The lesson's course is kept under the page tree version: a change to the course is
    seen at once."""
    enrol(learner, cohort)
    client.force_login(learner)
    assert response_course(client.get(lessons[1].url)).title == course.title
    course.title = "Renamed course"
    course.save_revision().publish()
    response = client.get(lessons[1].url)
    assert response_course(response).title == "Renamed course"
    assert "Renamed course" in response.content.decode()


def response_course(response):
    return response.context["course"]


def test_course_page_progress_matches_the_completion_rule(client, course, cohort, lessons, quiz,
                                                          learner):
    enrol(learner, cohort)
    services.lesson_mark_done(user=learner, lesson=lessons[0])
    client.force_login(learner)
    shown = client.get(course.url).context["progress"]
    assert shown == selectors.course_progress(user=learner, course=course)
    assert (shown["done"], shown["total"]) == (1, 3)


def test_dashboard_and_api_continue_where_the_learner_left_off(client, course, cohort, lessons,
                                                              learner):
    enrol(learner, cohort)
    client.force_login(learner)
    assert "left off" not in client.get(reverse("courses:my_learning")).content.decode()
    client.get(lessons[1].url)  # reading a lesson records it as the place to continue
    html = client.get(reverse("courses:my_learning")).content.decode()
    assert f'<a href="{lessons[1].url}">Continue where you left off: {lessons[1].title}</a>' in html
    api = client.get("/api/courses/me/enrolments").json()
    assert [e["continue_url"] for e in api] == [lessons[1].url]
    lessons[1].unpublish()  # an unpublished lesson is no longer offered
    assert "left off" not in client.get(reverse("courses:my_learning")).content.decode()
    assert client.get("/api/courses/me/enrolments").json()[0]["continue_url"] is None
