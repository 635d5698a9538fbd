"""Who is online in a room: one row per open WebSocket connection, refreshed by the client's
pings, so the rows of a crashed process stop counting after ``ROOMS_PRESENCE_SECONDS``."""

import json
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from .models import Presence, Room
from .serializers import serialize_user


def presence_join(*, room: Room, user, channel_name: str) -> None:
    Presence.objects.update_or_create(
        channel_name=channel_name,
        defaults={"room": room, "user": user, "seen_at": timezone.now()},
    )


def presence_touch(*, channel_name: str) -> None:
    Presence.objects.filter(channel_name=channel_name).update(seen_at=timezone.now())


def presence_leave(*, channel_name: str) -> None:
    Presence.objects.filter(channel_name=channel_name).delete()


def online_users(room: Room) -> list[dict]:
    since = timezone.now() - timedelta(seconds=settings.ROOMS_PRESENCE_SECONDS)
    people = (
        get_user_model().objects.filter(
            pk__in=Presence.objects.filter(room=room, seen_at__gte=since).values("user")
        ).order_by("first_name", "last_name", "pk")
    )
    return [serialize_user(person) for person in people]


def presence_frame(room_id: int) -> str:
    """The ``presence {online}`` frame the room's connections receive when someone comes or
    goes, encoded once for the whole group."""
    room = Room(pk=room_id)
    return json.dumps({"type": "presence", "online": online_users(room)})
