"""Factories for the shared directory, people and the page tree."""

from django.contrib.auth.models import Group

import factory
import wagtail_factories
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)

from cms.accounts import roles
from cms.accounts.models import AgencyClaim, User
from cms.directory.models import Agency, Country, Network, PopulationGroup, Theme
from cms.pages.models import HomePage, StandardPage


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Country
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"{chr(65 + n // 26 % 26)}{chr(65 + n % 26)}")
    name_en = factory.LazyAttribute(lambda o: f"Country {o.code}")
    name_es = factory.LazyAttribute(lambda o: f"País {o.code}")
    name_fr = factory.LazyAttribute(lambda o: f"Pays {o.code}")
    name_pt = factory.LazyAttribute(lambda o: f"País {o.code}")
    official_languages = factory.LazyFunction(lambda: ["es"])
    time_zones = factory.LazyFunction(lambda: ["America/Lima"])


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    name = factory.Sequence(lambda n: f"Ministry of Social Development {n}")
    acronym = factory.Sequence(lambda n: f"MSD{n}")
    country = factory.SubFactory(CountryFactory)
    sector = Agency.Sector.SOCIAL_DEVELOPMENT


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"theme-{n}")
    name_en = factory.Sequence(lambda n: f"Theme {n}")
    name_es = factory.Sequence(lambda n: f"Tema {n}")


class PopulationGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PopulationGroup
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"group-{n}")
    name_en = factory.Sequence(lambda n: f"Group {n}")


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"network-{n}")
    acronym = factory.Sequence(lambda n: f"NET{n}")
    name_en = factory.Sequence(lambda n: f"Network {n}")

    @factory.post_generation
    def members(self, create, extracted, **kwargs):
        if create and extracted:
            self.members.set(extracted)


TEST_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


class UserFactory(factory.django.DjangoModelFactory):
    """A verified person. ``roles=[...]`` puts them in those groups (Learner by default)."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.django.Password("Correct-horse-2026")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if not create:
            return
        names = [roles.LEARNER] if extracted is None else extracted
        self.groups.add(*Group.objects.filter(name__in=names))

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)

    @factory.post_generation
    def second_factor(self, create, extracted, **kwargs):
        """Staff (superusers, editors, the secretariat) have enrolled an authenticator app, as
        the admin requires; ``second_factor=False`` makes one who has not yet. Its codes come
        from ``totp_code()``."""
        if not create or extracted is False:
            return
        staff = self.is_superuser or self.groups.filter(
            name__in=[roles.EDITOR, roles.SECRETARIAT]
        ).exists()
        if extracted or staff:
            TOTP.activate(self, TEST_TOTP_SECRET)


def totp_code(secret: str = TEST_TOTP_SECRET) -> str:
    """The current authenticator code of a factory-made staff member."""
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def focal_point_for(agency: Agency, **kwargs) -> User:
    """A person whose claim to act for ``agency`` the secretariat approved."""
    user = UserFactory(roles=[roles.LEARNER, roles.FOCAL_POINT], agency=agency, **kwargs)
    AgencyClaim.objects.create(user=user, agency=agency, status=AgencyClaim.Status.APPROVED)
    return user


def staff_of(agency: Agency, **kwargs) -> User:
    """A person whose claim to work at ``agency`` the secretariat approved (not a focal point):
    the profile's agency alone grants nothing."""
    user = UserFactory(agency=agency, **kwargs)
    AgencyClaim.objects.create(user=user, agency=agency, status=AgencyClaim.Status.APPROVED)
    return user


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Puente"
    intro = "Courses, webinars and peer exchanges."


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Standard page {n}")
    intro = "An introduction."
