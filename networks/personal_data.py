"""The networks' section of a person's data (registered in NetworksConfig.ready with
``cms.accounts.personal_data``): their consent to be named as a focal point, the membership
requests and decisions they made, the announcements they sent. Erasing withdraws the consent and
keeps every membership and announcement with its agency and network; they no longer point to
the person."""

from cms.accounts.personal_data import forget_author, rows_of

from .models import Announcement, ContactConsent, Membership, MembershipTransition

#: (model, the field naming the person) of every record that stays with its agency or network.
AUTHORED = [
    (Membership, "requested_by"),
    (MembershipTransition, "by"),
    (Announcement, "created_by"),
]


def networks_export(user) -> dict:
    consent = ContactConsent.objects.filter(user=user).values("show_name", "updated_at").first()
    return {
        "focal_point_consent": consent,
        "membership_requests": rows_of(
            user, Membership, "requested_by", "network__name_en", "agency__name", "state",
            "statement", "requested_at",
        ),
        "membership_transitions": rows_of(
            user, MembershipTransition, "by", "membership_id", "action", "comment", "at"
        ),
        "announcements": rows_of(
            user, Announcement, "created_by", "network__name_en", "title", "body", "created_at"
        ),
    }


def networks_erase(user) -> None:
    ContactConsent.objects.filter(user=user).delete()
    forget_author(user, AUTHORED)
