"""Private files: kept under ``PRIVATE_ROOT`` (outside ``MEDIA_ROOT``), never given a URL, served
only by the permission-checking view of the app that owns them (exchange attachments, forum
documents, national reports). One storage class for all of them."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.functional import LazyObject


class PrivateFileSystemStorage(FileSystemStorage):
    def url(self, name):
        raise ValueError("Private files have no public address; use their download view.")


class PrivateStorage(LazyObject):
    """The storage under the directory a setting names, read when first used (tests point the
    setting at a temporary directory and reset ``_wrapped``)."""

    def __init__(self, setting: str):
        self.__dict__["_setting"] = setting
        super().__init__()

    def _setup(self):
        self._wrapped = PrivateFileSystemStorage(location=getattr(settings, self._setting))
