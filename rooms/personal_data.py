"""The rooms' section of a person's data (registered in RoomsConfig.ready with
``cms.accounts.personal_data``). Erasing keeps the messages — a conversation would not read
without them — under an account with no name ("Member #n"), and drops mentions, mutes and
presence."""

from .models import Mention, Message, MessageReport, Mute, Presence


def rooms_export(user) -> dict:
    return {
        "messages": list(
            Message.objects.filter(author=user).values(
                "room__title", "body", "created_at", "edited_at", "deleted_at", "hidden_at"
            )
        ),
        "reports": list(
            MessageReport.objects.filter(reporter=user).values(
                "message_id", "reason", "created_at", "resolved_at"
            )
        ),
        "mutes": list(Mute.objects.filter(user=user).values("room__title", "until")),
        "rooms_member_of": list(user.rooms.values_list("title", flat=True)),
    }


def rooms_erase(user) -> None:
    Mention.objects.filter(user=user).delete()
    Mute.objects.filter(user=user).delete()
    Presence.objects.filter(user=user).delete()
    user.rooms.clear()
