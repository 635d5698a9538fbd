import pytest

from tests.factories.projects import project_indexes


@pytest.fixture
def indexes(home_pages):
    return project_indexes(home_pages)
