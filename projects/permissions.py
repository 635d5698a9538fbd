"""Who may do what with projects, concept notes and progress reports. Deny by default: every
function answers False unless a rule grants it. Views, API, admin and the room policy call
these; nothing else decides."""

from django.db import models

from cms.permissions import (
    is_active_user,
    is_focal_point,
    is_secretariat,
    may_act_for,
    represented_agency_ids,
)
from rooms.parents import RoomPolicy


def project_agency_ids(project) -> set[int]:
    return project.agency_ids


def may_act_for_project(user, project) -> bool:
    """A focal point of the lead or a partner agency (the implementing agencies)."""
    return is_active_user(user) and any(may_act_for(user, a) for a in project_agency_ids(project))


def may_create_proposal(user) -> bool:
    return is_active_user(user) and is_focal_point(user)


def may_list_proposals(user) -> bool:
    """The concept notes' list: the secretariat and the people who act for an agency."""
    return is_active_user(user) and (is_secretariat(user) or bool(represented_agency_ids(user)))


def may_view_proposal(user, proposal) -> bool:
    return is_active_user(user) and (
        is_secretariat(user) or may_act_for(user, proposal.agency_id)
    )


def may_edit_proposal(user, proposal) -> bool:
    from .enums import ProposalState

    return proposal.state in (ProposalState.DRAFT, ProposalState.CHANGES_REQUESTED) and (
        is_active_user(user) and may_act_for(user, proposal.agency_id)
    )


def may_review_proposal(user, proposal) -> bool:
    return is_secretariat(user)


def visible_proposals(user, queryset):
    """The concept notes ``user`` may read, in one query."""
    if is_secretariat(user):
        return queryset
    if not is_active_user(user):
        return queryset.none()
    return queryset.filter(agency_id__in=represented_agency_ids(user))


def may_view_workspace(user, project) -> bool:
    """The project's working space (status actions, progress reports)."""
    return is_secretariat(user) or may_act_for_project(user, project)


def may_write_report(user, project, agency_id=None) -> bool:
    """A focal point of one of the project's agencies, for that agency."""
    if not is_active_user(user):
        return False
    if agency_id is not None:
        return agency_id in project_agency_ids(project) and may_act_for(user, agency_id)
    return may_act_for_project(user, project)


def may_view_report(user, report) -> bool:
    return is_secretariat(user) or may_act_for_project(user, report.project)


def may_link_activity(user, project) -> bool:
    """Link or unlink what the project produced: the secretariat and the focal points of the
    project's agencies (the same people who see its working space)."""
    return is_secretariat(user) or may_act_for_project(user, project)


def linkable_activities(user, kind, queryset):
    """The items of ``kind`` that ``user`` may link, in one query: what the kind's own app lets
    them open when it says (``kind.visible``), else everything for the secretariat and only
    the public items for everyone else."""
    if not is_active_user(user):
        return queryset.none()
    if kind.visible is not None:
        return kind.visible(user, queryset)
    if is_secretariat(user):
        return queryset
    return kind.public(queryset)


class ProjectRoomPolicy(RoomPolicy):
    """A project's room: focal points of its agencies; the secretariat moderates."""

    kind = "project"

    def is_member(self, user, parent) -> bool:
        return may_act_for_project(user, parent)

    def readable(self, user, parents):
        if not is_active_user(user):
            return parents.none()
        if is_secretariat(user):
            return parents
        from cms.accounts import roles
        from cms.permissions import has_role

        if not has_role(user, roles.FOCAL_POINT):
            return parents.none()
        ids = represented_agency_ids(user)
        return parents.filter(
            models.Q(lead_agency_id__in=ids) | models.Q(partner_agencies__in=ids)
        ).distinct()
