"""The wire format of the rooms: how people, messages and reports look in WebSocket frames (and
the display name the pages use, so both say the same)."""

from django.utils.translation import gettext_lazy as _

from .models import Message, MessageReport


def display_name(user) -> str:
    # Never the email address: other members see the name only.
    return user.get_full_name() or str(_("Member #%(id)s") % {"id": user.pk})


def serialize_user(user) -> dict:
    return {"id": user.pk, "name": display_name(user)}


def serialize_message(message: Message) -> dict:
    if message.hidden_at:
        state = "hidden"
    elif message.deleted_at:
        state = "deleted"
    else:
        state = "visible"
    return {
        "id": message.pk,
        "author": serialize_user(message.author),
        "body": message.body if state == "visible" else "",
        "state": state,
        "created_at": message.created_at.isoformat(),
        "edited_at": message.edited_at.isoformat() if message.edited_at else None,
    }


def serialize_report(report: MessageReport) -> dict:
    return {
        "id": report.pk,
        "message": serialize_message(report.message),
        "reporter": serialize_user(report.reporter),
        "reason": report.reason,
        "created_at": report.created_at.isoformat(),
    }
