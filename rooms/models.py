"""Discussion rooms: a room belongs to one parent (network, cohort, webinar, exchange…) or stands
alone; its messages, the reports members make about them, mutes and mentions.

The rules that change these rows live in ``rooms/services.py``; who may do what in
``rooms/permissions.py``.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

STANDALONE = "standalone"
KIND_LABELS = {
    "network": _("Network"),
    "cohort": _("Cohort"),
    "webinar": _("Webinar"),
    "exchange": _("Exchange"),
    "forum": _("Forum"),
    "meeting": _("Meeting"),
    "project": _("Project"),
    STANDALONE: _("Room of the secretariat"),
}


class Room(models.Model):
    """A place to talk. With a parent, the parent's registered policy says who may enter;
    without one (created by the secretariat), the members listed on the room may."""

    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(
        _("kind"),
        max_length=30,
        default=STANDALONE,
        editable=False,
        help_text=_("Set from the parent; decides how long messages are kept."),
    )
    language = models.CharField(
        _("language"),
        max_length=5,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("Main language of the conversation; promoted pages are created in it."),
    )
    content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.CASCADE, editable=False
    )
    object_id = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
    parent = GenericForeignKey("content_type", "object_id")
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("members"),
        related_name="rooms",
        blank=True,
        help_text=_("Only for rooms without a parent: the people who may read and post."),
    )
    locked = models.BooleanField(
        _("locked"), default=False, help_text=_("A locked room is read-only for its members.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="room_one_per_parent"
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(content_type__isnull=True, object_id__isnull=True)
                    | models.Q(content_type__isnull=False, object_id__isnull=False)
                ),
                name="room_parent_complete",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("rooms:detail", args=[self.pk])

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS.get(self.kind, self.kind))

    @property
    def is_standalone(self) -> bool:
        return self.content_type_id is None


class Message(models.Model):
    """One message. Deleted and hidden messages keep their row (for order and moderation) but
    their text is never shown again."""

    room = models.ForeignKey(
        Room, verbose_name=_("room"), on_delete=models.CASCADE, related_name="messages"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.CASCADE,
        related_name="room_messages",
    )
    body = models.TextField(_("text"), max_length=4000)
    created_at = models.DateTimeField(_("posted at"), auto_now_add=True, db_index=True)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True)
    hidden_at = models.DateTimeField(_("hidden at"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("hidden by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["id"]
        indexes = [models.Index(fields=["room", "id"], name="rooms_message_room_id")]

    def __str__(self) -> str:
        return f"#{self.pk} {self.author}: {self.body[:60]}"

    @property
    def is_visible(self) -> bool:
        return self.deleted_at is None and self.hidden_at is None


class MessageReport(models.Model):
    """A member's report of a message to the room's moderators."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        HIDDEN = "hidden", _("Message hidden")
        DISMISSED = "dismissed", _("Dismissed")

    message = models.ForeignKey(
        Message, verbose_name=_("message"), on_delete=models.CASCADE, related_name="reports"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    created_at = models.DateTimeField(_("reported at"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resolved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("message report")
        verbose_name_plural = _("message reports")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["message", "reporter"], name="report_once_per_person")
        ]

    def __str__(self) -> str:
        return _("Report on message #%(id)s") % {"id": self.message_id}


class Mute(models.Model):
    """A person may read but not post in a room until ``until``."""

    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="mutes")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="room_mutes"
    )
    until = models.DateTimeField(_("muted until"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("mute")
        verbose_name_plural = _("mutes")
        constraints = [models.UniqueConstraint(fields=["room", "user"], name="mute_once")]

    def __str__(self) -> str:
        return f"{self.user} muted in {self.room} until {self.until:%Y-%m-%d %H:%M}"


class Mention(models.Model):
    """An in-app notice: someone named you (@name) in a room."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="mentions")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="room_mentions"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    seen_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("mention")
        verbose_name_plural = _("mentions")
        ordering = ["-id"]
        constraints = [models.UniqueConstraint(fields=["message", "user"], name="mention_once")]

    def __str__(self) -> str:
        return f"{self.user} in message #{self.message_id}"


class Presence(models.Model):
    """One open WebSocket connection; ``seen_at`` is refreshed by the client's pings, so the
    rows of a crashed server process stop counting after ``ROOMS_PRESENCE_SECONDS``."""

    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="presences")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    channel_name = models.CharField(max_length=200, unique=True)
    seen_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.user} in {self.room}"
