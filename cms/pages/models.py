"""The department's own pages: the home page and standard content pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from . import shell
from .blocks import BaseStreamBlock
from .highlights import highlights, public_pages


class HomePage(Page):
    """The root of each language's site."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = shell.cached(
            request, "home-sections", self.pk,
            compute=lambda: [
                {
                    "title": section.title,
                    "url": section.get_url(request),
                    "intro": getattr(section, "intro", ""),
                }
                for section in public_pages(self.get_children().live()).in_menu().specific()
            ],
        )
        # Dated and new things (upcoming webinars, open cohorts, new experiences): a few
        # bounded queries, cached a few minutes under the tree version (see highlights).
        context["highlights"] = highlights(request, self.locale_id)
        return context


class StandardPage(Page):
    """A content page: about the department, a forum, a legal framework…"""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["pages.HomePage", "pages.StandardPage"]

    class Meta:
        verbose_name = _("standard page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subpages"] = self.get_children().live().public()
        return context
