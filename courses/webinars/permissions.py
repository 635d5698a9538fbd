"""Who may see and do what with webinars: the join link and the webinar's room."""

from django.db.models import Q
from django.utils import timezone

from cms import permissions as cms_permissions
from cms.permissions import is_active_user
from rooms.parents import RoomPolicy

from .models import Registration, WebinarPage


def is_registered(user, webinar) -> bool:
    if not is_active_user(user):
        return False
    return Registration.objects.filter(
        user=user, webinar=webinar, status=Registration.Status.REGISTERED
    ).exists()


def speaks_at(user, webinar) -> bool:
    if not is_active_user(user):
        return False
    return WebinarPage.speakers.through.objects.filter(
        webinarpage_id=webinar.pk, user_id=user.pk
    ).exists()


def may_join_webinar(user, webinar, *, now=None) -> bool:
    """The join link: registered people (and speakers) from 15 minutes before until the end."""
    now = now or timezone.now()
    if not webinar.join_url:
        return False
    if not (webinar.starts_at - webinar.JOIN_WINDOW <= now <= webinar.ends_at):
        return False
    return is_registered(user, webinar) or speaks_at(user, webinar)



class WebinarRoomPolicy(RoomPolicy):
    """A webinar's room: registered people talk; speakers and the secretariat moderate."""

    kind = "webinar"

    def is_member(self, user, parent) -> bool:
        return is_registered(user, parent)

    def is_moderator(self, user, parent) -> bool:
        return super().is_moderator(user, parent) or speaks_at(user, parent)

    def readable(self, user, webinars):
        """``may_read`` for a queryset of webinars, in one query (the room list)."""
        if not is_active_user(user):
            return webinars.none()
        if cms_permissions.is_secretariat(user):
            return webinars
        registered = Registration.objects.filter(
            user=user, status=Registration.Status.REGISTERED
        )
        speaking = WebinarPage.speakers.through.objects.filter(user_id=user.pk)
        return webinars.filter(
            Q(pk__in=registered.values("webinar_id"))
            | Q(pk__in=speaking.values("webinarpage_id"))
        )
