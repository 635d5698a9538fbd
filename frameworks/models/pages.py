"""The pages: /<lang>/legal-frameworks/ and /<lang>/legal-frameworks/<code>/ in each language."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page
from wagtail.search import index

from modelcluster.fields import ParentalKey

from .instruments import Framework

LANGUAGE_CHOICES = [
    ("en", _("English")),
    ("es", _("Spanish")),
    ("fr", _("French")),
    ("pt", _("Portuguese")),
]


class FrameworkIndexPage(Page):
    """/<lang>/legal-frameworks/: every instrument, binding or not, with its counts."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["frameworks.FrameworkPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("legal frameworks index")

    def serve(self, request, *args, **kwargs):
        from frameworks import views

        fmt = request.GET.get("format")
        if fmt in ("csv", "json"):
            return views.index_download(request, self, fmt)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from frameworks import selectors

        context = super().get_context(request, *args, **kwargs)
        context["frameworks"] = selectors.index_rows(self)
        context["countries"] = selectors.countries()
        return context


class FrameworkPage(Page):
    """One instrument in one language. Its facts, articles and status rows are shared by the
    four language versions through :attr:`framework`."""

    framework = models.ForeignKey(
        Framework, on_delete=models.PROTECT, related_name="pages",
        verbose_name=_("legal framework"),
    )
    summary = models.TextField(_("summary"))
    adoption_place = models.CharField(_("place of adoption"), max_length=255, blank=True)
    adoption_context = models.CharField(
        _("adopted at"), max_length=255, blank=True,
        help_text=_("e.g. the 45th regular session of the General Assembly, AG/RES. 2875."),
    )
    entry_into_force_rule = models.CharField(
        _("entry-into-force rule"), max_length=255, blank=True,
        help_text=_("In words, e.g. “30th day after the deposit of the second instrument”."),
    )
    depositary = models.CharField(_("depositary"), max_length=255, blank=True)
    follow_up_mechanism = models.TextField(_("follow-up mechanism"), blank=True)
    data_note = models.TextField(
        _("note on the data"), blank=True,
        help_text=_("Where the status data comes from and how reliable it is."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("framework"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("adoption_place"),
                FieldPanel("adoption_context"),
                FieldPanel("entry_into_force_rule"),
                FieldPanel("depositary"),
                FieldPanel("follow_up_mechanism"),
            ],
            heading=_("Facts"),
        ),
        FieldPanel("data_note"),
        InlinePanel("documents", label=_("Full text documents")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("follow_up_mechanism"),
        index.FilterField("framework"),
    ]
    parent_page_types = ["frameworks.FrameworkIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("legal framework page")

    def serve(self, request, *args, **kwargs):
        from frameworks import views

        fmt = request.GET.get("format")
        if fmt in ("csv", "json"):
            return views.status_download(request, self, fmt)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from frameworks import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.framework_page_context(self, request))
        return context


class FrameworkDocument(Orderable):
    """The full text in one language (a Wagtail document: PDF, DOCX…)."""

    page = ParentalKey(FrameworkPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+",
        verbose_name=_("document"),
    )
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGE_CHOICES)

    panels = [FieldPanel("document"), FieldPanel("language")]

    class Meta(Orderable.Meta):
        verbose_name = _("full text document")
