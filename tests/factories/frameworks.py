"""Factories for legal frameworks: instruments, articles, pages, status rows, reports."""

import factory
import wagtail_factories

from frameworks.models import (
    Article,
    CountryStatus,
    Framework,
    FrameworkIndexPage,
    FrameworkPage,
    NationalReport,
    ReportingCycle,
    Standing,
)
from tests.factories import CountryFactory


class FrameworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Framework
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"A-{100 + n}")
    name_en = factory.LazyAttribute(lambda o: f"Convention {o.code}")
    name_es = factory.LazyAttribute(lambda o: f"Convención {o.code}")
    name_fr = factory.LazyAttribute(lambda o: f"Convention {o.code} (fr)")
    name_pt = factory.LazyAttribute(lambda o: f"Convenção {o.code}")
    binding = True
    entry_into_force_deposits = 2
    entry_into_force_days = 30


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    framework = factory.SubFactory(FrameworkFactory)
    number = factory.Sequence(lambda n: str(n + 100))
    heading_en = factory.Sequence(lambda n: f"Right number {n}")
    heading_es = factory.Sequence(lambda n: f"Derecho número {n}")


class FrameworkIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = FrameworkIndexPage

    title = "Legal frameworks"
    slug = "legal-frameworks"


class FrameworkPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = FrameworkPage

    framework = factory.SubFactory(FrameworkFactory)
    title = factory.LazyAttribute(lambda o: o.framework.name_en)
    slug = factory.LazyAttribute(lambda o: o.framework.slug)
    summary = "States undertake to protect the rights it sets out."


class CountryStatusFactory(factory.django.DjangoModelFactory):
    """A row written directly (for volume); tests of the rules go through the service."""

    class Meta:
        model = CountryStatus

    framework = factory.SubFactory(FrameworkFactory)
    country = factory.SubFactory(CountryFactory)
    signed = True
    standing = Standing.SIGNATORY


class ReportingCycleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportingCycle

    framework = factory.SubFactory(FrameworkFactory)
    name_en = "First national report"
    name_es = "Primer informe nacional"
    due_date = factory.Faker("future_date", end_date="+60d")


class NationalReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NationalReport

    cycle = factory.SubFactory(ReportingCycleFactory)
    country = factory.SubFactory(CountryFactory)
