"""Writes of political dialogue (states change only in ``forums/workflow.py``).

Every service takes keyword-only arguments, runs in one transaction, locks the row that decides
(capacity, state) and raises :class:`ForumRefusal` — leaving the data as it was — when it says
no.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from cms.refusals import Refusal

from . import permissions, selectors
from .models import (
    Commitment,
    CommitmentStatus,
    CommitmentTag,
    CountryReport,
    Delegate,
    Delegation,
    MeetingPage,
    ReportingCycle,
    Status,
    StatusChange,
)
from .models.pages import canonical
from .versions import FORUMS

MAX_EVIDENCE_LINKS = 10


class ForumRefusal(Refusal):
    default_code = "forums_refused"


# -- country reports --------------------------------------------------------------------------
def report_open(*, cycle: ReportingCycle, country, by) -> CountryReport:
    """The country's report in ``cycle`` with one row per commitment that applies to it,
    created on first use; rows for commitments added since are added while it is editable."""
    if not (permissions.may_start_report(by, cycle, country) or permissions.may_review(by)):
        raise ForumRefusal(_("You may not report for this country in this cycle."),
                           code="not_allowed")
    with transaction.atomic():
        report, _created = CountryReport.objects.select_for_update().get_or_create(
            cycle=cycle, country=country
        )
        if report.state in (CountryReport.State.DRAFT, CountryReport.State.RETURNED):
            have = set(report.rows.values_list("commitment_id", flat=True))
            CommitmentStatus.objects.bulk_create(
                CommitmentStatus(report=report, commitment_id=pk)
                for pk in selectors.applicable_commitment_ids(cycle.forum_id, country.pk)
                if pk not in have
            )
            FORUMS.replace()  # bulk_create sends no signal
    return report


def _clean_links(text: str) -> str:
    links = [line.strip() for line in (text or "").splitlines() if line.strip()]
    if len(links) > MAX_EVIDENCE_LINKS:
        raise ForumRefusal(
            _("At most %(n)s evidence links.") % {"n": MAX_EVIDENCE_LINKS}, code="invalid"
        )
    validate = URLValidator(schemes=["http", "https"])
    for link in links:
        try:
            validate(link)
        except ValidationError:
            raise ForumRefusal(
                _("“%(link)s” is not a web address.") % {"link": link[:100]}, code="invalid"
            ) from None
    return "\n".join(links)


def report_row_update(
    *,
    row: CommitmentStatus,
    by,
    status: str,
    narrative: str = "",
    evidence_links: str = "",
    agency=None,
) -> CommitmentStatus:
    """Save one commitment's status in a draft or returned report, and keep the change."""
    if status not in Status.values:
        raise ForumRefusal(_("Choose a status from the list."), code="invalid")
    if len(narrative or "") > 4000:
        raise ForumRefusal(_("The narrative is limited to 4,000 characters."), code="invalid")
    links = _clean_links(evidence_links)
    with transaction.atomic():
        report = CountryReport.objects.select_for_update().select_related("cycle").get(
            pk=row.report_id
        )
        if not permissions.may_edit_report(by, report):
            raise ForumRefusal(
                _("This report cannot be changed now: it is “%(state)s”.")
                % {"state": report.get_state_display()},
                code="not_editable",
            )
        if agency is not None and agency.country_id != report.country_id:
            raise ForumRefusal(_("Choose an agency of the reporting country."), code="invalid")
        row = CommitmentStatus.objects.get(pk=row.pk, report=report)
        row.status, row.narrative, row.evidence_links = status, narrative.strip(), links
        row.agency = agency
        row.save()
        StatusChange.objects.create(
            row=row, by=by, status=status, narrative=row.narrative, evidence_links=links,
            agency_id_then=agency.pk if agency else None,
        )
        CountryReport.objects.filter(pk=report.pk).update(version=report.version + 1)
        FORUMS.replace()  # update() sends no signal
    return row


# -- delegations ------------------------------------------------------------------------------
def delegation_open(*, meeting: MeetingPage, country, by) -> Delegation:
    """The country's delegation to ``meeting``, created on first use."""
    meeting = canonical(meeting).specific
    if not permissions.may_register(by, meeting, country.pk):
        raise ForumRefusal(_registration_closed_message(meeting), code="registration_closed")
    delegation, _created = Delegation.objects.get_or_create(
        meeting=meeting, country=country, defaults={"registered_by": by}
    )
    return delegation


