"""The public pages: the list (/<lang>/projects/) and one page per project and language."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from modelcluster.fields import ParentalKey

from ..enums import RESERVED_SLUGS
from .records import Project


class ProjectIndexPage(Page):
    """/<lang>/projects/: facets, totals by modality and country, ``?format=csv``."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["projects.ProjectPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("project list")

    def get_context(self, request, *args, **kwargs):
        from ..listing import list_context

        context = super().get_context(request, *args, **kwargs)
        context.update(list_context(self, request))
        return context

    def serve(self, request, *args, **kwargs):
        from ..listing import serve_list

        return serve_list(self, request, super().serve, *args, **kwargs)


class ProjectPage(Page):
    """A project's page in one language; its shared data is ``project`` (the record)."""

    project = models.ForeignKey(
        Project, models.PROTECT, related_name="pages", verbose_name=_("project record")
    )
    summary = models.TextField(_("summary"), max_length=600)
    description = RichTextField(
        _("description"), features=["h3", "bold", "italic", "ol", "ul", "link"]
    )
    objectives = RichTextField(_("objectives"), blank=True, features=["bold", "italic", "ol", "ul"])

    content_panels = Page.content_panels + [
        FieldPanel("project"),
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("objectives"),
        InlinePanel("documents", label=_("Documents")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.SearchField("objectives"),
        index.FilterField("project_id"),
    ]
    parent_page_types = ["projects.ProjectIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("project page")

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("This address is reserved; choose another slug.")})
        if self.project_id and self.locale_id:
            others = ProjectPage.objects.filter(
                project_id=self.project_id, locale_id=self.locale_id
            )
            if others.exclude(pk=self.pk).exists():
                raise ValidationError(
                    {"project": _("This project already has a page in this language.")}
                )

    def get_context(self, request, *args, **kwargs):
        from ..selectors import project_detail

        context = super().get_context(request, *args, **kwargs)
        context.update(project_detail(self, request.user))
        return context


class ProjectDocument(Orderable):
    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document", models.CASCADE, related_name="+", verbose_name=_("document")
    )
    title = models.CharField(_("title"), max_length=200)

    panels = [FieldPanel("document"), FieldPanel("title")]
