"""The search tests index experiences: the fixtures that publish them are experiences' own."""

from tests.experiences.conftest import cash_transfers, libraries, peru, publish  # noqa: F401
