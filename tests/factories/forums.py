"""Factories for political dialogue: forums, meetings, documents, commitments, reports."""

from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

import factory
import wagtail_factories

from forums.models import (
    Commitment,
    CountryReport,
    Delegation,
    DocumentFile,
    ForumDocument,
    ForumIndexPage,
    ForumPage,
    MeetingPage,
    ReportingCycle,
)
from tests.factories import CountryFactory


class ForumIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ForumIndexPage

    title = "Forums"
    slug = "forums"


class ForumPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ForumPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Inter-American Conference {n}")
    slug = factory.Sequence(lambda n: f"conference-{n}")
    acronym = factory.Sequence(lambda n: f"IAC{n}")
    kind = ForumPage.Kind.CONFERENCE
    summary = "Ministers meet to agree priorities."
    mandate = "<p>Follow up the plan of action.</p>"

    @factory.post_generation
    def members(self, create, extracted, **kwargs):
        if create and extracted:
            self.member_countries.set(extracted)
            self.save_revision().publish()


class MeetingPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = MeetingPage

    title = factory.Sequence(lambda n: f"Meeting {n}")
    slug = factory.Sequence(lambda n: f"meeting-{n}")
    kind = MeetingPage.Kind.MINISTERIAL
    modality = MeetingPage.Modality.IN_PERSON
    summary = "The ministers adopt a declaration."
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(days=1))
    time_zone = "America/Bogota"
    place = "Bogotá"
    registration_opens = factory.LazyFunction(lambda: timezone.now() - timedelta(days=5))
    registration_closes = factory.LazyFunction(lambda: timezone.now() + timedelta(days=10))
    seats_per_delegation = 3


class ForumDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ForumDocument
        skip_postgeneration_save = True

    forum = None
    meeting = None
    kind = ForumDocument.Kind.DECLARATION
    symbol = factory.Sequence(lambda n: f"OEA/Ser.K/XII.{n}.1")
    date = date(2024, 3, 1)
    title_en = factory.Sequence(lambda n: f"Declaration {n}")
    access = ForumDocument.Access.PUBLIC

    @factory.post_generation
    def with_file(self, create, extracted, **kwargs):
        if create and extracted is not False:
            DocumentFile.objects.create(
                document=self, language="en",
                file=ContentFile(b"%PDF-1.4 demo", name="declaration.pdf"),
            )


class CommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commitment

    meeting = None
    forum = factory.LazyAttribute(lambda o: o.meeting.get_parent().specific)
    number = factory.Sequence(lambda n: str(n + 1))
    text_en = factory.Sequence(lambda n: f"Strengthen labour inspection, commitment {n}.")
    text_es = factory.Sequence(lambda n: f"Fortalecer la inspección laboral, compromiso {n}.")


class ReportingCycleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportingCycle

    forum = None
    title = factory.Sequence(lambda n: f"Cycle {n}")
    opens_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=10))
    closes_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))


class CountryReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CountryReport

    cycle = None
    country = factory.SubFactory(CountryFactory)


class DelegationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Delegation

    meeting = None
    country = factory.SubFactory(CountryFactory)
