"""Issue 16, point 4: admin choosers obey the listing's permission; drafts in the page chooser
(and the move view, which uses it) only for people who may edit them."""

from decimal import Decimal

from django.urls import reverse

import pytest

from cms.accounts.models import AgencyClaim
from courses import services
from courses.models import Certificate, Enrolment, Registration
from courses.webinars import services as webinar_services
from tests.factories import UserFactory, focal_point_for
from tests.factories.courses import CoursePageFactory

pytestmark = pytest.mark.django_db

ROLES = ["learner", "focal_point", "instructor", "editor", "secretariat", "superuser"]
#: Who may, and who may not, list these models in the admin (the others: as their role says).
LISTERS, NON_LISTERS = {"secretariat", "superuser"}, {"learner", "focal_point", "editor"}


@pytest.fixture
def personal_rows(cohort, webinar, agency):
    person = UserFactory(first_name="Rosalind", last_name="Private")
    enrolment = services.enrolment_create(user=person, cohort=cohort)
    certificate = services.certificate_issue(
        user=person, kind=Certificate.Kind.COMPLETION, course=cohort.course, hours=Decimal(12)
    )
    registration = webinar_services.registration_create(user=person, webinar=webinar)
    focal_point_for(agency)
    claim = AgencyClaim.objects.exclude(user=person).first()
    return {
        Enrolment: enrolment, Certificate: certificate, Registration: registration,
        AgencyClaim: claim,
    }


def _urls(model, pk):
    namespace = f"wagtailsnippetchoosers_{model._meta.app_label}_{model._meta.model_name}"
    listing = f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:list"
    return (
        reverse(listing),
        reverse(f"{namespace}:choose"),
        reverse(f"{namespace}:choose_results"),
        reverse(f"{namespace}:chosen", args=[pk]),
    )


@pytest.mark.parametrize("model", [Enrolment, Certificate, Registration, AgencyClaim],
                         ids=lambda m: m.__name__)
@pytest.mark.parametrize("role", ROLES)
def test_snippet_chooser_obeys_the_listing_permission(client, request, personal_rows, model, role):
    row = personal_rows[model]
    client.force_login(request.getfixturevalue(role))
    listing, choose, results, chosen = _urls(model, row.pk)
    may_list = client.get(listing).status_code == 200
    if role in LISTERS | NON_LISTERS:
        assert may_list is (role in LISTERS), "the roles' rights changed: update LISTERS"
    for url in (choose, results):
        response = client.get(url)
        if response.status_code != 200:
            assert not may_list
            continue
        body = response.json()["html"] if "json" in response["Content-Type"] else (
            response.content.decode()
        )
        assert (chosen in body) is may_list, url
    response = client.get(chosen)
    assert (response.status_code == 200) is may_list


@pytest.mark.parametrize("role", ["focal_point", "instructor", "editor", "secretariat"])
def test_page_chooser_shows_drafts_only_to_those_who_may_edit_them(
    client, request, catalogue, role
):
    draft = CoursePageFactory(parent=catalogue, title="Unannounced secret course", live=False)
    user = request.getfixturevalue(role)
    client.force_login(user)
    may_edit = draft.permissions_for_user(user).can_edit()
    for url in (
        reverse("wagtailadmin_choose_page_child", args=[catalogue.pk]),
        reverse("wagtailadmin_choose_page_search") + "?q=secret",
    ):
        response = client.get(url)
        if response.status_code != 200:
            assert not may_edit
            continue
        body = response.json()["html"] if "json" in response["Content-Type"] else (
            response.content.decode()
        )
        assert ("Unannounced secret course" in body) is may_edit, url


def test_page_chooser_still_lists_live_pages_to_everyone_with_admin_access(
    client, instructor, catalogue
):
    CoursePageFactory(parent=catalogue, title="Published course")
    client.force_login(instructor)
    response = client.get(reverse("wagtailadmin_choose_page_child", args=[catalogue.pk]))
    assert response.status_code == 200
    assert "Published course" in response.json()["html"]


def test_every_snippet_about_people_has_a_permission_checked_chooser():
    """Deny by default: a new snippet with a person in it gets the checked chooser too."""
    from django.contrib.auth import get_user_model

    from wagtail.snippets.models import get_snippet_models

    from cms.choosers import PermissionCheckedChooserViewSet

    about_people = [
        model for model in get_snippet_models()
        if any(getattr(f, "related_model", None) is get_user_model() for f in model._meta.fields)
    ]
    assert Enrolment in about_people
    unchecked = [
        model.__name__ for model in about_people
        if not issubclass(model.snippet_viewset.chooser_viewset_class,
                          PermissionCheckedChooserViewSet)
    ]
    assert unchecked == []


def _chooser_body(response) -> str:
    if "json" in response["Content-Type"]:
        return response.json()["html"]
    return response.content.decode()


@pytest.mark.parametrize("role", ["focal_point", "instructor", "editor", "secretariat"])
def test_page_chooser_shows_unpublished_titles_only_to_those_who_may_edit(
    client, request, catalogue, role
):
    """A published page with unpublished changes: its draft title ("draft_title", what
    ``get_admin_display_title`` shows) is for those who may edit it; others see the live one."""
    page = CoursePageFactory(parent=catalogue, title="Public course title", slug="renamed")
    page.title = "Renamed before the announcement"
    page.save_revision()
    user = request.getfixturevalue(role)
    client.force_login(user)
    may_edit = page.permissions_for_user(user).can_edit()
    urls = [
        reverse("wagtailadmin_choose_page_child", args=[catalogue.pk]),
        reverse("wagtailadmin_choose_page_search") + "?q=course",
        reverse("wagtailadmin_choose_page_child", args=[page.pk]),  # the page as the parent
    ]
    for url in urls:
        response = client.get(url)
        if response.status_code != 200:
            assert not may_edit
            continue
        body = _chooser_body(response)
        assert ("Renamed before the announcement" in body) is may_edit, (url, role)
        assert "Public course title" in body or may_edit, (url, role)
