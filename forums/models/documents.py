"""A forum's documents: one document, one file per language, served only by a view that checks
who may read it (never by a public media address)."""


from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.search import index

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from cms.directory.models import current_language
from cms.files import PrivateStorage

ALLOWED_EXTENSIONS = ["pdf", "docx", "doc", "pptx", "xlsx", "odt"]


# Files with no public address: only ``forums.views.public.document`` serves them.
private_storage = PrivateStorage("FORUMS_DOCUMENT_ROOT")


def _private_storage():
    return private_storage


class TranslatedTitleMixin(models.Model):
    title_en = models.CharField(_("title (English)"), max_length=300)
    title_es = models.CharField(_("title (Spanish)"), max_length=300, blank=True)
    title_fr = models.CharField(_("title (French)"), max_length=300, blank=True)
    title_pt = models.CharField(_("title (Portuguese)"), max_length=300, blank=True)

    class Meta:
        abstract = True

    @property
    def title(self) -> str:
        return getattr(self, f"title_{current_language()}") or self.title_en

    @property
    def title_language(self) -> str:
        """The language the shown title is written in (for ``lang`` on foreign text)."""
        return current_language() if getattr(self, f"title_{current_language()}") else "en"


class ForumDocument(TranslatedTitleMixin, ClusterableModel):
    """A declaration, plan of action, technical input… with its official symbol."""

    class Kind(models.TextChoices):
        DECLARATION = "declaration", _("Declaration")
        PLAN_OF_ACTION = "plan_of_action", _("Plan of action")
        TECHNICAL_INPUT = "technical_input", _("Technical input")
        # With a context: rooms' "Report" (a message) is another word in Spanish.
        REPORT = "report", pgettext_lazy("kind of document", "Report")
        AGENDA = "agenda", _("Agenda")
        PRESENTATION = "presentation", _("Presentation")
        INFORMATION_NOTE = "information_note", _("Information note")

    class Access(models.TextChoices):
        PUBLIC = "public", _("Public")
        DELEGATES = "delegates", _("Delegates only")

    forum = models.ForeignKey(
        "forums.ForumPage", verbose_name=_("forum"), on_delete=models.CASCADE,
        related_name="documents",
    )
    meeting = models.ForeignKey(
        "forums.MeetingPage", verbose_name=_("meeting"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="documents",
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    symbol = models.CharField(
        _("official symbol"), max_length=80, blank=True, help_text=_("e.g. OEA/Ser.K/XII.18.1")
    )
    date = models.DateField(_("date"))
    access = models.CharField(_("access"), max_length=10, choices=Access.choices,
                              default=Access.PUBLIC)

    panels = [
        FieldRowPanel([FieldPanel("forum"), FieldPanel("meeting")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("symbol"), FieldPanel("date")]),
        MultiFieldPanel(
            [FieldPanel("title_en"), FieldPanel("title_es"), FieldPanel("title_fr"),
             FieldPanel("title_pt")],
            heading=_("Title"),
        ),
        FieldPanel("access"),
        InlinePanel("files", label=_("Files (one per language)")),
    ]
    search_fields = [index.SearchField("symbol"), index.SearchField("title_en"),
                     index.FilterField("forum"), index.FilterField("access")]

    class Meta:
        verbose_name = _("forum document")
        verbose_name_plural = _("forum documents")
        ordering = ["-date", "symbol"]

    def __str__(self) -> str:
        return f"{self.symbol} {self.title}".strip()


class DocumentFile(models.Model):
    document = ParentalKey(ForumDocument, on_delete=models.CASCADE, related_name="files")
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    file = models.FileField(
        _("file"), storage=_private_storage, upload_to="documents/%Y/",
        validators=[FileExtensionValidator(ALLOWED_EXTENSIONS)],
    )

    panels = [FieldRowPanel([FieldPanel("language"), FieldPanel("file")])]

    class Meta:
        verbose_name = _("document file")
        ordering = ["language"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "language"], name="forums_one_file_a_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.document_id} ({self.language})"
