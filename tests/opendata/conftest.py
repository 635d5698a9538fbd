"""Data in every domain that feeds a dataset, made by people with known names and emails."""


from tests.countries.conftest import (  # noqa: F401 (fixtures)
    chile,
    mdsf,
    midis,
    peru,
    profile_data,
)
