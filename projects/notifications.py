"""Emails when a concept note, a project or a report changes state: to the secretariat when
something waits for it, to the agency's people when the secretariat decided. Sent after commit
through cms.notify (never inside the locked transaction), in each person's language."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from cms.accounts import roles
from cms.accounts.models import AgencyClaim
from cms.notify import absolute_url, notify

#: Actions that put something in the secretariat's hands.
FOR_SECRETARIAT = {("proposal", "submit"), ("report", "submit")}


def _secretariat():
    return get_user_model().objects.filter(groups__name=roles.SECRETARIAT, is_active=True)


def _focal_points(agency_ids):
    return get_user_model().objects.filter(
        is_active=True, agency_claims__agency_id__in=agency_ids,
        agency_claims__status=AgencyClaim.Status.APPROVED,
    )


def transition_notice(kind: str, obj, record) -> None:
    """Tell the people concerned that ``obj`` (of ``kind`` proposal/project/report) moved."""
    if (kind, record.action) in FOR_SECRETARIAT:
        people = _secretariat()
    elif kind == "proposal":
        people = _focal_points([obj.agency_id])
    elif kind == "report":
        people = _focal_points([obj.agency_id])
    else:
        people = _focal_points([obj.lead_agency_id])
    if kind == "proposal":
        title, path = obj.title, reverse("projects:proposal", kwargs={"pk": obj.pk})
    elif kind == "report":
        title = obj.project.title
        path = reverse("projects:report", kwargs={"pk": obj.pk})
    else:
        title, path = obj.title, reverse("projects:workspace", kwargs={"code": obj.code})
    notify(
        [p.pk for p in people if p.pk != getattr(record.by, "pk", None)],
        "projects/state_changed",
        {"kind": kind, "state": record.to_state, "title": title, "comment": record.comment,
         "url": absolute_url(path)},
    )
