"""Attachments go to a temporary directory in every exchanges test."""

from django.utils.functional import empty

import pytest

from exchanges.models import private_storage


@pytest.fixture(autouse=True)
def _private_attachments(settings, tmp_path):
    settings.EXCHANGES_ATTACHMENT_ROOT = tmp_path / "attachments"
    private_storage._wrapped = empty
    yield
    private_storage._wrapped = empty
