"""The forum pages: the index under each language's home, a forum, and its meetings."""

import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Locale, Orderable, Page
from wagtail.search import index

from modelcluster.fields import ParentalKey, ParentalManyToManyField

from cms.accounts.models import TIME_ZONE_CHOICES

RICH = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]


def default_locale_id() -> int:
    """The default locale's id, kept under the page tree version (no query once cached)."""
    from cms.pages.shell import cached

    return cached(None, "forums-default-locale", compute=lambda: Locale.get_default().pk)


def canonical_pk(page: Page) -> int:
    """The id of ``page`` in the default language: delegations, commitments and documents
    point to it, so every translation of a meeting shows the same rows."""
    from cms.pages.shell import cached

    if page.locale_id == default_locale_id():
        return page.pk

    def compute():
        pk = (
            Page.objects.filter(translation_key=page.translation_key,
                                locale_id=default_locale_id())
            .values_list("pk", flat=True).first()
        )
        return pk or page.pk

    return cached(None, "forums-canonical", page.pk, compute=compute)


def canonical(page: Page) -> Page:
    """``page`` in the default language (itself when it is)."""
    pk = canonical_pk(page)
    return page if pk == page.pk else Page.objects.get(pk=pk).specific


class ForumIndexPage(Page):
    """/<lang>/forums/: the forums the department serves as technical secretariat."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["forums.ForumPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("forum index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["forums"] = (
            ForumPage.objects.live().public().child_of(self).specific().order_by("title")
        )
        return context


class ForumPage(Page):
    """A standing body: a ministerial conference, a committee or a working group."""

    class Kind(models.TextChoices):
        CONFERENCE = "conference", _("Ministerial conference")
        COMMITTEE = "committee", _("Committee")
        WORKING_GROUP = "working_group", _("Working group")

    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    summary = models.TextField(_("summary"))
    mandate = RichTextField(_("mandate"), features=RICH)
    member_countries = ParentalManyToManyField(
        "directory.Country", verbose_name=_("member countries"), blank=True,
        related_name="forums",
    )
    network = models.ForeignKey(
        "directory.Network", verbose_name=_("cooperation network"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="forums",
    )
    secretariat_name = models.CharField(_("secretariat contact"), max_length=200, blank=True)
    secretariat_email = models.EmailField(_("secretariat email"), blank=True)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("acronym"), FieldPanel("kind")]),
        FieldPanel("summary"),
        FieldPanel("mandate"),
        FieldPanel("member_countries"),
        FieldPanel("network"),
        InlinePanel("officers", label=_("Chair and vice-chairs")),
        FieldRowPanel([FieldPanel("secretariat_name"), FieldPanel("secretariat_email")],
                      heading=_("Secretariat")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("acronym"),
        index.SearchField("summary"),
        index.SearchField("mandate"),
        # The forum's own documents (those of a meeting are found through the meeting).
        index.SearchField("documents_text"),
    ]
    parent_page_types = ["forums.ForumIndexPage"]
    subpage_types = ["forums.MeetingPage"]

    class Meta:
        verbose_name = _("forum")

    #: Addresses under /<lang>/forums/ that belong to the app's views (forums/urls.py).
    RESERVED_SLUGS = ("calendar", "documents", "meetings", "reports", "delegations")

    def clean(self):
        super().clean()
        if self.slug in self.RESERVED_SLUGS:
            raise ValidationError({"slug": _("This address is reserved; choose another slug.")})

    def documents_text(self) -> str:
        from .documents import ForumDocument

        return " ".join(
            f"{d.symbol} {d.title_en} {d.title_es} {d.title_fr} {d.title_pt}"
            for d in ForumDocument.objects.filter(
                forum__translation_key=self.translation_key, meeting__isnull=True,
                access=ForumDocument.Access.PUBLIC,
            )
        )

    def get_context(self, request, *args, **kwargs):
        from forums import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.forum_context(self, request))
        return context


class ForumOfficer(Orderable):
    """Who chairs a forum in a period (the IACML's troika, a working group's vice-chairs)."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        VICE_CHAIR = "vice_chair", _("Vice-chair")
        PAST_CHAIR = "past_chair", _("Former chair")
        FUTURE_CHAIR = "future_chair", _("Future chair")

    forum = ParentalKey(ForumPage, on_delete=models.CASCADE, related_name="officers")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    country = models.ForeignKey(
        "directory.Country", verbose_name=_("country"), on_delete=models.PROTECT, related_name="+"
    )
    person = models.CharField(_("person or body"), max_length=200, blank=True)
    period_start = models.PositiveSmallIntegerField(_("from (year)"))
    period_end = models.PositiveSmallIntegerField(_("to (year)"))

    panels = [
        FieldRowPanel([FieldPanel("role"), FieldPanel("country")]),
        FieldPanel("person"),
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
    ]

    def clean(self):
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The period ends before it starts.")})


