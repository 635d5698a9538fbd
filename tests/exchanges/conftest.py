"""Attachments of the exchanges tests go to one temporary directory."""

from django.test import override_settings
from django.utils.functional import empty

import pytest

from exchanges.models import private_storage


@pytest.fixture(autouse=True, scope="session")
def _private_attachments(tmp_path_factory):
    with override_settings(EXCHANGES_ATTACHMENT_ROOT=tmp_path_factory.mktemp("attachments")):
        private_storage._wrapped = empty
        yield
    private_storage._wrapped = empty
