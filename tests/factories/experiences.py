"""Factories for experiences and their library page."""

import factory
import wagtail_factories

from experiences.models import ExperienceIndexPage, ExperiencePage
from tests.factories import AgencyFactory


class ExperienceIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ExperienceIndexPage

    title = "Experiences"
    slug = "experiences"


class ExperiencePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ExperiencePage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Experience {n}")
    summary = "How an agency reached more families."
    agency = factory.SubFactory(AgencyFactory)
    country = factory.LazyAttribute(lambda o: o.agency.country)
    start_year = 2019
    original_language = "en"
    problem = "<p>Families did not know which benefits they could claim.</p>"
    actions = "<p>The agency opened one-stop service points.</p>"
    last_verified = factory.Faker("date_between", start_date="-1y", end_date="today")

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if extracted:
            self.themes.set(extracted)
            if create:
                self.save()

    @factory.post_generation
    def population_groups(self, create, extracted, **kwargs):
        if extracted:
            self.population_groups.set(extracted)
            if create:
                self.save()
