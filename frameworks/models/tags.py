"""A tag from any content (an experience, a course, a webinar, an exchange, a commitment) to an
article it helps implement. The tagged apps never import frameworks: the relation is generic and
the admin to tag is registered here."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from cms.directory.models import Country

from .instruments import Article


class ArticleTag(models.Model):
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="tags", verbose_name=_("article")
    )
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name=_("kind of content")
    )
    object_id = models.PositiveBigIntegerField(_("identifier"))
    content_object = GenericForeignKey("content_type", "object_id")
    #: The country whose practice this is (copied from the content when it has one), so a
    #: country's legal profile lists what that country did without reading every content type.
    country = models.ForeignKey(
        Country, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("country"),
    )
    tagged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("article tag")
        verbose_name_plural = _("article tags")
        ordering = ["article", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "content_type", "object_id"], name="frameworks_tag_once"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.article_id} ← {self.content_type_id}:{self.object_id}"
