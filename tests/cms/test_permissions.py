import pytest

from cms import permissions
from cms.accounts import roles
from cms.accounts.models import AgencyClaim
from cms.accounts.services import agency_claim_create, agency_claim_decide
from tests.factories import AgencyFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_anonymous_has_no_role(client):
    from django.contrib.auth.models import AnonymousUser

    anonymous = AnonymousUser()
    assert not permissions.has_role(anonymous, roles.LEARNER)
    assert not permissions.is_secretariat(anonymous)
    assert not permissions.may_act_for(anonymous, 1)
    assert permissions.represented_agency_ids(anonymous) == frozenset()


def test_role_checks(learner, editor, secretariat, instructor, superuser):
    assert permissions.has_role(learner, roles.LEARNER)
    assert not permissions.is_editor(learner)
    assert permissions.is_editor(editor) and not permissions.is_secretariat(editor)
    assert permissions.is_secretariat(secretariat) and permissions.is_editor(secretariat)
    assert permissions.is_instructor(instructor)
    assert permissions.is_secretariat(superuser)


def test_inactive_people_have_no_role(learner):
    learner.is_active = False
    assert not permissions.has_role(learner, roles.LEARNER)


def test_only_an_approved_claim_lets_a_person_act_for_an_agency(secretariat):
    agency, other = AgencyFactory(), AgencyFactory()
    official = UserFactory()
    claim = agency_claim_create(user=official, agency=agency)
    assert not permissions.may_act_for(official, agency)
    assert not permissions.is_focal_point(official)

    agency_claim_decide(claim=claim, status=AgencyClaim.Status.APPROVED, by=secretariat)
    official = type(official).objects.get(pk=official.pk)  # fresh: no cached roles
    assert permissions.may_act_for(official, agency)
    assert permissions.may_act_for(official, agency.pk)
    assert not permissions.may_act_for(official, other)
    assert permissions.is_focal_point(official)


def test_a_rejected_claim_grants_nothing(secretariat, agency):
    official = UserFactory()
    claim = agency_claim_create(user=official, agency=agency)
    agency_claim_decide(claim=claim, status=AgencyClaim.Status.REJECTED, by=secretariat)
    official = type(official).objects.get(pk=official.pk)
    assert not permissions.may_act_for(official, agency)
    assert not official.groups.filter(name=roles.FOCAL_POINT).exists()


def test_role_lookups_are_cached_per_user_object(learner, django_assert_num_queries):
    permissions.has_role(learner, roles.LEARNER)
    with django_assert_num_queries(0):
        for _ in range(5):
            permissions.has_role(learner, roles.EDITOR)
            permissions.is_secretariat(learner)


def test_shared_role_and_agency_answers_follow_groups_and_claims(secretariat, agency,
                                                                django_assert_num_queries):
    """Roles and represented agencies are cached between requests: every change shows at once."""
    from django.contrib.auth.models import Group

    def fresh(person):  # a new request: a new user object, the shared cache only
        return type(person).objects.get(pk=person.pk)

    official = UserFactory()
    claim = agency_claim_create(user=official, agency=agency)
    assert not permissions.may_act_for(fresh(official), agency)
    agency_claim_decide(claim=claim, status=AgencyClaim.Status.APPROVED, by=secretariat)
    assert permissions.may_act_for(fresh(official), agency)
    person = fresh(official)
    permissions.may_act_for(person, agency)
    again = fresh(person)
    with django_assert_num_queries(0):  # answered from the shared cache
        assert permissions.may_act_for(again, agency)

    claim.refresh_from_db()
    claim.status = AgencyClaim.Status.REJECTED  # e.g. revoked in the admin
    claim.save()
    assert not permissions.may_act_for(fresh(official), agency)

    official.groups.add(Group.objects.get(name=roles.EDITOR))
    assert permissions.is_editor(fresh(official))
    official.groups.remove(Group.objects.get(name=roles.EDITOR))
    assert not permissions.is_editor(fresh(official))