class MeetingPage(Page):
    """A meeting of a forum: when and where, the agenda, the delegations, the outcome."""

    class Kind(models.TextChoices):
        MINISTERIAL = "ministerial", _("Ministerial meeting")
        PREPARATORY = "preparatory", _("Preparatory meeting")
        WORKING_GROUP = "working_group", _("Working-group session")
        PLANNING = "planning", _("Planning meeting")

    class Modality(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        VIRTUAL = "virtual", _("Virtual")
        HYBRID = "hybrid", _("Hybrid")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    modality = models.CharField(_("modality"), max_length=12, choices=Modality.choices)
    summary = models.TextField(_("summary"))
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    time_zone = models.CharField(
        _("time zone of the venue"), max_length=64, choices=TIME_ZONE_CHOICES,
        default="America/New_York",
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    host_country = models.ForeignKey(
        "directory.Country", verbose_name=_("host country"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )
    registration_opens = models.DateTimeField(_("delegation registration opens"), null=True,
                                              blank=True)
    registration_closes = models.DateTimeField(_("delegation registration closes"), null=True,
                                               blank=True)
    seats_per_delegation = models.PositiveSmallIntegerField(
        _("seats per delegation"), default=3,
        help_text=_("Head of delegation and members; alternates are counted apart."),
    )
    alternates_per_delegation = models.PositiveSmallIntegerField(
        _("alternates per delegation"), default=2
    )
    outcome = RichTextField(_("outcome"), features=RICH, blank=True)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("modality")]),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldPanel("time_zone"),
                FieldRowPanel([FieldPanel("place"), FieldPanel("host_country")]),
            ],
            heading=_("When and where"),
        ),
        InlinePanel("agenda_items", label=_("Agenda")),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("registration_opens"), FieldPanel("registration_closes")]
                ),
                FieldRowPanel(
                    [FieldPanel("seats_per_delegation"), FieldPanel("alternates_per_delegation")]
                ),
            ],
            heading=_("Delegations"),
        ),
        FieldPanel("outcome"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("place"),
        index.SearchField("outcome"),
        # Documents (titles, symbols) and commitments are found through their meeting's page.
        index.SearchField("documents_text"),
        index.SearchField("commitments_text"),
    ]
    parent_page_types = ["forums.ForumPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("meeting")

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The meeting ends before it starts.")
        opens, closes = self.registration_opens, self.registration_closes
        if opens and closes and closes <= opens:
            errors["registration_closes"] = _("Registration closes before it opens.")
        if closes and self.starts_at and closes > self.starts_at:
            errors["registration_closes"] = _("Registration must close before the meeting.")
        if errors:
            raise ValidationError(errors)

    def registration_is_open(self, now=None) -> bool:
        now = now or timezone.now()
        if self.registration_closes is None:
            return False
        return (self.registration_opens is None or self.registration_opens <= now) and (
            now < self.registration_closes
        )

    def documents_text(self) -> str:
        from .documents import ForumDocument

        key = self.translation_key
        return " ".join(
            f"{d.symbol} {d.title_en} {d.title_es} {d.title_fr} {d.title_pt}"
            for d in ForumDocument.objects.filter(
                meeting__translation_key=key, access=ForumDocument.Access.PUBLIC
            )
        )

    def commitments_text(self) -> str:
        from .follow_up import Commitment

        return " ".join(
            f"{c.number} {c.text_en} {c.text_es} {c.text_fr} {c.text_pt}"
            for c in Commitment.objects.filter(meeting__translation_key=self.translation_key)
        )

    def get_context(self, request, *args, **kwargs):
        from forums import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.meeting_context(self, request))
        return context


class AgendaItem(Orderable):
    """One item of a meeting's agenda, with its times, speakers and documents."""

    meeting = ParentalKey(MeetingPage, on_delete=models.CASCADE, related_name="agenda_items")
    day = models.DateField(_("day"))
    starts = models.TimeField(_("starts"), null=True, blank=True)
    ends = models.TimeField(_("ends"), null=True, blank=True)
    title = models.CharField(_("item"), max_length=300)
    speakers = models.CharField(_("speakers"), max_length=300, blank=True)
    documents = ParentalManyToManyField(
        "forums.ForumDocument", verbose_name=_("documents"), blank=True, related_name="+"
    )

    panels = [
        FieldRowPanel([FieldPanel("day"), FieldPanel("starts"), FieldPanel("ends")]),
        FieldPanel("title"),
        FieldPanel("speakers"),
        FieldPanel("documents"),
    ]

    def clean(self):
        if self.starts and self.ends and self.ends <= self.starts:
            raise ValidationError({"ends": _("The item ends before it starts.")})
