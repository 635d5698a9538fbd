"""Background work of the rooms: mention emails (through Django's tasks framework)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.utils import translation
from django.utils.translation import gettext as _

from django_tasks import task

from .models import Message


@task()
def send_mention_emails(*, message_id: int, user_ids: list[int]) -> int:
    """Email each person named in a message, in their own language; returns how many were sent."""
    from .services import display_name

    message = Message.objects.select_related("room", "author").filter(pk=message_id).first()
    if message is None or not message.is_visible:
        return 0
    sent = 0
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    for person in get_user_model().objects.filter(pk__in=user_ids, is_active=True):
        with translation.override(person.preferred_language):
            subject = _("%(name)s mentioned you in “%(room)s”") % {
                "name": display_name(message.author),
                "room": message.room.title,
            }
            body = _("%(name)s wrote:\n\n%(text)s\n\nReply in the room: %(url)s") % {
                "name": display_name(message.author),
                "text": message.body,
                "url": base_url + message.room.get_absolute_url(),
            }
        sent += send_mail(subject, body, None, [person.email])
    return sent