def _registration_closed_message(meeting) -> str:
    return _(
        "Registration for this meeting is closed: changes to a delegation now go through the "
        "secretariat."
    )


def delegate_add(
    *, delegation: Delegation, by, role: str, name: str, email: str, title: str = "",
    agency: str = "",
) -> Delegate:
    """Add a person to a delegation. The delegation row is locked, so the seats a meeting gives
    each delegation hold however many people add delegates at once."""
    if role not in Delegate.Role.values:
        raise ForumRefusal(_("Choose a role from the list."), code="invalid")
    if not name.strip() or not email.strip():
        raise ForumRefusal(_("A delegate needs a name and an email address."), code="invalid")
    with transaction.atomic():
        locked = (
            Delegation.objects.select_for_update(of=("self",))
            .select_related("meeting").get(pk=delegation.pk)
        )
        _check_editable(locked, by)
        roles = list(locked.delegates.values_list("role", flat=True))
        meeting = locked.meeting
        if role == Delegate.Role.HEAD and Delegate.Role.HEAD in roles:
            raise ForumRefusal(_("This delegation already has a head."), code="invalid")
        if role == Delegate.Role.ALTERNATE:
            if roles.count(Delegate.Role.ALTERNATE) >= meeting.alternates_per_delegation:
                raise ForumRefusal(
                    _("Each delegation may name %(n)s alternates.")
                    % {"n": meeting.alternates_per_delegation},
                    code="full",
                )
        elif len([r for r in roles if r != Delegate.Role.ALTERNATE]) >= (
            meeting.seats_per_delegation
        ):
            raise ForumRefusal(
                _("Each delegation has %(n)s seats, and they are all taken.")
                % {"n": meeting.seats_per_delegation},
                code="full",
            )
        try:
            with transaction.atomic():
                return Delegate.objects.create(
                    delegation=locked, role=role, name=name.strip()[:200],
                    email=email.strip().lower()[:254], title=title.strip()[:200],
                    agency=agency.strip()[:255],
                )
        except IntegrityError:
            raise ForumRefusal(
                _("This person is already on the delegation."), code="invalid"
            ) from None


def delegate_remove(*, delegate: Delegate, by) -> None:
    with transaction.atomic():
        locked = (
            Delegation.objects.select_for_update(of=("self",))
            .select_related("meeting").get(pk=delegate.delegation_id)
        )
        _check_editable(locked, by)
        Delegate.objects.filter(pk=delegate.pk, delegation=locked).delete()


def _check_editable(delegation: Delegation, by) -> None:
    if permissions.is_secretariat(by):
        return
    if not permissions.may_register(by, delegation.meeting, delegation.country_id):
        raise ForumRefusal(_registration_closed_message(delegation.meeting),
                           code="registration_closed")
    if delegation.state not in (Delegation.State.DRAFT, Delegation.State.RETURNED):
        raise ForumRefusal(
            _("This delegation is “%(state)s”: only the secretariat can change it now.")
            % {"state": delegation.get_state_display()},
            code="not_editable",
        )


# -- help to fulfil ---------------------------------------------------------------------------
def commitment_tag_add(
    *, commitment: Commitment, content_object, by, from_suggestion: bool = False
) -> CommitmentTag:
    """Say that ``content_object`` (an experience, course, webinar or exchange) serves a
    commitment. Idempotent."""
    from django.contrib.contenttypes.models import ContentType

    if not permissions.may_tag(by):
        raise ForumRefusal(_("Only editors and the secretariat tag content."), code="not_allowed")
    if not selectors.is_taggable(content_object):
        raise ForumRefusal(_("This content cannot serve a commitment."), code="invalid")
    tag, _created = CommitmentTag.objects.get_or_create(
        commitment=commitment,
        content_type=ContentType.objects.get_for_model(content_object, for_concrete_model=False),
        object_id=content_object.pk,
        defaults={"added_by": by, "from_suggestion": from_suggestion},
    )
    return tag
