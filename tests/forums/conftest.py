"""A forum with two member countries, a meeting open for registration, a commitment and an
open reporting cycle; a focal point for each country."""

import pytest

from tests.factories import AgencyFactory, CountryFactory, focal_point_for
from tests.factories.forums import (
    CommitmentFactory,
    ForumIndexPageFactory,
    ForumPageFactory,
    MeetingPageFactory,
    ReportingCycleFactory,
)


@pytest.fixture
def private_root(settings, tmp_path):
    settings.FORUMS_DOCUMENT_ROOT = tmp_path / "forums"
    from forums.models.documents import private_storage

    private_storage._wrapped = None
    from django.utils.functional import empty

    private_storage._wrapped = empty
    return tmp_path


@pytest.fixture
def countries(db):
    return CountryFactory(code="PE", name_en="Peru"), CountryFactory(code="CL", name_en="Chile")


@pytest.fixture
def forum_index(home_page):
    return ForumIndexPageFactory(parent=home_page)


@pytest.fixture
def forum(forum_index, countries):
    return ForumPageFactory(parent=forum_index, members=list(countries))


@pytest.fixture
def meeting(forum):
    return MeetingPageFactory(parent=forum)


@pytest.fixture
def commitment(meeting):
    return CommitmentFactory(meeting=meeting)


@pytest.fixture
def cycle(forum):
    return ReportingCycleFactory(forum=forum)


@pytest.fixture
def peru_fp(countries):
    return focal_point_for(AgencyFactory(country=countries[0]))


@pytest.fixture
def chile_fp(countries):
    return focal_point_for(AgencyFactory(country=countries[1]))
