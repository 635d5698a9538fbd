"""The forums' section of a person's data (registered in ForumsConfig.ready with
``cms.accounts.personal_data``): the delegations they registered and sat in, and what they wrote
in country reports. Erasing keeps every delegation, report and commitment row with its country
and agency; the person's name and address leave the delegate lists, and the audit rows no longer
point to them."""

from cms.accounts.personal_data import forget_author, rows_of

from .models import (
    CommitmentTag,
    Delegate,
    Delegation,
    DelegationTransition,
    ReportTransition,
    StatusChange,
)

#: (model, the field naming the person) of every record that stays with its country.
AUTHORED = [
    (Delegation, "registered_by"),
    (DelegationTransition, "by"),
    (StatusChange, "by"),
    (ReportTransition, "by"),
    (CommitmentTag, "added_by"),
]


def _as_delegate(user):
    if not user.email:
        return Delegate.objects.none()
    return Delegate.objects.filter(email__iexact=user.email)


def forums_export(user) -> dict:
    return {
        "delegate_of": list(_as_delegate(user).values(
            "pk", "delegation__meeting__title", "delegation__country__name_en", "role", "name",
            "title", "agency", "email", "created_at",
        )),
        "delegations_registered": rows_of(
            user, Delegation, "registered_by", "meeting__title", "country__name_en", "state",
            "updated_at",
        ),
        "delegation_transitions": rows_of(
            user, DelegationTransition, "by", "delegation_id", "action", "comment", "at"
        ),
        "commitment_status_changes": rows_of(
            user, StatusChange, "by", "row__report__country__name_en",
            "row__commitment__number", "status", "narrative", "evidence_links", "at",
        ),
        "country_report_transitions": rows_of(
            user, ReportTransition, "by", "report__country__name_en", "action", "comment", "at"
        ),
        "commitment_tags": rows_of(user, CommitmentTag, "added_by", "commitment_id", "created_at"),
    }


def forums_erase(user) -> None:
    for delegate in _as_delegate(user):
        # The seat stays (role, agency, delegation); the person's name and address go.
        delegate.name = delegate.title = ""
        delegate.email = f"erased-{delegate.pk}@invalid.example"
        delegate.save(update_fields=["name", "title", "email"])
    forget_author(user, AUTHORED)
